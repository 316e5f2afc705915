/**
 * The reminder scheduler with a fake clock and timer over a real workbench, data folder and openssl-made
 * certificates: the first run after start, one reminder per threshold crossed (not repeated by a second run
 * or a restart), crossings as days pass, notify off, digests written once a day / month, the timer unref'd.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { ExpiryReminderDto } from '../../api/dto';
import type { NetworkPort } from '../../pki/net/port';
import { makeExpiryTree, type ExpiryTree } from '../../../test/helpers/expiry-tree';
import { createWorkbench } from '..';
import { DAY_MS, ReminderScheduler, reminderFor, type DigestRenderer, type TimerPort } from './reminders';
import { REMINDER_STATE_FILE } from './reminder-state';

let tree: ExpiryTree;
let certs: string;
before(() => {
  tree = makeExpiryTree();
  certs = mkdtempSync(join(tmpdir(), 'expiry-remind-'));
  for (const [name, leaf] of Object.entries(tree.leaves)) writeFileSync(join(certs, `${name}.pem`), leaf.pem);
});

class FakeTimers implements TimerPort {
  pending: { run: () => void; ms: number }[] = [];
  setTimeout(run: () => void, ms: number) {
    const t = { run, ms };
    this.pending.push(t);
    return t;
  }
  clearTimeout(handle: unknown) {
    this.pending = this.pending.filter((t) => t !== handle);
  }
  /** Fires the next timer and waits until the run it started has scheduled the next one. */
  async fire(): Promise<void> {
    const t = this.pending.shift();
    assert.ok(t, 'a timer is pending');
    t.run();
    for (let i = 0; i < 500 && this.pending.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  }
}

const noNet: NetworkPort = { http: () => Promise.reject(new Error('no')), tls: () => Promise.reject(new Error('no')) };

async function setup(dataDir = mkdtempSync(join(tmpdir(), 'expiry-remind-data-')), clock = { now: new Date(tree.made.getTime() + 3600_000) }, renderDigest?: DigestRenderer) {
  const wb = createWorkbench({ dataDir, now: () => clock.now, net: noNet });
  wb.grants.grant([certs]);
  if ((await wb.handlers['expiry.watchlist']({})).targets.length === 0) await wb.handlers['expiry.addTargets']({ targets: [{ kind: 'folder', location: certs }] });
  const timers = new FakeTimers();
  const reminders: ExpiryReminderDto[] = [];
  wb.events.on((event, payload) => event === 'expiry.reminder' && reminders.push(payload as ExpiryReminderDto));
  const errors: string[] = [];
  const scheduler = new ReminderScheduler({ watch: wb.expiry, events: wb.events, dataDir, now: () => clock.now, timers, renderDigest, onError: (m) => errors.push(m) });
  return { wb, dataDir, clock, timers, reminders, scheduler, errors };
}

const names = (r: ExpiryReminderDto) => r.rows.map((row) => row.source.replace(certs + '/', ''));

test('on start (after a short delay) it scans and reminds of everything past a threshold; then every 24 hours, without repeating itself', async () => {
  const s = await setup();
  s.scheduler.start();
  assert.equal(s.timers.pending.length, 1);
  assert.ok(s.timers.pending[0].ms > 0 && s.timers.pending[0].ms < 60_000);
  assert.equal(s.reminders.length, 0);
  await s.timers.fire();
  assert.equal(s.reminders.length, 1);
  const r = s.reminders[0];
  // Soonest first: the expired one, then 2, 20 and 50 days; the one valid for a year is not in it.
  assert.deepEqual(names(r), ['expired.pem', 'd2.pem', 'd20.pem', 'd50.pem']);
  assert.equal(r.title, '4 certificates need attention (1 expired)');
  assert.match(r.body, /expired\.example\.test expired 11 days ago/);
  assert.match(r.body, /d2\.example\.test expires tomorrow/);
  assert.deepEqual(s.timers.pending.map((t) => t.ms), [DAY_MS]);
  // The scan it made is the last scan the page shows.
  assert.equal((await s.wb.handlers['expiry.watchlist']({})).lastScan?.rows.length, 5);
  await s.timers.fire();
  assert.equal(s.reminders.length, 1, 'nothing crossed a threshold since');
  assert.deepEqual(s.errors, []);
  s.scheduler.stop();
  assert.equal(s.timers.pending.length, 0);
});

test('a restart does not repeat a reminder (the state is in the data folder); days passing cross thresholds again', async () => {
  const first = await setup();
  await first.scheduler.run();
  assert.equal(first.reminders.length, 1);
  assert.ok(existsSync(join(first.dataDir, REMINDER_STATE_FILE)));
  const restarted = await setup(first.dataDir, first.clock);
  assert.equal((await restarted.scheduler.run()).reminder, null);
  assert.equal(restarted.reminders.length, 0);
  // 28 days on: the 50-day one is within 30 days, the 20- and 2-day ones have expired; the expired one is not news.
  restarted.clock.now = new Date(restarted.clock.now.getTime() + 28 * DAY_MS);
  const run = await restarted.scheduler.run();
  assert.deepEqual(names(run.reminder!), ['d2.pem', 'd20.pem', 'd50.pem']);
  assert.equal(run.reminder!.title, '3 certificates need attention (2 expired)');
  assert.deepEqual(restarted.reminders, [run.reminder]);
});

test('notifications off: no reminder is raised, and turning them on later does not replay old news', async () => {
  const s = await setup();
  await s.wb.handlers['expiry.updateSettings']({ notify: false });
  assert.equal((await s.scheduler.run()).reminder, null);
  await s.wb.handlers['expiry.updateSettings']({ notify: true });
  assert.equal((await s.scheduler.run()).reminder, null);
  assert.equal(s.reminders.length, 0);
});

test('scheduled digests: daily once a day, monthly once a month, into dataDir/reports by default; none when off', async () => {
  const rendered: string[] = [];
  const render: DigestRenderer = (scan, kind, now) => {
    rendered.push(kind);
    return [{ extension: 'txt', text: `${kind} ${now.toISOString()} ${scan.rows.length}` }, { extension: 'html', text: `<p>${kind}</p>` }];
  };
  const clock = { now: new Date(2027, 0, 31, 9, 0) };
  const s = await setup(undefined, clock, render);
  assert.deepEqual((await s.scheduler.run()).written, []);
  await s.wb.handlers['expiry.updateSettings']({ dailyDigest: true, monthlyDigest: true });
  const reports = join(s.dataDir, 'reports');
  const first = await s.scheduler.run();
  assert.deepEqual(first.written.map((p) => p.replace(reports + '/', '')), ['certbench-expiry-daily-2027-01-31.txt', 'certbench-expiry-daily-2027-01-31.html', 'certbench-expiry-monthly-2027-01.txt', 'certbench-expiry-monthly-2027-01.html']);
  assert.equal(readFileSync(join(reports, 'certbench-expiry-daily-2027-01-31.txt'), 'utf8'), `daily ${clock.now.toISOString()} 5`);
  assert.deepEqual((await s.scheduler.run()).written, []);
  clock.now = new Date(2027, 1, 1, 9, 0);
  const next = await s.scheduler.run();
  assert.deepEqual(next.written.map((p) => p.replace(reports + '/', '')), ['certbench-expiry-daily-2027-02-01.txt', 'certbench-expiry-daily-2027-02-01.html', 'certbench-expiry-monthly-2027-02.txt', 'certbench-expiry-monthly-2027-02.html']);
  clock.now = new Date(2027, 1, 2, 9, 0);
  assert.deepEqual((await s.scheduler.run()).written.length, 2);
  assert.deepEqual(rendered, ['daily', 'monthly', 'daily', 'monthly', 'daily']);
  assert.equal(readdirSync(reports).length, 10);
});

test('a digest that cannot be written is told, does not stop the reminder, and is tried again next run', async () => {
  let fail = true;
  const render: DigestRenderer = () => {
    if (fail) throw new Error('writer broke');
    return [{ extension: 'txt', text: 'ok' }];
  };
  const s = await setup(undefined, undefined, render);
  await s.wb.handlers['expiry.updateSettings']({ dailyDigest: true });
  const run = await s.scheduler.run();
  assert.ok(run.reminder);
  assert.match(s.errors.join('\n'), /writer broke/);
  fail = false;
  assert.equal((await s.scheduler.run()).written.length, 1);
});

test('a damaged watchlist: the run fails in words through onError and the timer keeps going', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'expiry-remind-bad-'));
  const s = await setup(dataDir);
  writeFileSync(join(dataDir, 'watchlist.json'), '{oops');
  s.scheduler.start();
  await s.timers.fire();
  assert.match(s.errors.join('\n'), /watchlist .* is damaged/);
  assert.deepEqual(s.timers.pending.map((t) => t.ms), [DAY_MS]);
  s.scheduler.stop();
});

test('the real timer never keeps the process alive', () => {
  const wb = createWorkbench({ net: noNet });
  wb.reminders.start();
  const handle = (wb.reminders as unknown as { handle: NodeJS.Timeout }).handle;
  assert.equal(handle.hasRef(), false);
  wb.reminders.stop();
});

test('reminder words: one certificate is named in the title', () => {
  const row = { targetId: 't', source: '/a.pem', presence: 'stored' as const, subject: 'O=X,CN=shop.example.test', issuer: '', sha256: 'AA', serial: '1', notBefore: null, notAfter: null, daysLeft: 2, status: 'expiring' as const, threshold: 3, isCA: false, error: null };
  assert.equal(reminderFor([row]).title, 'shop.example.test expires in 2 days');
  assert.equal(reminderFor([{ ...row, daysLeft: -1, status: 'expired', threshold: null }]).title, 'shop.example.test expired 1 day ago');
});

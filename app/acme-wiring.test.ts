/**
 * ACME orders in the desktop shell: app/main.ts bundled against the fake 'electron' (as the other wiring tests),
 * with Debian's pebble on 127.0.0.1. An order placed by an earlier run and left 'ready' when it quit (before the
 * certificate was asked for) is finished by the app on its next start (resumeUnfinished), announced as an OS
 * notification and to the window; clicking the notification brings the window forward; quitting waits for the
 * ACME work to stop (will-quit prevented once, then app.quit). notifyAcme alone: only acme.notice notifies.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { AcmeOrderDto } from '../main/api/dto';
import { EventHub } from '../main/workbench/events';
import { leaveOrderReady } from '../test/helpers/acme-ready-order';
import { startPebble, type Pebble } from '../test/helpers/pebble';
import { notifyAcme } from './notify';
import { FakeNotification } from './testing/fake-electron';
import { startFakeApp } from './testing/load-with-fake';

let dir = '';
let pebble: Pebble | null = null;
after(async () => {
  await pebble?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const until = async (check: () => boolean, ms = 30_000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  assert.ok(check(), 'timed out');
};

test('an order left ready by the last run is finished on start and notified; a click shows the window; quit waits for ACME to stop', { timeout: 90_000 }, async () => {
  pebble = await startPebble();
  const started = await startFakeApp();
  started.restoreArgv();
  dir = started.dir;
  const fake = started.fake;

  // The last run: an order over HTTP-01 that the app quit in the middle of, once the CA had validated it.
  const placed = await leaveOrderReady(pebble, fake.recorded.userData, 'resumed.example.test');

  fake.app.becomeReady();
  const notifications = fake.recorded.notifications as FakeNotification[];
  await until(() => notifications.length > 0);
  assert.equal(notifications.length, 1);
  assert.equal(notifications[0].options.title, 'Certificate issued for resumed.example.test');
  const win = fake.recorded.windows[0];
  assert.ok(win.webContents.sent.some((m: { channel: string }) => m.channel.endsWith('acme.notice')), 'the window heard it too');
  const focusBefore = fake.recorded.calls.filter((c: string) => c === 'focus').length;
  notifications[0].emit('click');
  assert.equal(fake.recorded.calls.filter((c: string) => c === 'focus').length, focusBefore + 1);

  // The window's order list has it issued, with a chain openssl verifies against pebble's root.
  const listed = await fake.recorded.ipcHandlers.get('certbench:acme.orders')({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
  const order = (listed.value.orders as AcmeOrderDto[]).find((o) => o.id === placed.id)!;
  assert.equal(order.state, 'issued');
  assert.ok(order.timeline.some((s) => /Resumed/.test(s.message)), JSON.stringify(order.timeline));
  const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const verified = execFileSync('openssl', ['verify', '-CAfile', file('root.pem', await pebble.rootPem()), '-untrusted', file('chain.pem', order.result!.chainPem), file('cert.pem', order.result!.certificatePem)]).toString();
  assert.match(verified, /cert\.pem: OK/);

  // Quitting: held once while ACME work stops, then the app quits; the second will-quit goes through.
  const quitsBefore = fake.recorded.calls.filter((c: string) => c === 'quit').length;
  const first = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  fake.app.emit('will-quit', first);
  assert.equal(first.defaultPrevented, true);
  await until(() => fake.recorded.calls.filter((c: string) => c === 'quit').length > quitsBefore, 5000);
  const second = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  fake.app.emit('will-quit', second);
  assert.equal(second.defaultPrevented, false);
});

test('notifyAcme: only acme.notice events are notifications; an OS without notifications gets none', () => {
  const events = new EventHub();
  const shown: FakeNotification[] = [];
  class Recording extends FakeNotification {
    override show() {
      shown.push(this);
    }
  }
  const off = notifyAcme(events, Recording, () => {});
  events.emit('expiry.reminder', { title: 'R', body: 'B', rows: [] });
  events.emit('acme.notice', { orderId: 'o1', ok: false, title: 'Pebble refused www.example.test', body: 'The CA said no. Check the name.' });
  assert.deepEqual(shown.map((n) => n.options), [{ title: 'Pebble refused www.example.test', body: 'The CA said no. Check the name.' }]);
  FakeNotification.supported = false;
  try {
    events.emit('acme.notice', { orderId: 'o2', ok: true, title: 'T2', body: 'B2' });
  } finally {
    FakeNotification.supported = true;
  }
  assert.equal(shown.length, 1);
  off();
});

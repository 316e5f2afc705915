/**
 * The expiry.* api as the Expiry page calls it, over a real workbench with a data folder: adding only chosen
 * paths (granted, or inside a chosen/output folder), passwords kept in the vault and never in watchlist.json or
 * a response, a scan with progress events and operations.cancel, the last scan kept across a restart, and
 * the request schemas.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { makeExpiryTree, STORE_PASSWORD, type ExpiryTree } from '../../test/helpers/expiry-tree';
import { rejectsWith } from '../../test/helpers/pki-errors';
import type { ProgressEvent } from '../api/contract';
import { createDispatcher } from '../rpc/dispatcher';
import type { NetworkPort } from '../pki/net/port';
import { createWorkbench } from '.';
import { WATCHLIST_FILE } from './expiry/store';

let tree: ExpiryTree;
let now: Date;
before(() => {
  tree = makeExpiryTree();
  now = new Date(tree.made.getTime() + 3600_000);
});

/** No endpoint test here reaches a network: fetches wait for the abort (cancel) or fail at once. */
const hangingNet: NetworkPort = {
  http: () => Promise.reject(new Error('no http')),
  tls: (target) => new Promise((_, reject) => target.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
};

function setup(dataDir = mkdtempSync(join(tmpdir(), 'expiry-data-'))) {
  const wb = createWorkbench({ dataDir, now: () => now, net: hangingNet });
  return { wb, dataDir, h: wb.handlers };
}

test('addTargets: a path nobody chose is refused before the disk is touched; a granted folder, a file inside it and an endpoint are added', async () => {
  const { wb, h } = setup();
  const e = await rejectsWith(h['expiry.addTargets']({ targets: [{ kind: 'folder', location: tree.dir }] }), 'INVALID_ARGUMENT');
  assert.match(e.hint, /Add folder/);
  await rejectsWith(h['expiry.addTargets']({ targets: [{ kind: 'file', location: '/etc/does-not-matter.pem' }] }), 'INVALID_ARGUMENT');
  wb.grants.grant([tree.dir]);
  const w = await h['expiry.addTargets']({ targets: [{ kind: 'folder', location: tree.dir, label: 'Tree' }, { kind: 'file', location: join(tree.dir, 'sub', 'd20.pem') }, { kind: 'endpoint', location: 'shop.example.test:443' }] });
  assert.deepEqual(w.targets.map((t) => [t.kind, t.location, t.label]), [['folder', tree.dir, 'Tree'], ['file', join(tree.dir, 'sub', 'd20.pem'), null], ['endpoint', 'shop.example.test:443', null]]);
  assert.ok(new Set(w.targets.map((t) => t.id)).size === 3);
  assert.deepEqual(w.settings, { thresholds: [60, 30, 3], notify: true, dailyDigest: false, monthlyDigest: false, reportsFolder: null });
});

test('the web host: a folder inside its output folder can be added without a grant', async () => {
  const { wb, h } = setup();
  const out = mkdtempSync(join(tmpdir(), 'expiry-out-'));
  wb.folders.grant(out);
  writeFileSync(join(out, 'ok.pem'), tree.leaves.ok.pem);
  const w = await h['expiry.addTargets']({ targets: [{ kind: 'folder', location: out }] });
  assert.equal(w.targets.length, 1);
  const scan = await h['expiry.scan']({});
  assert.deepEqual(scan.rows.map((r) => [r.source, r.status]), [[join(out, 'ok.pem'), 'ok']]);
});

test('one bad target adds nothing; the same place added again updates its entry instead of doubling it', async () => {
  const { wb, h } = setup();
  wb.grants.grant([tree.dir]);
  await rejectsWith(h['expiry.addTargets']({ targets: [{ kind: 'folder', location: tree.dir }, { kind: 'endpoint', location: 'no-port.example.test' }] }), 'INVALID_ARGUMENT');
  assert.equal((await h['expiry.watchlist']({})).targets.length, 0);
  const first = await h['expiry.addTargets']({ targets: [{ kind: 'folder', location: tree.dir }] });
  const second = await h['expiry.addTargets']({ targets: [{ kind: 'folder', location: tree.dir + '/', label: 'Again', password: STORE_PASSWORD }] });
  assert.equal(second.targets.length, 1);
  assert.equal(second.targets[0].id, first.targets[0].id);
  assert.deepEqual([second.targets[0].label, second.targets[0].hasPassword], ['Again', true]);
});

test('passwords: in the vault only; never in watchlist.json, the watchlist or the scan; the PFX opens with it', async () => {
  const { wb, h, dataDir } = setup();
  wb.grants.grant([tree.dir]);
  const w = await h['expiry.addTargets']({ targets: [{ kind: 'folder', location: tree.dir, password: STORE_PASSWORD }] });
  assert.equal(w.targets[0].hasPassword, true);
  const scan = await h['expiry.scan']({});
  const pfx = scan.rows.find((r) => r.source === join(tree.dir, 'store.pfx'));
  assert.equal(pfx?.status, 'expiring');
  const file = readFileSync(join(dataDir, WATCHLIST_FILE), 'utf8');
  for (const text of [file, JSON.stringify(w), JSON.stringify(scan), JSON.stringify(await h['expiry.watchlist']({}))]) assert.equal(text.includes(STORE_PASSWORD), false);
  assert.equal(JSON.parse(file).targets[0].hasPassword, undefined);
  // A restart (a new workbench on the same data folder) keeps the target and the last scan, not the password.
  const restarted = setup(dataDir);
  const after = await restarted.h['expiry.watchlist']({});
  assert.deepEqual([after.targets.length, after.targets[0].hasPassword, after.lastScan?.scanId], [1, false, scan.scanId]);
  // Removing the target forgets its password.
  await h['expiry.removeTargets']({ ids: [w.targets[0].id] });
  assert.equal(wb.session.vault.password(`expiry:${w.targets[0].id}`), undefined);
});

test('scan: progress events under one operation, ending done; counts agree with the rows; the scan is kept as the last one', async () => {
  const { wb, h } = setup();
  wb.grants.grant([tree.dir]);
  await h['expiry.addTargets']({ targets: [{ kind: 'folder', location: tree.dir }] });
  const progress: ProgressEvent[] = [];
  wb.events.on((event, payload) => event === 'progress' && progress.push(payload as ProgressEvent));
  const scan = await h['expiry.scan']({});
  assert.ok(progress.length >= 2);
  assert.equal(new Set(progress.map((p) => p.operationId)).size, 1);
  assert.match(progress[0].label, /Scanning the watchlist/);
  assert.equal(progress.at(-1)?.done, true);
  assert.deepEqual(scan.counts, { ok: 2, expiring: 4, expired: 1, error: 3 });
  assert.deepEqual((await h['expiry.watchlist']({})).lastScan, scan);
});

test('scan: operations.cancel stops it; the files found are kept and the scan says cancelled', async () => {
  const { wb, h } = setup();
  wb.grants.grant([tree.dir]);
  const w = await h['expiry.addTargets']({ targets: [{ kind: 'file', location: join(tree.dir, 'ok.pem') }, { kind: 'endpoint', location: 'stuck.example.test:443' }] });
  let operationId: string | null = null;
  wb.events.on((event, payload) => {
    if (event === 'progress' && !operationId) operationId = (payload as ProgressEvent).operationId;
  });
  const running = h['expiry.scan']({});
  while (!operationId) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await h['operations.cancel']({ operationId }), { cancelled: true });
  const scan = await running;
  assert.equal(scan.cancelled, true);
  assert.deepEqual(scan.rows.map((r) => [r.targetId, r.status]), [[w.targets[0].id, 'ok']]);
});

test('removeTargets, updateSettings and scan of chosen targets; unknown ids are NOT_FOUND; the reports folder must be chosen', async () => {
  const { wb, h } = setup();
  wb.grants.grant([tree.dir]);
  const w = await h['expiry.addTargets']({ targets: [{ kind: 'file', location: join(tree.dir, 'ok.pem') }, { kind: 'file', location: join(tree.dir, 'expired.pem') }] });
  const [a, b] = w.targets.map((t) => t.id);
  const only = await h['expiry.scan']({ targetIds: [b] });
  assert.deepEqual(only.rows.map((r) => r.status), ['expired']);
  await rejectsWith(h['expiry.scan']({ targetIds: ['t_nope'] }), 'NOT_FOUND');
  await rejectsWith(h['expiry.removeTargets']({ ids: [a, 't_nope'] }), 'NOT_FOUND');
  assert.equal((await h['expiry.watchlist']({})).targets.length, 2);
  const removed = await h['expiry.removeTargets']({ ids: [b] });
  assert.deepEqual([removed.targets.map((t) => t.id), removed.lastScan?.rows.length], [[a], 0]);
  const s = await h['expiry.updateSettings']({ thresholds: [7, 90, 30, 7], notify: false });
  assert.deepEqual([s.settings.thresholds, s.settings.notify, s.settings.dailyDigest], [[90, 30, 7], false, false]);
  await rejectsWith(h['expiry.updateSettings']({ reportsFolder: '/somewhere/else' }), 'INVALID_ARGUMENT');
  const reports = mkdtempSync(join(tmpdir(), 'expiry-reports-'));
  wb.grants.grant([reports]);
  assert.equal((await h['expiry.updateSettings']({ reportsFolder: reports })).settings.reportsFolder, reports);
  const rescan = await h['expiry.scan']({});
  assert.deepEqual(rescan.thresholds, [90, 30, 7]);
});

test('digest and export before any scan say to scan first; export writes only into a chosen folder', async () => {
  const { wb, h } = setup();
  await rejectsWith(h['expiry.digest']({ kind: 'daily' }), 'INVALID_ARGUMENT');
  const out = mkdtempSync(join(tmpdir(), 'expiry-export-'));
  wb.folders.grant(out);
  await rejectsWith(h['expiry.export']({ format: 'csv', destination: { folder: out, fileName: 'x.csv' } }), 'INVALID_ARGUMENT');
  await rejectsWith(h['expiry.export']({ format: 'csv', destination: { folder: tmpdir(), fileName: 'x.csv' } }), 'INVALID_ARGUMENT');
});

test('the request schemas: bad kinds, empty lists, thresholds out of range and unknown fields are refused in words', async () => {
  const { wb } = setup();
  const d = createDispatcher(wb.handlers);
  for (const [method, request] of [
    ['expiry.addTargets', { targets: [] }],
    ['expiry.addTargets', { targets: [{ kind: 'socket', location: 'x' }] }],
    ['expiry.addTargets', { targets: [{ kind: 'file', location: '' }] }],
    ['expiry.updateSettings', { thresholds: [0] }],
    ['expiry.updateSettings', { thresholds: [] }],
    ['expiry.scan', { targetIds: ['x'], extra: 1 }],
    ['expiry.digest', { kind: 'weekly' }],
  ] as const) {
    const r = await d.dispatch(method, request);
    assert.equal(r.ok, false, `${method} ${JSON.stringify(request)}`);
    if (!r.ok) assert.equal(r.error.code, 'INVALID_ARGUMENT');
  }
  const ok = await d.dispatch('expiry.watchlist', {});
  assert.equal(ok.ok, true);
});

test('every method the workbench serves is one the dispatcher and the preload let through (API_METHODS)', async () => {
  const { API_METHODS } = await import('../api/contract');
  const { wb } = setup();
  assert.deepEqual(Object.keys(wb.handlers).sort(), [...API_METHODS].sort());
});

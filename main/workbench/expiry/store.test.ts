/** watchlist.json: the round trip, atomic rewrite, refusal (never an overwrite) of a damaged or newer file, memory without a data folder. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { targetFromInput } from './target-input';
import { emptyWatchlist, WatchlistStore, WATCHLIST_FILE } from './store';

const now = new Date('2026-11-27T12:00:00Z');
const target = (location: string, id: string) => {
  const { hasPassword: _, ...stored } = targetFromInput({ kind: 'endpoint', location }, id, now);
  void _;
  return stored;
};

test('round trip: what is written is read back by a new store; the file has a schema version and no temp files are left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'watchlist-'));
  const store = new WatchlistStore(dir);
  assert.deepEqual(await store.load(), emptyWatchlist());
  await store.update((w) => ({ ...w, targets: [target('a.example.test:443', 't1')], settings: { ...w.settings, thresholds: [45, 7] } }));
  const again = await new WatchlistStore(dir).load();
  assert.deepEqual(again.targets.map((t) => t.location), ['a.example.test:443']);
  assert.deepEqual(again.settings.thresholds, [45, 7]);
  const raw = JSON.parse(readFileSync(join(dir, WATCHLIST_FILE), 'utf8'));
  assert.equal(raw.schemaVersion, 1);
  assert.deepEqual(readdirSync(dir), [WATCHLIST_FILE]);
});

test('changes one after another: ten quick updates all land', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'watchlist-'));
  const store = new WatchlistStore(dir);
  await Promise.all(Array.from({ length: 10 }, (_, i) => store.update((w) => ({ ...w, targets: [...w.targets, target(`h${i}.example.test:443`, `t${i}`)] }))));
  assert.equal((await new WatchlistStore(dir).load()).targets.length, 10);
});

test('a damaged file is refused with CORRUPT, copied to .bak, and never overwritten by a change', async () => {
  for (const [text, why] of [['{"schemaVersion": 1, "targets": [', /not JSON/], ['{"schemaVersion": 1, "targets": {}}', /targets/], ['[1,2]', /schema version|not a watchlist/], ['{"schemaVersion":1,"targets":[{"id":"x","kind":"endpoint","location":"a:1","endpoint":null}]}', /host and port/]] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'watchlist-'));
    const path = join(dir, WATCHLIST_FILE);
    writeFileSync(path, text);
    const store = new WatchlistStore(dir);
    const e = await rejectsWith(store.load(), 'CORRUPT');
    assert.match(e.message, why);
    assert.match(e.message, /\.bak/);
    assert.ok(e.hint.length > 0);
    await rejectsWith(store.update((w) => ({ ...w, targets: [target('b.example.test:443', 'b')] })), 'CORRUPT');
    assert.equal(readFileSync(path, 'utf8'), text);
    assert.equal(readFileSync(path + '.bak', 'utf8'), text);
  }
});

test('a file from a newer Certbench is refused and left alone; fixing the file makes the store work again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'watchlist-'));
  const path = join(dir, WATCHLIST_FILE);
  const newer = JSON.stringify({ schemaVersion: 2, targets: [], settings: {}, lastScan: null, somethingNew: true });
  writeFileSync(path, newer);
  const store = new WatchlistStore(dir);
  const e = await rejectsWith(store.update((w) => w), 'INVALID_ARGUMENT');
  assert.match(e.message, /newer Certbench/);
  assert.equal(readFileSync(path, 'utf8'), newer);
  writeFileSync(path, JSON.stringify({ schemaVersion: 1, targets: [] }));
  assert.deepEqual((await store.load()).settings, emptyWatchlist().settings);
});

test('without a data folder the watchlist lives in memory and touches no disk', async () => {
  const store = new WatchlistStore(undefined);
  assert.equal(store.path, null);
  await store.update((w) => ({ ...w, targets: [target('m.example.test:443', 'm')] }));
  assert.deepEqual((await store.load()).targets.map((t) => t.id), ['m']);
  assert.equal(existsSync(join(process.cwd(), WATCHLIST_FILE)), false);
});

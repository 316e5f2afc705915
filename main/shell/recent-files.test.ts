/** File > Open Recent: bounded, newest first, persisted in the data folder, missing files dropped. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_RECENT_FILES, RECENT_FILES_NAME, RecentFiles } from './recent-files';

const scratch = () => mkdtempSync(join(tmpdir(), 'recent-files-'));
const touch = (dir: string, name: string) => {
  const p = join(dir, name);
  writeFileSync(p, 'x');
  return p;
};

test('newest first, a reopened file moves to the top instead of repeating, bounded to the maximum', async () => {
  const dir = scratch();
  const recent = new RecentFiles({ dataDir: dir });
  const files = Array.from({ length: MAX_RECENT_FILES + 3 }, (_, i) => touch(dir, `f${i}.pem`));
  for (const f of files) await recent.add([f]);
  await recent.add([files[5]]);
  const list = recent.list();
  assert.equal(list.length, MAX_RECENT_FILES);
  assert.equal(list[0], files[5]);
  assert.equal(list[1], files.at(-1));
  assert.equal(new Set(list).size, list.length);
  assert.ok(!list.includes(files[0]), 'the oldest fell off');
  rmSync(dir, { recursive: true, force: true });
});

test('several files opened at once: the last one named ends up on top', async () => {
  const dir = scratch();
  const recent = new RecentFiles({ dataDir: dir });
  const [a, b, c] = ['a.pem', 'b.pfx', 'c.jks'].map((n) => touch(dir, n));
  await recent.add([a, b, c]);
  assert.deepEqual(recent.list(), [c, b, a]);
  rmSync(dir, { recursive: true, force: true });
});

test('the list survives a restart (a new instance reads the data folder)', async () => {
  const dir = scratch();
  const a = touch(dir, 'a.pem');
  const b = touch(dir, 'b.crt');
  await new RecentFiles({ dataDir: dir }).add([a, b]);
  assert.deepEqual(new RecentFiles({ dataDir: dir }).list(), [b, a]);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, RECENT_FILES_NAME), 'utf8')), { version: 1, paths: [b, a] });
  rmSync(dir, { recursive: true, force: true });
});

test('a file deleted since it was opened is left out and forgotten at the next save', async () => {
  const dir = scratch();
  const a = touch(dir, 'a.pem');
  const b = touch(dir, 'b.pem');
  const recent = new RecentFiles({ dataDir: dir });
  await recent.add([a, b]);
  rmSync(a);
  assert.deepEqual(recent.list(), [b]);
  const c = touch(dir, 'c.pem');
  await recent.add([c]);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, RECENT_FILES_NAME), 'utf8')).paths, [c, b]);
  // A folder now stands where the file was: not a file either.
  rmSync(b);
  mkdirSync(b);
  assert.deepEqual(new RecentFiles({ dataDir: dir }).list(), [c]);
  rmSync(dir, { recursive: true, force: true });
});

test('Clear empties the list on disk too', async () => {
  const dir = scratch();
  const recent = new RecentFiles({ dataDir: dir });
  await recent.add([touch(dir, 'a.pem')]);
  await recent.clear();
  assert.deepEqual(recent.list(), []);
  assert.deepEqual(new RecentFiles({ dataDir: dir }).list(), []);
  rmSync(dir, { recursive: true, force: true });
});

test('a damaged or foreign list file reads as empty (no crash), and is replaced on the next save', async () => {
  const dir = scratch();
  const a = touch(dir, 'a.pem');
  for (const text of ['{not json', '[]', '{"paths": "a.pem"}', '{"paths": [1, null, ""]}', '']) {
    writeFileSync(join(dir, RECENT_FILES_NAME), text);
    assert.deepEqual(new RecentFiles({ dataDir: dir }).list(), [], text);
  }
  writeFileSync(join(dir, RECENT_FILES_NAME), JSON.stringify({ version: 1, paths: [a, 7, a] }));
  const recent = new RecentFiles({ dataDir: dir });
  assert.deepEqual(recent.list(), [a], 'non-strings and repeats are dropped');
  await recent.add([a]);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, RECENT_FILES_NAME), 'utf8')).paths, [a]);
  rmSync(dir, { recursive: true, force: true });
});

test('on Windows and macOS the same path in another case is one entry', async () => {
  const recent = new RecentFiles({ caseInsensitive: true, exists: () => true });
  await recent.add(['C:\\Certs\\Shop.pfx']);
  await recent.add(['c:\\certs\\shop.pfx']);
  assert.deepEqual(recent.list(), ['c:\\certs\\shop.pfx']);
  const exact = new RecentFiles({ exists: () => true });
  await exact.add(['/a/Shop.pfx', '/a/shop.pfx']);
  assert.equal(exact.list().length, 2);
});

test('without a data folder the list is kept in memory only', async () => {
  const recent = new RecentFiles({ exists: () => true });
  await recent.add(['/x.pem']);
  assert.deepEqual(recent.list(), ['/x.pem']);
});

test('changes made in quick succession reach the disk in order (the last one stays)', async () => {
  const dir = scratch();
  const recent = new RecentFiles({ dataDir: dir });
  const files = Array.from({ length: 8 }, (_, i) => touch(dir, `q${i}.pem`));
  await Promise.all([...files.map((f) => recent.add([f])), recent.clear(), recent.add([files[3]])]);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, RECENT_FILES_NAME), 'utf8')).paths, [files[3]]);
  rmSync(dir, { recursive: true, force: true });
});

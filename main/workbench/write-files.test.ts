/** Writes are all or nothing, never overwrite without consent, and key files are 0600 whatever the umask. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isPkiError } from '../pki/errors';
import { OutputFolders } from './output-folders';
import { writeFilesAtomically } from './write-files';

const bytes = (s: string) => new TextEncoder().encode(s);
const dir = () => mkdtempSync(join(tmpdir(), 'write-files-'));

test('key files are 0600 and others 0644, even under a permissive umask', async () => {
  const d = dir();
  const old = process.umask(0o000);
  try {
    await writeFilesAtomically([
      { path: join(d, 'key.pem'), bytes: bytes('key'), secret: true },
      { path: join(d, 'cert.pem'), bytes: bytes('cert'), secret: false },
    ]);
  } finally {
    process.umask(old);
  }
  assert.equal(statSync(join(d, 'key.pem')).mode & 0o777, 0o600);
  assert.equal(statSync(join(d, 'cert.pem')).mode & 0o777, 0o644);
  assert.equal(readFileSync(join(d, 'key.pem'), 'utf8'), 'key');
});

test('an existing file: EXISTS naming it, nothing written (not even the other files), no temporary files', async () => {
  const d = dir();
  writeFileSync(join(d, 'b.pem'), 'old');
  await assert.rejects(
    writeFilesAtomically([
      { path: join(d, 'a.pem'), bytes: bytes('a'), secret: false },
      { path: join(d, 'b.pem'), bytes: bytes('b'), secret: false },
    ]),
    (e) => isPkiError(e) && e.code === 'EXISTS' && /b\.pem already exists/.test(e.message),
  );
  assert.deepEqual(readdirSync(d), ['b.pem']);
  assert.equal(readFileSync(join(d, 'b.pem'), 'utf8'), 'old');
  await writeFilesAtomically([{ path: join(d, 'b.pem'), bytes: bytes('new'), secret: false }], { overwrite: true });
  assert.equal(readFileSync(join(d, 'b.pem'), 'utf8'), 'new');
});

test('a failing file (its folder is missing) leaves none of the set behind', async () => {
  const d = dir();
  await assert.rejects(
    writeFilesAtomically([
      { path: join(d, 'a.pem'), bytes: bytes('a'), secret: false },
      { path: join(d, 'missing', 'b.pem'), bytes: bytes('b'), secret: false },
    ]),
    (e) => isPkiError(e) && e.code === 'INVALID_ARGUMENT' && /the folder does not exist/.test(e.message),
  );
  assert.deepEqual(readdirSync(d), []);
});

test('two outputs with one name are refused before writing', async () => {
  const d = dir();
  const path = join(d, 'same.pem');
  await assert.rejects(writeFilesAtomically([{ path, bytes: bytes('1'), secret: false }, { path, bytes: bytes('2'), secret: false }]), (e) => isPkiError(e) && e.code === 'INVALID_ARGUMENT');
  assert.deepEqual(readdirSync(d), []);
});

test('output folders: only chosen folders, only bare file names', () => {
  const folders = new OutputFolders();
  const d = dir();
  mkdirSync(join(d, 'sub'));
  folders.grant(d);
  assert.equal(folders.pathIn(d + '/', 'x.pem'), join(d, 'x.pem'));
  for (const bad of ['../x.pem', 'sub/x.pem', 'a\\b', '..', '.', '']) assert.throws(() => folders.pathIn(d, bad), (e) => isPkiError(e) && e.code === 'INVALID_ARGUMENT', bad);
  assert.throws(() => folders.pathIn(join(d, 'sub'), 'x.pem'), /folder you chose/);
  assert.equal(folders.first, d);
});

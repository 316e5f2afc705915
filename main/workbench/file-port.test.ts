import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, symlinkSync, writeFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isPkiError } from '../pki/errors';
import { nodeFiles } from './file-port';
import { readCapped } from './read-capped';

const dir = mkdtempSync(join(tmpdir(), 'certbench-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const PEM = readFileSync(join(__dirname, '../../test/fixtures/x509/leaf.pem'));

/** Reads `path`, failing the test if it takes over `ms` (a FIFO used to hang here forever). */
async function readWithin(path: string, ms = 2000) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading ${path} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([nodeFiles.read(path), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function refusal(path: string): Promise<{ code: string; message: string; hint: string }> {
  try {
    await readWithin(path);
  } catch (e) {
    assert.ok(isPkiError(e), `untyped error for ${path}: ${String(e)}`);
    return e;
  }
  assert.fail(`${path} was read`);
}

test('a regular file is read whole', async () => {
  const path = join(dir, 'leaf.pem');
  writeFileSync(path, PEM);
  const file = await readWithin(path);
  assert.equal(file.name, 'leaf.pem');
  assert.deepEqual(Buffer.from(file.bytes), PEM);
});

test('a FIFO is refused at once, without waiting for a writer', async () => {
  const path = join(dir, 'pipe');
  execFileSync('mkfifo', [path]);
  const e = await refusal(path);
  assert.equal(e.code, 'INVALID_ARGUMENT');
  assert.match(e.message, /named pipe \(FIFO\), not a regular file/);
  assert.match(e.hint, /regular files only/);
});

test('/dev/zero is refused as a device instead of being read forever', async () => {
  const e = await refusal('/dev/zero');
  assert.equal(e.code, 'INVALID_ARGUMENT');
  assert.match(e.message, /character device/);
});

test('a symbolic link loop says so, not "no file"', async () => {
  symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
  symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
  const e = await refusal(join(dir, 'loop-a'));
  assert.equal(e.code, 'INVALID_ARGUMENT');
  assert.match(e.message, /symbolic link that loops/);
});

test('a folder is refused as a folder', async () => {
  const path = join(dir, 'folder');
  mkdirSync(path);
  const e = await refusal(path);
  assert.equal(e.code, 'INVALID_ARGUMENT');
  assert.match(e.message, /is a folder, not a file/);
});

test('a missing file is NOT_FOUND', async () => {
  const e = await refusal(join(dir, 'missing.pem'));
  assert.equal(e.code, 'NOT_FOUND');
  assert.match(e.message, /There is no file at/);
});

test('a file whose name is not valid UTF-8 opens by the name the user sees', async () => {
  const sub = join(dir, 'latin1');
  mkdirSync(sub);
  // "café.pem" written in Latin-1: 0xE9 alone is not UTF-8, so Node shows it as U+FFFD.
  const raw = Buffer.concat([Buffer.from(sub + '/'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('.pem')]);
  writeFileSync(raw, PEM);
  const file = await readWithin(join(sub, 'caf\uFFFD.pem'));
  assert.equal(file.name, 'caf\uFFFD.pem');
  assert.deepEqual(Buffer.from(file.bytes), PEM);
});

test('two non-UTF-8 names that read the same are refused, saying why', async () => {
  const sub = join(dir, 'twins');
  mkdirSync(sub);
  for (const bad of [0xe9, 0xe8]) {
    writeFileSync(Buffer.concat([Buffer.from(sub + '/'), Buffer.from([0x61, bad]), Buffer.from('.pem')]), PEM);
  }
  const e = await refusal(join(sub, 'a\uFFFD.pem'));
  assert.equal(e.code, 'NOT_FOUND');
  assert.match(e.message, /several files in that folder have names that read as "a\uFFFD.pem"/);
  assert.match(e.hint, /Rename the file/);
});

test('a non-UTF-8 name with no such file says the name is the problem', async () => {
  const e = await refusal(join(dir, 'nothing-\uFFFD.pem'));
  assert.equal(e.code, 'NOT_FOUND');
  assert.match(e.message, /not valid UTF-8/);
});

test('the size cap holds while reading, whatever the size was at open', async () => {
  const path = join(dir, 'grows.pem');
  closeSync(openSync(path, 'w'));
  const file = await open(path, 'r');
  try {
    // The file is empty when opened and grows past the cap before it is read.
    writeFileSync(path, Buffer.alloc(3000, 0x41));
    await assert.rejects(readCapped(file, 'grows.pem', 2048), (e) => isPkiError(e) && e.code === 'TOO_LARGE' && e.message === 'grows.pem is larger than 2,048 bytes; Certbench opens files up to 2,048 bytes.');
  } finally {
    await file.close();
  }
  const exact = await open(path, 'r');
  try {
    assert.equal((await readCapped(exact, 'grows.pem', 3000)).length, 3000);
  } finally {
    await exact.close();
  }
});

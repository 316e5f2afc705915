/** readCapped: whole files of every size, TOO_LARGE past the cap, and small files read into small buffers. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readCapped } from './read-capped';

const dir = mkdtempSync(join(tmpdir(), 'read-capped-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function read(bytes: Uint8Array, cap: number): Promise<Uint8Array> {
  const path = join(dir, `f${bytes.length}-${cap}`);
  writeFileSync(path, bytes);
  const file = await open(path, 'r');
  try {
    return await readCapped(file, 'f', cap);
  } finally {
    await file.close();
  }
}

const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);

test('every size comes back whole', async () => {
  for (const n of [0, 1, 700, 4096, 4097, 4 * 1024 * 1024, 4 * 1024 * 1024 + 3]) {
    assert.deepEqual(await read(pattern(n), 256 * 1024 * 1024), pattern(n), `${n} bytes`);
  }
});

test('past the cap is TOO_LARGE; exactly the cap is read', async () => {
  await assert.rejects(read(pattern(1001), 1000), (e: Error & { code?: string }) => e.code === 'TOO_LARGE');
  assert.equal((await read(pattern(1000), 1000)).length, 1000);
});

test('a small file is held in a small buffer, not a 4 MiB chunk', async () => {
  const bytes = await read(pattern(1200), 256 * 1024 * 1024);
  assert.ok(bytes.buffer.byteLength < 64 * 1024, `${bytes.buffer.byteLength} bytes behind a 1,200-byte file`);
});

/** readCapped with a size hint: right whatever the hint says (a file that grew or shrank since stat), and the cap holds. */
import assert from 'node:assert/strict';
import { open } from 'node:fs/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rejectsWith } from '../../test/helpers/pki-errors';
import { readCapped } from './read-capped';

const dir = mkdtempSync(join(tmpdir(), 'read-capped-'));
const content = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i & 0xff));
writeFileSync(join(dir, 'f.bin'), content);

async function read(hint: number | undefined, cap = 1 << 20) {
  const f = await open(join(dir, 'f.bin'));
  try {
    return Buffer.from(await readCapped(f, 'f.bin', cap, hint));
  } finally {
    await f.close();
  }
}

test('the whole file, whether the hint is right, too small (it grew), too large (it shrank) or absent', async () => {
  for (const hint of [10_000, 10, 0, 50_000, undefined]) assert.ok((await read(hint)).equals(content), String(hint));
});

test('the cap holds with a hint that understates the size', async () => {
  await rejectsWith(read(100, 5_000), 'TOO_LARGE');
  assert.equal((await read(100, 10_000)).length, 10_000);
});

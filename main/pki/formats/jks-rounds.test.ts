/** A Java keystore cannot make a wrong-password check cost minutes through its own iteration count. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixtureBytes, ROOT } from '../../../test/helpers/fixtures';
import { isPkiError } from '../errors';
import { readBytes } from '../read';

test('an altered JCEKS asking 8,388,607 rounds per key answers "wrong password (or altered)" at once', async () => {
  // make-crafted.ts: keys.jceks with its key's 200,000 rounds raised, so the integrity digest fails.
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fuzz-regressions/crafted-jceks-8m-rounds-altered.jceks.bin')));
  const started = performance.now();
  await assert.rejects(readBytes(bytes, { password: 'changeit-store' }), (e) => isPkiError(e) && e.code === 'WRONG_PASSWORD' && /or the file was altered/.test(e.message));
  assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
});

test('an altered keystore at the usual rounds is still told apart from a wrong password', async () => {
  const bytes = fixtureBytes('keystores', 'keys.jceks');
  const altered = bytes.slice();
  altered[18] ^= 0x01; // the first alias: the digest fails, the password still opens the key
  const progress: string[] = [];
  await assert.rejects(
    readBytes(altered, { password: 'changeit-store', onProgress: (_, phase) => progress.push(phase) }),
    (e) => isPkiError(e) && e.code === 'INTEGRITY_FAILED',
  );
  assert.deepEqual(progress, ['Checking whether the password is right']);
});

/** Assertions on the engine's typed errors. */
import assert from 'node:assert/strict';
import { PkiError, type ErrorCode } from '../../main/pki/errors';

/** Awaits `promise` and checks it fails with a PkiError of `code`; returns the error for more checks. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<PkiError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof PkiError, `expected PkiError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected ${code}`);
}

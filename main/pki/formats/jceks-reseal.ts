/**
 * A JCEKS secret key sealed again under another password, for a keystore whose password changes: the
 * serialized SealedObject is kept byte for byte except its salt and encrypted content (same iteration count,
 * so every length stays the same). Certbench has no Java serialization writer, and needs none for this.
 */
import { randomBytes } from '../crypto';
import { PkiError } from '../errors';
import { isJceksPassword, jceksDecrypt, jceksEncrypt } from './jceks-keyprotector';
import { readSealedSecretKey } from './jceks-sealed';
import { JavaDataInput } from './java-data-input';

const STREAM_MAGIC = [0xac, 0xed];

export async function resealSecretKey(sealed: Uint8Array, from: string, to: string, alias: string): Promise<Uint8Array> {
  const where = `the secret key '${alias}'`;
  const input = new JavaDataInput(sealed, where);
  const key = readSealedSecretKey(input, where);
  if (input.remaining !== 0) input.fail('bytes follow the sealed object');
  const plain = await jceksDecrypt(key.encryptedContent, from, key.salt, key.iterations);
  if (!plain || plain[0] !== STREAM_MAGIC[0] || plain[1] !== STREAM_MAGIC[1]) {
    throw new PkiError('WRONG_PASSWORD', `The secret key '${alias}' does not open with the password given.`, 'Give the password the secret key was saved with (usually the old keystore password).');
  }
  if (!isJceksPassword(to)) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      `The secret key '${alias}' cannot be sealed with that password: JCEKS accepts only printable ASCII.`,
      'Choose a password of plain letters, digits and punctuation.',
    );
  }
  const salt = randomBytes(key.salt.length);
  const encrypted = await jceksEncrypt(plain, to, salt, key.iterations);
  const saltAt = indexOf(key.encodedParams, Uint8Array.of(0x04, key.salt.length, ...key.salt));
  if (saltAt < 0) throw cannotReseal(where);
  const params = key.encodedParams.slice();
  params.set(salt, saltAt + 2);
  const out = sealed.slice();
  replaceArray(out, key.encryptedContent, encrypted, where);
  replaceArray(out, key.encodedParams, params, where);
  return out;
}

/** A serialized byte[] is its 4-byte length then its bytes: find that run once and overwrite the bytes. */
function replaceArray(blob: Uint8Array, old: Uint8Array, replacement: Uint8Array, where: string): void {
  const prefixed = new Uint8Array(4 + old.length);
  new DataView(prefixed.buffer).setInt32(0, old.length);
  prefixed.set(old, 4);
  const at = indexOf(blob, prefixed);
  if (at < 0 || replacement.length !== old.length || indexOf(blob.subarray(at + 1), prefixed) >= 0) {
    throw cannotReseal(where);
  }
  blob.set(replacement, at + 4);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const cannotReseal = (where: string) =>
  new PkiError('INTERNAL', `Certbench could not seal ${where} again.`, 'Keep the old password for this keystore, or re-create the secret key with keytool.');

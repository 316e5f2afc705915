/**
 * A SecretSealer keyed by a passphrase read from a file (tests, and setups without a keyring): scrypt derives
 * an AES-256-GCM key per seal from the passphrase and a fresh salt. Layout of a sealed blob:
 *   "CBSEAL1\n" | log2 N (1) | r (1) | p (1) | salt (16) | nonce (12) | ciphertext | tag (16)
 * The header up to the nonce is authenticated as AAD, so a lowered cost or swapped salt fails like a wrong key.
 */
import { readFileSync, statSync } from 'node:fs';
import { aesGcmSeal, aeadDecrypt, randomBytes, scrypt, type ScryptCost } from '../pki/crypto';
import { PkiError } from '../pki/errors';
import type { SecretSealer } from './secret-sealer';

const MAGIC = new TextEncoder().encode('CBSEAL1\n');
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 3 + SALT_BYTES + NONCE_BYTES;
/** OWASP's scrypt floor (N=2^17, r=8, p=1): 128 MiB and about half a second per seal or open (measured 1.1 s for both on a busy 2-core box). */
export const DEFAULT_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** Opening refuses costs above this: a crafted file must not make Certbench allocate gigabytes. */
const MAX_LOG2_N = 20;
const MAX_R = 16;
const MAX_P = 4;

const damaged = () =>
  new PkiError('INTEGRITY_FAILED', 'The remembered keys could not be unlocked: the passphrase is different or the file was altered.', 'Turn "Remember keys between sessions" off and on again; the keys will have to be opened again.');

export class PassphraseFileSealer implements SecretSealer {
  readonly description = 'a passphrase file';

  constructor(
    private readonly passphraseFile: string,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT,
  ) {
    const log2 = Math.log2(cost.N);
    if (!Number.isInteger(log2) || log2 < 1 || log2 > MAX_LOG2_N || cost.r < 1 || cost.r > MAX_R || cost.p < 1 || cost.p > MAX_P)
      throw new PkiError('INVALID_ARGUMENT', `The scrypt cost N=${cost.N}, r=${cost.r}, p=${cost.p} is out of range.`, `N is a power of two up to 2^${MAX_LOG2_N}, r up to ${MAX_R}, p up to ${MAX_P}.`);
  }

  available(): boolean {
    try {
      return statSync(this.passphraseFile).isFile() && this.passphrase().length > 0;
    } catch {
      return false;
    }
  }

  /** The file's first line; re-read on every use so a replaced passphrase file takes effect. */
  private passphrase(): Uint8Array {
    let text: string;
    try {
      text = readFileSync(this.passphraseFile, 'utf8');
    } catch {
      throw new PkiError('NOT_FOUND', 'The passphrase file for remembered keys cannot be read.', 'Check that the file exists and that Certbench may read it.');
    }
    return new TextEncoder().encode(text.split(/\r?\n/)[0]);
  }

  async seal(plaintext: Uint8Array): Promise<Uint8Array> {
    const passphrase = this.passphrase();
    if (passphrase.length === 0) throw new PkiError('INVALID_ARGUMENT', 'The passphrase file for remembered keys is empty.', 'Write a passphrase on its first line.');
    const header = new Uint8Array(HEADER_BYTES);
    header.set(MAGIC, 0);
    header.set([Math.log2(this.cost.N), this.cost.r, this.cost.p], MAGIC.length);
    header.set(randomBytes(SALT_BYTES + NONCE_BYTES), MAGIC.length + 3);
    const salt = header.subarray(MAGIC.length + 3, MAGIC.length + 3 + SALT_BYTES);
    const nonce = header.subarray(HEADER_BYTES - NONCE_BYTES);
    const key = await scrypt(passphrase, salt, 32, this.cost);
    passphrase.fill(0);
    try {
      const body = aesGcmSeal(key, nonce, header, plaintext);
      const out = new Uint8Array(HEADER_BYTES + body.length);
      out.set(header, 0);
      out.set(body, HEADER_BYTES);
      return out;
    } finally {
      key.fill(0);
    }
  }

  async open(sealed: Uint8Array): Promise<Uint8Array> {
    if (sealed.length < HEADER_BYTES + TAG_BYTES || !MAGIC.every((b, i) => sealed[i] === b)) throw damaged();
    const [log2N, r, p] = sealed.subarray(MAGIC.length, MAGIC.length + 3);
    if (log2N < 1 || log2N > MAX_LOG2_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) throw damaged();
    const header = sealed.subarray(0, HEADER_BYTES);
    const salt = sealed.subarray(MAGIC.length + 3, MAGIC.length + 3 + SALT_BYTES);
    const nonce = sealed.subarray(HEADER_BYTES - NONCE_BYTES, HEADER_BYTES);
    const passphrase = this.passphrase();
    const key = await scrypt(passphrase, salt, 32, { N: 2 ** log2N, r, p });
    passphrase.fill(0);
    try {
      const plain = aeadDecrypt('aes-256-gcm', key, nonce, header, sealed.subarray(HEADER_BYTES));
      if (!plain) throw damaged();
      return plain;
    } finally {
      key.fill(0);
    }
  }
}

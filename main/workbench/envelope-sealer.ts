/**
 * A SecretSealer over a key-wrapping service that only takes strings (Electron's safeStorage: encryptString /
 * decryptString). The payload is never turned into a string: a fresh 256-bit data key encrypts it with
 * AES-256-GCM here, and only that key (as hex) goes through the wrapper. Layout:
 *   "CBENV1\n" | wrapped length (u16) | wrapped data key | nonce (12) | ciphertext | tag (16)
 * The header up to the nonce is the GCM AAD, so a swapped wrapped key fails like any alteration.
 */
import { aeadDecrypt, aesGcmSeal, randomBytes } from '../pki/crypto';
import { hex } from '../pki/der/der';
import { PkiError } from '../pki/errors';
import type { SecretSealer } from './secret-sealer';

/** What Electron's safeStorage offers (app/safe-storage-sealer.ts adapts it). */
export interface StringKeyWrap {
  readonly description: string;
  available(): boolean;
  wrap(secret: string): Uint8Array;
  /** Throws when the blob was not wrapped here (another user, another machine, a reset keyring). */
  unwrap(blob: Uint8Array): string;
}

const MAGIC = new TextEncoder().encode('CBENV1\n');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const MAX_WRAPPED = 0xffff;

const cannotOpen = (description: string) =>
  new PkiError('INTEGRITY_FAILED', `The remembered keys could not be unlocked with ${description}: it holds another key now, or the file was altered.`, 'Open the key files again; turn "Remember keys between sessions" off and on to start afresh.');

export class EnvelopeSealer implements SecretSealer {
  constructor(private readonly wrapper: StringKeyWrap) {}

  get description(): string {
    return this.wrapper.description;
  }

  available(): boolean {
    return this.wrapper.available();
  }

  async seal(plaintext: Uint8Array): Promise<Uint8Array> {
    const dataKey = randomBytes(32);
    try {
      const wrapped = this.wrapper.wrap(hex(dataKey));
      if (wrapped.length > MAX_WRAPPED) throw new PkiError('INTERNAL', 'The system keyring returned an unexpectedly large key.', 'Turn "Remember keys between sessions" off.');
      const header = new Uint8Array(MAGIC.length + 2 + wrapped.length + NONCE_BYTES);
      header.set(MAGIC, 0);
      new DataView(header.buffer).setUint16(MAGIC.length, wrapped.length);
      header.set(wrapped, MAGIC.length + 2);
      header.set(randomBytes(NONCE_BYTES), header.length - NONCE_BYTES);
      const body = aesGcmSeal(dataKey, header.subarray(header.length - NONCE_BYTES), header, plaintext);
      const out = new Uint8Array(header.length + body.length);
      out.set(header, 0);
      out.set(body, header.length);
      return out;
    } finally {
      dataKey.fill(0);
    }
  }

  async open(sealed: Uint8Array): Promise<Uint8Array> {
    const fail = () => cannotOpen(this.wrapper.description);
    if (sealed.length < MAGIC.length + 2 || !MAGIC.every((b, i) => sealed[i] === b)) throw fail();
    const wrappedLength = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint16(MAGIC.length);
    const headerLength = MAGIC.length + 2 + wrappedLength + NONCE_BYTES;
    if (sealed.length < headerLength + TAG_BYTES) throw fail();
    let keyHex: string;
    try {
      keyHex = this.wrapper.unwrap(sealed.subarray(MAGIC.length + 2, MAGIC.length + 2 + wrappedLength));
    } catch {
      throw fail();
    }
    if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) throw fail();
    const dataKey = Uint8Array.from(Buffer.from(keyHex, 'hex'));
    try {
      const plain = aeadDecrypt('aes-256-gcm', dataKey, sealed.subarray(headerLength - NONCE_BYTES, headerLength), sealed.subarray(0, headerLength), sealed.subarray(headerLength));
      if (!plain) throw fail();
      return plain;
    } finally {
      dataKey.fill(0);
    }
  }
}

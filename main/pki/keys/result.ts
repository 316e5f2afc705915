/** What the key readers hand back, and the honest "not supported" object for keys Certbench cannot use. */
import type { RawPrivateKey, RawPublicKey, RawUnsupported } from '../model';

/** How the key was stored: PKCS#8 / SubjectPublicKeyInfo, PKCS#1 (traditional RSA/DSA), SEC1 (traditional EC). */
export type KeyFormat = 'pkcs8' | 'pkcs1' | 'sec1';

export interface KeyReadResult {
  format: KeyFormat;
  object: RawPrivateKey | RawPublicKey | RawUnsupported;
}

export const SUPPORTED_KEYS_HINT =
  'Certbench works with RSA, EC (P-256, P-384, P-521) and Ed25519 keys. Convert or replace the key, or open it with OpenSSL.';

/** `what` is shown in listings ("EC private key on curve secp256k1"); `subject` completes the message. */
export function unsupportedKey(what: string, subject: string): RawUnsupported {
  return {
    kind: 'unsupported',
    what,
    code: 'UNSUPPORTED_ALGORITHM',
    message: `Certbench does not support ${subject} keys yet.`,
    hint: SUPPORTED_KEYS_HINT,
  };
}

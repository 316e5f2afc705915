/** What parsing a PBE AlgorithmIdentifier yields: a description and a way to decrypt with a secret. */
import { PkiError } from '../errors';
import type { Derivation } from './cost';
import type { RunOptions } from './hash-iterate';
import type { PbeSecret } from './password';

export type ProgressFn = (fraction: number, phase: string) => void;

export interface PbeScheme {
  /** Human text: "PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations)". */
  protection: string;
  /** True for the PKCS#12 PBEs that OpenSSL 3 reads only with -legacy or that are weak. */
  legacy: boolean;
  /** The key derivations one decryption runs (for time estimates). */
  work: Derivation[];
  /**
   * Decrypts, throwing crypto's BadDecrypt when the padding is wrong (usually a wrong password), and
   * CANCELLED as soon as `options.signal` aborts.
   */
  decrypt(secret: PbeSecret, data: Uint8Array, options?: RunOptions): Promise<Uint8Array>;
}

/** What a password-based encryption produced: the AlgorithmIdentifier (DER) to store beside the ciphertext. */
export interface PbeEncrypted {
  algorithm: Uint8Array;
  data: Uint8Array;
}

/** No real writer goes near this; a larger count is damage or an attempt to hang the app. */
export const MAX_ITERATIONS = 10_000_000;

export function checkIterations(iterations: number, where: string): number {
  if (iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new PkiError(
      'CORRUPT',
      `The file is damaged: ${where} asks for ${iterations} key-derivation iterations (allowed: 1 to ${MAX_ITERATIONS.toLocaleString('en-US')}).`,
      'Re-export the file with a normal iteration count (e.g. 2048 to 600000).',
    );
  }
  return iterations;
}

export function unsupported(what: string): PkiError {
  return new PkiError(
    'UNSUPPORTED_ALGORITHM',
    `The file is encrypted with ${what}, which Certbench cannot decrypt.`,
    'Re-export it with AES-256-CBC (PBES2), or with 3DES for old systems.',
  );
}

/** New private keys for CSRs and self-signed certificates (issue 12). Owner: csr-engine. */
import type { KeySpecName } from '../../api/dto';
import { generateKeyPkcs8, type NewKeyParams } from '../crypto';
import { PkiError } from '../errors';

const PARAMS: Record<KeySpecName, NewKeyParams> = {
  'rsa:2048': { type: 'rsa', bits: 2048 },
  'rsa:3072': { type: 'rsa', bits: 3072 },
  'rsa:4096': { type: 'rsa', bits: 4096 },
  'ec:P-256': { type: 'ec', curve: 'P-256' },
  'ec:P-384': { type: 'ec', curve: 'P-384' },
  'ec:P-521': { type: 'ec', curve: 'P-521' },
  ed25519: { type: 'ed25519' },
};

/**
 * A new key as unencrypted PKCS#8 DER, made off the event loop; CANCELLED when `signal` aborts (the worker
 * thread cannot be interrupted: it finishes and its key is dropped unseen).
 */
export async function generateKey(spec: KeySpecName, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
  const params = Object.hasOwn(PARAMS, spec) ? PARAMS[spec] : undefined;
  if (!params) {
    throw new PkiError('INVALID_ARGUMENT', `"${String(spec)}" is not a key type Certbench makes.`, `Choose one of ${Object.keys(PARAMS).join(', ')}.`);
  }
  return generateKeyPkcs8(params, options.signal);
}

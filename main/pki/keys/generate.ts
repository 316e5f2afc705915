/** New private keys for CSRs and self-signed certificates (issue 12). Owner: csr-engine. */
import type { KeySpecName } from '../../api/dto';
import { PkiError } from '../errors';

/** A new key as unencrypted PKCS#8 DER, made off the event loop; CANCELLED when `signal` aborts. */
export async function generateKey(spec: KeySpecName, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
  void spec;
  void options;
  throw new PkiError('INTERNAL', 'Key generation is being built.', 'Not available yet.');
}

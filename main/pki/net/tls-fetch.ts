/**
 * Connects to host:port (optionally after a STARTTLS preamble), completes a TLS handshake without trusting
 * anything, and reports what the server sent: the certificates in their exact order, protocol, cipher, key
 * exchange, stapled OCSP, and whether it asks for a client certificate and from which CAs.
 * STUB (owner: chain-tls).
 */
import { PkiError } from '../errors';
import type { TlsFetchResult, TlsTarget } from './port';

export async function tlsFetch(target: TlsTarget): Promise<TlsFetchResult> {
  throw new PkiError('NETWORK', `Connecting to ${target.host}:${target.port} is not built yet.`, 'Try again with a newer Certbench.');
}

/**
 * AIA caIssuers downloads (RFC 5280 4.2.2.1): a DER certificate, a PEM one, or a certs-only PKCS#7 (.p7c).
 * STUB (owner: chain-ocsp).
 */
import type { FetchAttemptDto } from '../../api/dto';
import type { NetworkPort } from './port';

export interface IssuerDownload {
  /** The certificates found (DER); empty when the download failed (see attempt). */
  certs: Uint8Array[];
  attempt: FetchAttemptDto;
}

/** Never throws for network trouble or a bad body: attempt.ok = false with the reason. */
export async function downloadIssuers(url: string, net: NetworkPort, signal?: AbortSignal): Promise<IssuerDownload> {
  void net;
  void signal;
  return { certs: [], attempt: { kind: 'aia', url, ok: false, detail: 'AIA downloads are not built yet.' } };
}

/** Downloads the CRLs a certificate names: DER, or PEM "X509 CRL" blocks; each download is a FetchAttemptDto. */
import type { FetchAttemptDto } from '../../api/dto';
import { isPkiError } from '../errors';
import { signedShape } from '../formats/der-shape';
import { hasPemBlock, parsePemBlocks } from '../formats/pem-blocks';
import { describeDownload, failedAttempt } from '../net/attempt';
import type { NetworkPort } from '../net/port';

/** Throws only CANCELLED. */
export async function downloadCrl(url: string, net: NetworkPort, signal?: AbortSignal): Promise<{ crls: Uint8Array[]; attempt: FetchAttemptDto }> {
  if (!/^https?:/i.test(url)) {
    return { crls: [], attempt: { kind: 'crl', url, ok: false, detail: `Not downloaded: Certbench fetches CRLs over http(s) only, not ${url.split(':')[0]}:` } };
  }
  try {
    // CRLs of big CAs run to tens of megabytes; the cap stays at the default 10 MiB, a fair limit for a desktop check.
    const response = await net.http({ url, method: 'GET', signal });
    const crls = crlsIn(response.body);
    if (crls.length === 0) return { crls, attempt: { kind: 'crl', url, ok: false, detail: `${describeDownload(response)}: not a CRL (DER or PEM)` } };
    return { crls, attempt: { kind: 'crl', url, ok: true, detail: `${describeDownload(response)}, ${crls.length === 1 ? 'CRL' : `${crls.length} CRLs`}` } };
  } catch (e) {
    if (isPkiError(e) && e.code === 'CANCELLED') throw e;
    return { crls: [], attempt: failedAttempt('crl', url, e) };
  }
}

function crlsIn(body: Uint8Array): Uint8Array[] {
  if (signedShape(body) === 'crl') return [body];
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  if (!hasPemBlock(text)) return [];
  try {
    return parsePemBlocks(text)
      .filter((b) => b.label === 'X509 CRL' && signedShape(b.der) === 'crl')
      .map((b) => b.der);
  } catch {
    return [];
  }
}

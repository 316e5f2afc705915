/**
 * AIA caIssuers downloads (RFC 5280 4.2.2.1): a DER certificate, a PEM one (or several), or a certs-only
 * PKCS#7 (.p7c, DER or PEM). The body decides what it is; the content type is only a hint for the detail.
 */
import type { FetchAttemptDto } from '../../api/dto';
import { chainCert } from '../chain/chain-cert';
import { readRoot, Tag } from '../der/der';
import { isPkiError } from '../errors';
import { signedShape } from '../formats/der-shape';
import { hasPemBlock, parsePemBlocks } from '../formats/pem-blocks';
import { isPkcs7, readPkcs7Der } from '../formats/pkcs7';
import { describeDownload, failedAttempt } from './attempt';
import type { NetworkPort } from './port';

export interface IssuerDownload {
  /** The certificates found (DER); empty when the download failed (see attempt). */
  certs: Uint8Array[];
  attempt: FetchAttemptDto;
}

/** Never throws for network trouble or a bad body: attempt.ok = false with the reason. Only CANCELLED (the signal) is thrown. */
export async function downloadIssuers(url: string, net: NetworkPort, signal?: AbortSignal): Promise<IssuerDownload> {
  let response;
  try {
    response = await net.http({ url, method: 'GET', signal });
  } catch (e) {
    if (isPkiError(e) && e.code === 'CANCELLED') throw e;
    return { certs: [], attempt: failedAttempt('aia', url, e) };
  }
  const found = certificatesIn(response.body);
  if ('why' in found) {
    return { certs: [], attempt: { kind: 'aia', url, ok: false, detail: `${describeDownload(response)}: ${found.why}` } };
  }
  const count = found.certs.length === 1 ? '1 certificate' : `${found.certs.length} certificates`;
  return { certs: found.certs, attempt: { kind: 'aia', url, ok: true, detail: `${describeDownload(response)}, ${found.form}, ${count}` } };
}

type Found = { certs: Uint8Array[]; form: string } | { why: string };

/** The certificates in a caIssuers body, whatever its form; a reason when there are none. */
export function certificatesIn(body: Uint8Array): Found {
  if (body.length === 0) return { why: 'the answer is empty' };
  if (body[0] === 0x30) return fromDer(body);
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  if (!hasPemBlock(text)) return { why: 'the answer is neither a certificate (DER or PEM) nor a PKCS#7 bundle' };
  let blocks;
  try {
    blocks = parsePemBlocks(text);
  } catch (e) {
    return { why: isPkiError(e) ? e.message : 'the PEM text is damaged' };
  }
  const certs: Uint8Array[] = [];
  let pkcs7 = false;
  for (const block of blocks) {
    if (block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE' || block.label === 'TRUSTED CERTIFICATE') {
      if (readable(block.der)) certs.push(block.der);
    } else if (block.label === 'PKCS7' || block.label === 'CMS') {
      const inner = fromDer(block.der);
      if ('certs' in inner) {
        certs.push(...inner.certs);
        pkcs7 = true;
      }
    }
  }
  if (certs.length === 0) return { why: `the PEM text holds no readable certificate (blocks: ${blocks.map((b) => b.label).join(', ') || 'none'})` };
  return { certs, form: pkcs7 ? 'PEM PKCS#7' : 'PEM' };
}

function fromDer(der: Uint8Array): Found {
  if (signedShape(der) === 'certificate') {
    return readable(der) ? { certs: [der], form: 'DER' } : { why: 'the DER certificate is damaged' };
  }
  try {
    const root = readRoot(der, 'download');
    if (root.tag === Tag.Sequence && isPkcs7(root)) {
      const certs = readPkcs7Der(der, 'PKCS#7 download')
        .objects.filter((o) => o.kind === 'certificate')
        .map((o) => (o as { der: Uint8Array }).der)
        .filter(readable);
      return certs.length ? { certs, form: 'PKCS#7' } : { why: 'the PKCS#7 bundle holds no certificate' };
    }
  } catch (e) {
    return { why: isPkiError(e) ? `unreadable DER: ${e.message}` : 'unreadable DER' };
  }
  return { why: 'the DER answer is not a certificate or a PKCS#7 bundle' };
}

function readable(der: Uint8Array): boolean {
  try {
    chainCert(der);
    return true;
  } catch {
    return false;
  }
}

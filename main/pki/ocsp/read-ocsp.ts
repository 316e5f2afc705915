/** An OCSP response file (DER, or PEM "OCSP RESPONSE"): the response, then each certificate it carries. */
import { isPkiError } from '../errors';
import type { RawObject } from '../model';
import { ocspCertificates } from './response';

export function ocspObjects(der: Uint8Array, where = 'the OCSP response'): RawObject[] {
  const objects: RawObject[] = [{ kind: 'ocspResponse', der }];
  let certs: Uint8Array[] = [];
  try {
    certs = ocspCertificates(der);
  } catch (e) {
    // A damaged body is reported when the response itself is described; its certificates are then unknown.
    if (!isPkiError(e)) throw e;
  }
  certs.forEach((c, i) => objects.push({ kind: 'certificate', der: c, location: `certificate ${i + 1} in ${where}` }));
  return objects;
}

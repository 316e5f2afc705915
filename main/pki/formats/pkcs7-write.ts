/**
 * PKCS#7 certs-only bundles (.p7b), as `openssl crl2pkcs7 -nocrl` writes them: a degenerate SignedData with
 * no digest algorithms, no content, no signers, and the certificates in the order given.
 */
import { concat, implicitConstructed, integer, explicit, objectIdentifier, sequence, tlv } from '../der/write';
import { pemBlock } from './pem-write';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const DATA = '1.2.840.113549.1.7.1';

export function certsOnlyPkcs7(ders: readonly Uint8Array[]): Uint8Array {
  const emptySet = tlv(0x31, new Uint8Array(0));
  // The certificates go in as given: OpenSSL keeps their order (it does not sort this SET OF), and so do we.
  const certificates = ders.length > 0 ? [implicitConstructed(0, concat(ders))] : [];
  const signedData = sequence(integer(1), emptySet, sequence(objectIdentifier(DATA)), ...certificates, emptySet);
  return sequence(objectIdentifier(SIGNED_DATA), explicit(0, signedData));
}

/** The PEM form OpenSSL writes ("PKCS7" label). */
export function pkcs7Pem(der: Uint8Array): string {
  return pemBlock('PKCS7', der);
}

/**
 * RFC 6960 4.1.1 CertID: hashes of the issuer's subject name (whole Name DER) and of its public key (the
 * BIT STRING's value without the unused-bits byte), and the certificate's serial as encoded.
 */
import { digest, type HashName } from '../crypto';
import { children, hex, oidOf, value, type Tlv } from '../der/der';
import { algorithm, integer, octetString, sequence, tlv } from '../der/write';
import type { ChainCert } from '../chain/chain-cert';

export const CERT_ID_HASHES: Record<string, HashName> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const SHA1 = '1.3.14.3.2.26';

/** The CertID DER with SHA-1 (what responders are required to understand, RFC 5019 2.1.1). */
export function certIdDer(cert: ChainCert, issuer: ChainCert): Uint8Array {
  return sequence(
    algorithm(SHA1, null),
    octetString(digest('sha1', issuer.subjectDer)),
    octetString(digest('sha1', issuer.publicKeyBits)),
    // The serial exactly as the certificate encodes it (a non-DER or negative serial must still match).
    cert.serial.length ? tlv(0x02, cert.serial) : integer(0),
  );
}

export type CertIdMatch =
  | { kind: 'match' }
  /** Another certificate (another serial). */
  | { kind: 'other' }
  /** Our serial, but the issuer's name or key hash differs: an answer about another CA's certificate, or a broken responder. */
  | { kind: 'issuer-name-hash' }
  | { kind: 'issuer-key-hash' }
  | { kind: 'unsupported-hash'; oid: string };

/** Whether a response's CertID names `cert` issued by `issuer`, in whatever hash the responder used. */
export function matchCertId(certId: Tlv, cert: ChainCert, issuer: ChainCert): CertIdMatch {
  const [alg, nameHash, keyHash, serial] = children(certId, 'certificate id');
  if (hex(value(serial)) !== hex(cert.serial)) return { kind: 'other' };
  const oid = oidOf(children(alg, 'hash algorithm')[0]);
  const hash = CERT_ID_HASHES[oid];
  if (!hash) return { kind: 'unsupported-hash', oid };
  if (hex(value(nameHash)) !== hex(digest(hash, issuer.subjectDer))) return { kind: 'issuer-name-hash' };
  if (hex(value(keyHash)) !== hex(digest(hash, issuer.publicKeyBits))) return { kind: 'issuer-key-hash' };
  return { kind: 'match' };
}

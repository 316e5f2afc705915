/** Wraps traditional encodings into the standard containers the model carries (PKCS#8, SubjectPublicKeyInfo). */
import * as a from '../der/asn1';
import { KEY_OID } from './oids';

/** PrivateKeyInfo { 0, AlgorithmIdentifier, OCTET STRING(inner) }: how `openssl pkcs8 -topk8` wraps keys. */
function privateKeyInfo(algorithm: a.Node, inner: Uint8Array): Uint8Array {
  return a.encode(a.build.sequence(a.build.integer(0), algorithm, a.build.octets(inner)));
}

/** PKCS#1 RSAPrivateKey DER -> PKCS#8 (rsaEncryption with NULL parameters, as RFC 8017 requires). */
export function rsaPrivateToPkcs8(rsaPrivateKey: Uint8Array): Uint8Array {
  return privateKeyInfo(a.build.sequence(a.build.oid(KEY_OID.rsa), a.build.null()), rsaPrivateKey);
}

/** SEC1 ECPrivateKey DER -> PKCS#8 with the named curve moved into the AlgorithmIdentifier (RFC 5915 §2). */
export function ecPrivateToPkcs8(ecPrivateKey: Uint8Array, curveOid: string): Uint8Array {
  return privateKeyInfo(a.build.sequence(a.build.oid(KEY_OID.ec), a.build.oid(curveOid)), ecPrivateKey);
}

/** PKCS#1 RSAPublicKey DER -> SubjectPublicKeyInfo. */
export function rsaPublicToSpki(rsaPublicKey: Uint8Array): Uint8Array {
  return a.encode(a.build.sequence(a.build.sequence(a.build.oid(KEY_OID.rsa), a.build.null()), a.build.bitString(rsaPublicKey)));
}

/**
 * Recognises key structures by their ASN.1 shape alone. Strict on purpose: a certificate, CSR, CRL, PKCS#7
 * or PKCS#12 must never look like a key (those have 3 top-level fields or a non-key layout).
 */
import * as a from '../der/asn1';

export type KeyShape =
  /** PrivateKeyInfo / OneAsymmetricKey: { version 0|1, AlgorithmIdentifier, OCTET STRING, [0] attrs?, [1] pub? } */
  | 'pkcs8'
  /** EncryptedPrivateKeyInfo: { AlgorithmIdentifier, OCTET STRING } */
  | 'encrypted-pkcs8'
  /** PKCS#1 RSAPrivateKey: nine INTEGERs, version 0 */
  | 'rsa-private'
  /** PKCS#1 RSAPublicKey: { modulus, publicExponent } */
  | 'rsa-public'
  /** SEC1 ECPrivateKey: { version 1, OCTET STRING, [0] curve?, [1] public key? } */
  | 'sec1'
  /** SubjectPublicKeyInfo: { AlgorithmIdentifier, BIT STRING } */
  | 'spki'
  /** OpenSSL's traditional DSA private key: six INTEGERs, version 0 (recognised only to say it is unsupported) */
  | 'dsa-private';

const isAlgorithmIdentifier = (node: a.Node | undefined): boolean => {
  const c = a.children(node);
  return !!c && c.length >= 1 && c.length <= 2 && a.isOid(c[0]);
};

/** Optional trailing context-tagged fields, each tag at most once and in increasing order. */
function optionalTail(nodes: a.Node[], allowed: number[]): boolean {
  let last = -1;
  for (const n of nodes) {
    const tag = n.idBlock.tagNumber;
    if (!allowed.some((t) => a.isContext(n, t)) || tag <= last) return false;
    last = tag;
  }
  return true;
}

export function keyShape(node: a.Node): KeyShape | undefined {
  const c = a.children(node);
  if (!c) return undefined;
  if (c.length >= 3 && c.length <= 5) {
    const version = a.smallInt(c[0]);
    if ((version === 0 || version === 1) && isAlgorithmIdentifier(c[1]) && a.isOctetString(c[2]) && optionalTail(c.slice(3), [0, 1])) {
      return 'pkcs8';
    }
  }
  if (c.length === 2 && isAlgorithmIdentifier(c[0]) && a.isOctetString(c[1])) return 'encrypted-pkcs8';
  if (c.length === 2 && isAlgorithmIdentifier(c[0]) && a.isBitString(c[1])) return 'spki';
  if (c.length === 9 && c.every(a.isInteger) && a.smallInt(c[0]) === 0) return 'rsa-private';
  if (c.length === 6 && c.every(a.isInteger) && a.smallInt(c[0]) === 0) return 'dsa-private';
  if (c.length === 2 && c.every(a.isInteger) && looksLikeRsaPublic(c[0] as a.Node, c[1] as a.Node)) return 'rsa-public';
  if (c.length >= 2 && c.length <= 4 && a.smallInt(c[0]) === 1 && a.isOctetString(c[1]) && optionalTail(c.slice(2), [0, 1])) {
    return 'sec1';
  }
  return undefined;
}

/** Two INTEGERs are common (ECDSA/DSA signatures); a real modulus is large and the exponent small and odd. */
function looksLikeRsaPublic(n: a.Node, e: a.Node): boolean {
  const modulus = a.bigint(n, 'modulus');
  const exponent = a.bigint(e, 'exponent');
  return modulus > 0n && modulus.toString(2).length >= 256 && exponent > 1n && (exponent & 1n) === 1n && exponent < modulus;
}

/** Which verification scheme an AlgorithmIdentifier names, for crypto.verifySignature. */
import type { HashName, SignatureScheme } from '../crypto';
import { children, oidOf, smallInt, type Tlv } from '../der/der';

/** Signature algorithm OIDs → the scheme that verifies them (the signers look up the other way). */
export const SIGNATURE_SCHEMES: Record<string, SignatureScheme> = {
  '1.2.840.113549.1.1.5': { kind: 'pkcs1', hash: 'sha1' },
  '1.2.840.113549.1.1.14': { kind: 'pkcs1', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { kind: 'pkcs1', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { kind: 'pkcs1', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { kind: 'pkcs1', hash: 'sha512' },
  '1.2.840.113549.1.1.4': { kind: 'pkcs1', hash: 'md5' },
  '1.2.840.10045.4.1': { kind: 'ecdsa', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { kind: 'ecdsa', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { kind: 'ecdsa', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { kind: 'ecdsa', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { kind: 'ecdsa', hash: 'sha512' },
  '1.3.101.112': { kind: 'eddsa' },
};

const HASH_OIDS: Record<string, HashName> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** null when the algorithm is one Certbench cannot verify. */
export function signatureScheme(alg: Tlv): SignatureScheme | null {
  const parts = children(alg, 'signature algorithm');
  const oid = oidOf(parts[0]);
  if (oid !== '1.2.840.113549.1.1.10') return SIGNATURE_SCHEMES[oid] ?? null;
  // RSASSA-PSS: [0] hash, [2] salt length; defaults SHA-1 / 20.
  let hash: HashName = 'sha1';
  let saltLength = 20;
  if (parts[1]) {
    for (const p of children(parts[1], 'PSS parameters')) {
      const n = p.tag & 0x1f;
      const inner = children(p, 'PSS parameter')[0];
      if (n === 0 && inner) hash = HASH_OIDS[oidOf(children(inner, 'hash')[0])] ?? hash;
      if (n === 2 && inner) saltLength = smallInt(inner) ?? saltLength;
    }
  }
  return { kind: 'pss', hash, saltLength };
}

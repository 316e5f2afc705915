/** Signing a to-be-signed structure (a CSR's CertificationRequestInfo, a TBSCertificate) with a private key. */
import { privateKeyFacts, signData, type HashName } from '../crypto';
import * as der from '../der/write';
import { PkiError } from '../errors';
import type { SignatureHash } from '../../api/dto';
import { SIGNATURE_SCHEMES } from './signature';

export interface SignatureAlgorithm {
  /** The AlgorithmIdentifier DER, as it appears in the TBS and beside the signature. */
  identifier: Uint8Array;
  hash: HashName;
}

function oidFor(kind: 'pkcs1' | 'ecdsa' | 'eddsa', hash: HashName): string | undefined {
  return Object.keys(SIGNATURE_SCHEMES).find((oid) => {
    const s = SIGNATURE_SCHEMES[oid];
    return s.kind === kind && (s.kind === 'eddsa' || s.hash === hash);
  });
}

/**
 * The signature algorithm a key signs with: sha*WithRSAEncryption with NULL parameters (RFC 4055 5),
 * ecdsa-with-SHA* without parameters (RFC 5758 3.2), Ed25519 without parameters and without a hash (RFC 8410 3).
 */
export function signatureAlgorithm(pkcs8: Uint8Array, hash: SignatureHash): SignatureAlgorithm {
  const { keyAlgorithm } = privateKeyFacts(pkcs8);
  const kind = keyAlgorithm === 'RSA' ? 'pkcs1' : keyAlgorithm === 'EC' ? 'ecdsa' : keyAlgorithm === 'Ed25519' ? 'eddsa' : null;
  const oid = kind ? oidFor(kind, hash) : undefined;
  if (!kind || !oid) {
    throw new PkiError(
      'UNSUPPORTED_ALGORITHM',
      `Certbench cannot sign a request with a ${keyAlgorithm} key${kind ? ` and ${hash.toUpperCase()}` : ''}.`,
      'Use an RSA, EC (P-256/384/521) or Ed25519 key with SHA-256, SHA-384 or SHA-512.',
    );
  }
  return { identifier: der.algorithm(oid, kind === 'pkcs1' ? null : undefined), hash };
}

/** SEQUENCE { tbs, signatureAlgorithm, BIT STRING signature }: a signed CSR or certificate. */
export function signed(tbs: Uint8Array, pkcs8: Uint8Array, algorithm: SignatureAlgorithm): Uint8Array {
  return der.sequence(tbs, algorithm.identifier, der.bitString(signData(pkcs8, algorithm.hash, tbs)));
}

/**
 * Who signed an OCSP response, and may they speak for the issuer (RFC 6960 4.2.2.2): the issuer itself, or a
 * responder certificate the issuer signed that carries id-kp-OCSPSigning and is valid at the time. The
 * signer is found by the response's responderID (byName or byKey) among the certificates the response
 * carries, the issuer, and any others the caller knows.
 */
import { chainCert, type ChainCert } from '../chain/chain-cert';
import { nameKey } from '../chain/name-key';
import { digest, verifySignature } from '../crypto';
import { children, contextNumber, hex, Tag, value, whole, type Tlv } from '../der/der';
import { readName } from '../x509/name';
import { signatureScheme } from '../x509/signature';
import type { BasicOcspParts } from '../ocsp/response';

export const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';

export type SignerFailure =
  /** No certificate matches the responderID. */
  | 'responder-not-found'
  /** A certificate matches, but the response's signature does not verify with its key. */
  | 'bad-signature'
  | 'unsupported-signature'
  /** The delegated responder's own certificate is not signed by the issuer. */
  | 'responder-not-validated'
  /** Signed by someone who is neither the issuer nor a responder the issuer delegated (no OCSPSigning EKU, other issuer). */
  | 'responder-not-authorized'
  /** The delegated responder's certificate is expired or not yet valid at the time. */
  | 'responder-expired';

export type SignerCheck = { ok: true; signer: ChainCert; delegated: boolean } | { ok: false; failure: SignerFailure; detail: string };

export function checkOcspSigner(basic: BasicOcspParts, issuer: ChainCert, others: readonly ChainCert[], at: number): SignerCheck {
  const carried = basic.certs.flatMap((der) => {
    try {
      return [chainCert(der)];
    } catch {
      return [];
    }
  });
  const candidates = [...carried, issuer, ...others].filter((c) => matchesResponderId(basic.responderId, c));
  if (candidates.length === 0) {
    return { ok: false, failure: 'responder-not-found', detail: `the certificate that signed it (${describeResponderId(basic.responderId)}) is neither the issuer nor in the response` };
  }
  const scheme = safeScheme(basic.signatureAlgorithm);
  if (!scheme) return { ok: false, failure: 'unsupported-signature', detail: 'it is signed with an algorithm Certbench cannot verify, or its algorithm identifier is malformed' };
  const data = whole(basic.tbs);
  const signature = signatureBits(basic.signature);
  if (!signature) return { ok: false, failure: 'bad-signature', detail: 'its signature BIT STRING is malformed' };
  const signers = candidates.filter((c) => verifies(c.spkiDer, scheme, data, signature));
  if (signers.length === 0) return { ok: false, failure: 'bad-signature', detail: `its signature does not verify with the key of ${candidates[0].subject}` };

  // Prefer the issuer itself; otherwise the first delegated responder that holds up.
  if (signers.some((s) => sameKey(s, issuer))) return { ok: true, signer: issuer, delegated: false };
  let firstFailure: SignerCheck | null = null;
  for (const signer of signers) {
    const check = delegatedResponder(signer, issuer, at);
    if (check.ok) return check;
    firstFailure ??= check;
  }
  return firstFailure!;
}

function delegatedResponder(signer: ChainCert, issuer: ChainCert, at: number): SignerCheck {
  if (signer.issuerKey !== issuer.subjectKey) {
    return { ok: false, failure: 'responder-not-authorized', detail: `it is signed by ${signer.subject}, issued by ${signer.issuer}, not by the certificate's issuer ${issuer.subject}` };
  }
  const scheme = safeScheme(signer.fields.signatureAlgorithm);
  const signature = signatureBits(signer.fields.signature);
  const signedByIssuer = scheme !== null && signature !== null && signer.signatureAlgorithmsMatch && verifies(issuer.spkiDer, scheme, whole(signer.fields.tbs), signature);
  if (!signedByIssuer) return { ok: false, failure: 'responder-not-validated', detail: `the responder certificate ${signer.subject} is not signed by ${issuer.subject}` };
  if (!signer.extKeyUsage?.includes(OCSP_SIGNING)) {
    return { ok: false, failure: 'responder-not-authorized', detail: `the responder certificate ${signer.subject} lacks the OCSP Signing extended key usage, so ${issuer.subject} did not delegate OCSP to it` };
  }
  if (at < signer.notBefore || at > signer.notAfter) {
    return { ok: false, failure: 'responder-expired', detail: `the responder certificate ${signer.subject} is not valid at ${new Date(at).toISOString()} (valid ${new Date(signer.notBefore).toISOString()} to ${new Date(signer.notAfter).toISOString()})` };
  }
  return { ok: true, signer, delegated: true };
}

function matchesResponderId(id: Tlv, cert: ChainCert): boolean {
  const inner = children(id, 'responder id')[0];
  if (!inner) return false;
  if (contextNumber(id) === 1) return nameKey(inner) === cert.subjectKey;
  const keyHash = hex(value(inner));
  // The SKI too (usually that same hash): a certificate whose SKI names it but whose key differs is then
  // reported as a bad signature, not as a missing signer (as pyhanko-certvalidator does).
  return keyHash === hex(digest('sha1', cert.publicKeyBits)) || keyHash === cert.ski;
}

function describeResponderId(id: Tlv): string {
  const inner = children(id, 'responder id')[0];
  if (contextNumber(id) === 2) return `key hash ${hex(value(inner)).toUpperCase()}`;
  return readName(inner).text;
}

function sameKey(a: ChainCert, b: ChainCert): boolean {
  return a.subjectKey === b.subjectKey && hex(a.spkiDer) === hex(b.spkiDer);
}

/**
 * The scheme of an AlgorithmIdentifier, strictly: an OBJECT IDENTIFIER, and parameters only where the
 * algorithm has them (NULL or absent for RSA PKCS#1, absent for ECDSA and EdDSA). The identifier sits outside
 * the signed bytes, so anything looser would let a changed response still verify.
 */
function safeScheme(alg: Tlv) {
  try {
    const [oid, params, extra] = children(alg, 'signature algorithm');
    if (oid?.tag !== Tag.Oid || extra) return null;
    const scheme = signatureScheme(alg);
    if (!scheme) return null;
    if (scheme.kind === 'pkcs1' && params && !(params.tag === Tag.Null && params.end === params.valueStart)) return null;
    if ((scheme.kind === 'ecdsa' || scheme.kind === 'eddsa') && params) return null;
    return scheme;
  } catch {
    return null;
  }
}

/** A signature BIT STRING's bytes; null unless it has no unused bits (every signature is whole bytes). */
function signatureBits(bitString: Tlv): Uint8Array | null {
  const v = value(bitString);
  return v.length > 1 && v[0] === 0 ? v.subarray(1) : null;
}

function verifies(spki: Uint8Array, scheme: NonNullable<ReturnType<typeof safeScheme>>, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verifySignature(spki, scheme, data, signature);
  } catch {
    return false;
  }
}

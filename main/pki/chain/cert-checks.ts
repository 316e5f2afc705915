/**
 * What is wrong with one certificate on its own, whatever path it sits on: weak signature hash, weak or
 * unusable key, structure RFC 5280 forbids (mismatched algorithms, duplicate extensions, extensions that must
 * not be critical, empty names, odd serials) and critical extensions Certbench does not process.
 */
import { children, contextNumber, hex, readTlv, value } from '../der/der';
import { EXT, type ChainCert } from './chain-cert';
import { nameKey } from './name-key';
import type { Finding } from './types';

/** Where a certificate sits on the path: the checks differ for an anchor, whose own signature is not verified. */
export type PathRole = 'leaf' | 'intermediate' | 'anchor';

export interface CertPosition {
  index: number;
  role: PathRole;
  /** Its own signature is verified on this path (false for the trust anchor, even when it is also the leaf). */
  signatureChecked: boolean;
}

/** Extensions the validator processes (RFC 5280 4.2, the ones a critical flag obliges a verifier to understand). */
const PROCESSED = new Set<string>([
  EXT.basicConstraints,
  EXT.keyUsage,
  EXT.extKeyUsage,
  EXT.subjectAltName,
  EXT.issuerAltName,
  EXT.nameConstraints,
  EXT.certificatePolicies,
  EXT.policyMappings,
  EXT.policyConstraints,
  EXT.inhibitAnyPolicy,
  EXT.crlDistributionPoints,
  EXT.freshestCrl,
]);

/** RFC 5280 says these MUST be non-critical. */
const MUST_NOT_BE_CRITICAL: Record<string, string> = {
  [EXT.authorityKeyId]: 'authority key identifier',
  [EXT.subjectKeyId]: 'subject key identifier',
  [EXT.authorityInfoAccess]: 'authority information access',
};

const MD_OIDS: Record<string, string> = { '1.2.840.113549.1.1.2': 'MD2', '1.2.840.113549.1.1.3': 'MD4', '1.2.840.113549.1.1.4': 'MD5' };
const SHA1_OIDS = new Set(['1.2.840.113549.1.1.5', '1.2.840.10045.4.1', '1.2.840.10040.4.3', '1.3.14.3.2.29']);

const RSA_MIN_BITS = 2048;
const EC_MIN_BITS = 256;

export function describeCert(cert: ChainCert): string {
  return cert.subject || `the certificate with serial ${cert.serialHex} (empty subject)`;
}

/** The hash behind a signature algorithm when it is one browsers refuse: "MD5", "SHA-1"; null otherwise. */
export function weakHash(cert: ChainCert): string | null {
  const md = MD_OIDS[cert.signatureAlgorithmOid];
  if (md) return md;
  if (SHA1_OIDS.has(cert.signatureAlgorithmOid)) return 'SHA-1';
  const scheme = cert.signatureScheme;
  if (scheme && scheme.kind !== 'eddsa' && scheme.hash === 'sha1') return 'SHA-1';
  if (scheme && scheme.kind !== 'eddsa' && scheme.hash === 'md5') return 'MD5';
  return null;
}

export function certificateFindings(cert: ChainCert, { index, role, signatureChecked }: CertPosition): Finding[] {
  const out: Finding[] = [];
  const who = describeCert(cert);
  const add = (code: Finding['code'], severity: Finding['severity'], detail: string) => out.push({ code, severity, index, detail });

  // The anchor's own signature is never verified, so its hash does not matter (RFC 5280 6.1.1 (d)).
  const hash = signatureChecked ? weakHash(cert) : null;
  if (hash) add('WEAK_SIGNATURE', 'error', `${who} is signed with ${cert.signatureAlgorithm} (${hash}), which browsers no longer accept`);

  if ((cert.keyAlgorithm === 'RSA' || cert.keyAlgorithm === 'RSA-PSS') && cert.keyBits !== null && cert.keyBits < RSA_MIN_BITS)
    add('WEAK_KEY', 'error', `${who} has a ${cert.keyBits}-bit RSA key; at least ${RSA_MIN_BITS} bits are required`);
  else if (cert.keyAlgorithm === 'EC' && cert.keyBits === null)
    add('UNSUPPORTED_ALGORITHM', 'error', `${who} has an EC key on ${cert.keyDescription.replace(/^EC /, '')}, a curve TLS clients do not accept (P-256, P-384 and P-521 are)`);
  else if (cert.keyAlgorithm === 'EC' && cert.keyBits !== null && cert.keyBits < EC_MIN_BITS)
    add('WEAK_KEY', 'error', `${who} has an EC key on ${cert.keyDescription.replace(/^EC /, '')}; curves of at least ${EC_MIN_BITS} bits (P-256, P-384, P-521) are required`);
  else if (cert.keyAlgorithm === 'DSA' || cert.keyAlgorithm === 'unknown' || cert.keyAlgorithm === 'DH')
    add('UNSUPPORTED_ALGORITHM', 'error', `${who} has a ${cert.keyAlgorithm === 'unknown' ? 'key of an unknown algorithm' : cert.keyAlgorithm + ' key'}, which TLS clients do not accept`);

  if (!cert.signatureAlgorithmsMatch)
    add('MALFORMED', 'error', `${who} names different signature algorithms inside and outside its signed part (RFC 5280 4.1.1.2)`);
  for (const oid of new Set(cert.duplicateExtensions)) add('MALFORMED', 'error', `${who} has the extension ${oid} more than once (RFC 5280 4.2)`);
  if (cert.version < 1 || cert.version > 3) add('MALFORMED', 'error', `${who} says it is version ${cert.version}; X.509 has versions 1, 2 and 3`);
  if (cert.version < 3 && cert.extensions.size > 0) add('MALFORMED', 'error', `${who} is version ${cert.version} but has extensions, which need version 3`);
  // Several Mozilla roots have serial 0: an anchor's serial identifies nothing on the path, so it is not judged.
  if (role !== 'anchor') serialFindings(cert, who, add);
  if (cert.issuerDer.length <= 2) add('MALFORMED', 'error', `${who} has an empty issuer name (RFC 5280 4.1.2.4)`);

  for (const [oid, ext] of cert.extensions) {
    if (ext.critical && MUST_NOT_BE_CRITICAL[oid]) add('MALFORMED', 'error', `${who} marks its ${MUST_NOT_BE_CRITICAL[oid]} extension critical; RFC 5280 requires it to be non-critical`);
    else if (ext.critical && !PROCESSED.has(oid)) add('UNKNOWN_CRITICAL_EXTENSION', 'error', `${who} has the critical extension ${oid}, which Certbench does not process`);
  }

  const san = cert.extensions.get(EXT.subjectAltName);
  if (cert.emptySubject && !san) add('MALFORMED', 'error', `${who} has an empty subject and no subject alternative names`);
  else if (cert.emptySubject && san && !san.critical) add('MALFORMED', 'error', `${who} has an empty subject, so its subject alternative names must be critical (RFC 5280 4.2.1.6)`);
  if (cert.emptySubject && cert.basicConstraints?.ca) add('MALFORMED', 'error', `${who} is a CA with an empty subject name (RFC 5280 4.1.2.6)`);

  if (cert.basicConstraints && !cert.basicConstraints.ca && cert.basicConstraints.pathLen !== null)
    add('MALFORMED', 'warning', `${who} sets a path length constraint without being a CA (RFC 5280 4.2.1.9)`);
  const isCa = cert.basicConstraints?.ca === true;
  // A trust anchor's structure is the trust store's business: it gets no AKI/SKI/critical-BC warnings.
  if (isCa && role === 'intermediate') {
    if (!cert.extensions.get(EXT.basicConstraints)?.critical) add('MALFORMED', 'warning', `${who} is a CA whose basic constraints are not marked critical (RFC 5280 4.2.1.9)`);
    if (!cert.ski) add('MALFORMED', 'warning', `${who} is a CA without a subject key identifier (RFC 5280 4.2.1.2)`);
  }
  if (role !== 'anchor' && !cert.selfIssued && !cert.extensions.has(EXT.authorityKeyId))
    add('MALFORMED', 'warning', `${who} has no authority key identifier (RFC 5280 4.2.1.1)`);
  if (role === 'anchor' && cert.selfIssued) {
    const contradiction = selfAkiContradiction(cert);
    if (contradiction) add('MALFORMED', 'error', `${who} is a self-issued root whose authority key identifier describes another certificate: ${contradiction}`);
  }
  return out;
}

/**
 * A self-signed root's AKI, when present, must describe the root itself; OpenSSL otherwise does not take it for
 * self-signed and looks for another issuer. Null when consistent.
 */
function selfAkiContradiction(cert: ChainCert): string | null {
  const aki = cert.extensions.get(EXT.authorityKeyId);
  if (!aki) return null;
  for (const part of children(aki.value, 'authority key identifier')) {
    const n = contextNumber(part);
    if (n === 0 && cert.ski && hex(value(part)) !== cert.ski) return `keyIdentifier ${hex(value(part))} differs from its own subject key identifier ${cert.ski}`;
    if (n === 1) {
      const names = children(part, 'authority cert issuer').filter((g) => contextNumber(g) === 4);
      const keys = names.map((g) => nameKey(readTlv(g.bytes, g.valueStart, g.end, 'directoryName')));
      if (names.length && !keys.includes(cert.issuerKey)) return 'authorityCertIssuer names another issuer';
    }
    if (n === 2 && hex(value(part)) !== hex(cert.serial)) return `authorityCertSerialNumber ${hex(value(part))} differs from its own serial ${cert.serialHex}`;
  }
  return null;
}

function serialFindings(cert: ChainCert, who: string, add: (code: Finding['code'], severity: Finding['severity'], detail: string) => void): void {
  const s = cert.serial;
  if (s.length === 0) {
    add('MALFORMED', 'error', `${who} has an empty serial number`);
    return;
  }
  if (s[0] & 0x80) add('MALFORMED', 'warning', `${who} has a negative serial number (RFC 5280 4.1.2.2 requires a positive one)`);
  else if (s.every((b) => b === 0)) add('MALFORMED', 'warning', `${who} has the serial number 0 (RFC 5280 4.1.2.2 requires a positive one)`);
  const octets = s.length > 1 && s[0] === 0 ? s.length - 1 : s.length;
  if (octets > 20) add('MALFORMED', 'warning', `${who} has a serial number of ${octets} octets; RFC 5280 4.1.2.2 allows at most 20`);
}

/** The key usage bits a cert asserts, or null when it has no keyUsage extension. */
export function keyUsageText(cert: ChainCert): string {
  return cert.keyUsage && cert.keyUsage.size ? [...cert.keyUsage].join(', ') : 'none';
}

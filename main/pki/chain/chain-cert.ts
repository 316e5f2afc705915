/**
 * A certificate decoded once for chain work: names for linking, the key, validity, and every extension as a
 * raw TLV so each validation step (name constraints, policies, CRL scope) decodes only what it needs.
 */
import type { SignatureScheme } from '../crypto';
import { digest } from '../crypto';
import { children, expectTag, hex, oidOf, readTlv, Tag, timeOf, value, whole, type Tlv } from '../der/der';
import { certificateFields, type CertificateFields } from '../x509/certificate';
import { generalName } from '../x509/general-names';
import { readName } from '../x509/name';
import { algorithmName } from '../x509/oids';
import { signatureScheme } from '../x509/signature';
import { spkiFacts } from '../x509/spki';
import { nameKey } from './name-key';

export interface RawExtension {
  critical: boolean;
  /** The DER inside extnValue (the OCTET STRING's content, as one TLV). */
  value: Tlv;
}

export interface ChainCert {
  der: Uint8Array;
  /** Uppercase hex, no colons (as the DTOs carry it). */
  sha256: string;
  fields: CertificateFields;
  version: number;
  /** RFC 4514 text, as the Inspector shows it. */
  subject: string;
  issuer: string;
  /** Comparison keys (RFC 5280 7.1: case- and space-insensitive where the string types allow): equal keys = same name. */
  subjectKey: string;
  issuerKey: string;
  /** The whole Name TLV bytes (OCSP issuerNameHash, CRL issuer matching, directoryName constraints). */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  /** Subject has no attributes (allowed only with a critical SAN). */
  emptySubject: boolean;
  spkiDer: Uint8Array;
  /** The subjectPublicKey BIT STRING content without its unused-bits byte (OCSP issuerKeyHash). */
  publicKeyBits: Uint8Array;
  /** "RSA 2048", "EC P-256", "Ed25519". */
  keyDescription: string;
  keyAlgorithm: string;
  keyBits: number | null;
  /** Serial INTEGER content octets as encoded (CRL and OCSP compare these). */
  serial: Uint8Array;
  serialHex: string;
  notBefore: number;
  notAfter: number;
  /** Subject and issuer names are equal (RFC 5280's self-issued). */
  selfIssued: boolean;
  signatureAlgorithmOid: string;
  /** "sha256WithRSAEncryption". */
  signatureAlgorithm: string;
  /** null when Certbench cannot verify this algorithm. */
  signatureScheme: SignatureScheme | null;
  /** The algorithm inside the signed part equals the outer one (RFC 5280 4.1.1.2). */
  signatureAlgorithmsMatch: boolean;
  /** Every extension by OID (the first when duplicated). */
  extensions: Map<string, RawExtension>;
  duplicateExtensions: string[];
  basicConstraints: { ca: boolean; pathLen: number | null } | null;
  /** Key usage bit names as RFC 5280 spells them (digitalSignature, keyCertSign, cRLSign ...); null when absent. */
  keyUsage: Set<string> | null;
  /** EKU OIDs; null when absent. */
  extKeyUsage: string[] | null;
  ski: string | null;
  /** AKI keyIdentifier as hex, when present. */
  akiKeyId: string | null;
  aia: { caIssuers: string[]; ocsp: string[] };
}

export const EXT = {
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyId: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extKeyUsage: '2.5.29.37',
  freshestCrl: '2.5.29.46',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
} as const;

const KEY_USAGE_BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

/** Decodes what chain work needs; throws PkiError (CORRUPT) when the certificate cannot be read at all. */
export function chainCert(der: Uint8Array): ChainCert {
  const fields = certificateFields(der);
  const extensions = new Map<string, RawExtension>();
  const duplicateExtensions: string[] = [];
  if (fields.extensions) {
    for (const ext of children(fields.extensions, 'extension')) {
      const parts = children(ext, 'extension');
      const oid = oidOf(expectTag(parts[0], Tag.Oid, 'extension id'));
      let i = 1;
      let critical = false;
      if (parts[i]?.tag === Tag.Boolean) critical = value(parts[i++])[0] !== 0;
      const octets = expectTag(parts[i], Tag.OctetString, 'extension value');
      if (extensions.has(oid)) {
        duplicateExtensions.push(oid);
        continue;
      }
      extensions.set(oid, { critical, value: readTlv(octets.bytes, octets.valueStart, octets.end, 'extension value') });
    }
  }
  const key = spkiFacts(fields.spki);
  const subjectKey = nameKey(fields.subject);
  const issuerKey = nameKey(fields.issuer);
  const [notBefore, notAfter] = fields.validity.map((t) => timeOf(t).getTime());
  const outerOid = oidOf(children(fields.signatureAlgorithm, 'signature algorithm')[0]);
  return {
    der,
    sha256: hex(digest('sha256', der)).toUpperCase(),
    fields,
    version: fields.version,
    subject: readName(fields.subject).text,
    issuer: readName(fields.issuer).text,
    subjectKey,
    issuerKey,
    subjectDer: whole(fields.subject),
    issuerDer: whole(fields.issuer),
    emptySubject: children(fields.subject, 'subject').length === 0,
    spkiDer: whole(fields.spki),
    publicKeyBits: value(children(fields.spki, 'public key info')[1]).subarray(1),
    keyDescription: describeKey(key.keyAlgorithm, key.keySize, key.curve),
    keyAlgorithm: key.keyAlgorithm,
    keyBits: key.keySize,
    serial: value(fields.serial),
    serialHex: hex(value(fields.serial)).toUpperCase(),
    notBefore,
    notAfter,
    selfIssued: subjectKey === issuerKey,
    signatureAlgorithmOid: outerOid,
    signatureAlgorithm: algorithmName(outerOid),
    signatureScheme: safeScheme(fields.signatureAlgorithm),
    signatureAlgorithmsMatch: equal(whole(fields.signatureAlgorithm), whole(fields.innerAlgorithm)),
    extensions,
    duplicateExtensions,
    basicConstraints: readBasicConstraints(extensions.get(EXT.basicConstraints)),
    keyUsage: readKeyUsage(extensions.get(EXT.keyUsage)),
    extKeyUsage: extensions.has(EXT.extKeyUsage) ? children(extensions.get(EXT.extKeyUsage)!.value, 'extended key usage').map(oidOf) : null,
    ski: extensions.has(EXT.subjectKeyId) ? hex(value(extensions.get(EXT.subjectKeyId)!.value)) : null,
    akiKeyId: readAkiKeyId(extensions.get(EXT.authorityKeyId)),
    aia: readAia(extensions.get(EXT.authorityInfoAccess)),
  };
}

function describeKey(algorithm: string, bits: number | null, curve: string | null): string {
  if (algorithm === 'EC') return `EC ${curve ?? '?'}`;
  if (algorithm === 'Ed25519' || algorithm === 'Ed448' || algorithm === 'X25519' || algorithm === 'X448') return algorithm;
  return bits ? `${algorithm} ${bits}` : algorithm;
}

function safeScheme(alg: Tlv): SignatureScheme | null {
  try {
    return signatureScheme(alg);
  } catch {
    return null;
  }
}

function readBasicConstraints(ext: RawExtension | undefined): ChainCert['basicConstraints'] {
  if (!ext) return null;
  let ca = false;
  let pathLen: number | null = null;
  for (const part of children(ext.value, 'basic constraints')) {
    if (part.tag === Tag.Boolean) ca = value(part)[0] !== 0;
    else if (part.tag === Tag.Integer) {
      const v = value(part);
      pathLen = v.length > 4 ? Number.MAX_SAFE_INTEGER : v.reduce((n, b) => n * 256 + b, 0);
    }
  }
  return { ca, pathLen };
}

function readKeyUsage(ext: RawExtension | undefined): Set<string> | null {
  if (!ext) return null;
  const bits = value(ext.value).subarray(1);
  const names = new Set<string>();
  KEY_USAGE_BITS.forEach((name, i) => {
    if ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) names.add(name);
  });
  return names;
}

function readAkiKeyId(ext: RawExtension | undefined): string | null {
  if (!ext) return null;
  const id = children(ext.value, 'authority key identifier').find((p) => p.tag === 0x80);
  return id ? hex(value(id)) : null;
}

function readAia(ext: RawExtension | undefined): ChainCert['aia'] {
  const aia: ChainCert['aia'] = { caIssuers: [], ocsp: [] };
  if (!ext) return aia;
  for (const ad of children(ext.value, 'access description')) {
    const [method, location] = children(ad, 'access description');
    if (!location || location.tag !== 0x86) continue; // uniformResourceIdentifier only
    const url = generalName(location).replace(/^URI:/, '');
    const m = oidOf(method);
    if (m === '1.3.6.1.5.5.7.48.2') aia.caIssuers.push(url);
    else if (m === '1.3.6.1.5.5.7.48.1') aia.ocsp.push(url);
  }
  return aia;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

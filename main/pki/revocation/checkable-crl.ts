/**
 * A CRL decoded once for checking (crl.ts crlParts does the outline): issuer key, times, CRL number, delta base,
 * issuing distribution point, unknown critical extensions, and an index of its entries by issuer and serial,
 * built on first use so a CRL of 100,000 entries is walked once and then answers each lookup from a Map.
 * Decoded CRLs are cached by their bytes (the same Uint8Array), so checking a whole path decodes each CRL once.
 */
import type { SignatureScheme } from '../crypto';
import { children, expectTag, hex, isoTimeOrNull, oidOf, readTlv, Tag, timeOf, value, whole, type Tlv } from '../der/der';
import { nameKey } from '../chain/name-key';
import { crlParts } from '../x509/crl';
import { CRL_REASONS } from '../x509/extensions/small-extensions';
import { readName } from '../x509/name';
import { signatureScheme } from '../x509/signature';
import { directoryNameKeys, readIssuingDistributionPoint, type IssuingDistributionPoint } from './distribution-points';

const CRL_EXT = {
  authorityKeyId: '2.5.29.35',
  issuerAltName: '2.5.29.18',
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  freshestCrl: '2.5.29.46',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  expiredCertsOnCrl: '2.5.29.60',
} as const;
const KNOWN_CRL_EXTENSIONS = new Set<string>(Object.values(CRL_EXT));

const ENTRY_EXT = { reasonCode: '2.5.29.21', holdInstructionCode: '2.5.29.23', invalidityDate: '2.5.29.24', certificateIssuer: '2.5.29.29' } as const;
const KNOWN_ENTRY_EXTENSIONS = new Set<string>(Object.values(ENTRY_EXT));

export interface CrlEntry {
  revocationDate: string | null;
  /** CRLReason name ("keyCompromise", "removeFromCRL"); null when the entry has no reason code. */
  reason: string | null;
}

export interface CheckableCrl {
  der: Uint8Array;
  tbs: Uint8Array;
  signatureScheme: SignatureScheme | null;
  signatureAlgorithmOid: string;
  /** The algorithm inside the signed part equals the outer one. */
  algorithmsMatch: boolean;
  signature: Uint8Array;
  issuer: Tlv;
  issuerKey: string;
  /** RFC 4514 text for messages. */
  issuerText: string;
  /** ms since epoch; null when the time cannot be read. */
  thisUpdate: number | null;
  thisUpdateIso: string | null;
  /** null when absent (or unreadable: see nextUpdateInvalid). */
  nextUpdate: number | null;
  nextUpdateIso: string | null;
  nextUpdateInvalid: boolean;
  crlNumber: bigint | null;
  /** deltaCRLIndicator's BaseCRLNumber: set on a delta CRL. */
  deltaBase: bigint | null;
  idp: IssuingDistributionPoint | null;
  /** Critical CRL extensions Certbench does not process (the CRL must not be used). */
  unknownCritical: string[];
  /** Signature checks made, by signer certificate sha256. */
  verifiedBy: Map<string, boolean>;
  /** Filled on first lookup. */
  index: EntryIndex | null;
}

interface EntryIndex {
  /** `${issuerKey}#${serial hex}` → the entry TLV. */
  entries: Map<string, Tlv>;
  /** Critical entry extensions Certbench does not process, anywhere in the CRL (RFC 5280 5.3: do not use it). */
  unknownCritical: { oid: string; key: string }[];
}

const cache = new WeakMap<Uint8Array, CheckableCrl>();

/** Decodes (or takes from the cache) one CRL; throws PkiError CORRUPT when it is not one. */
export function checkableCrl(der: Uint8Array): CheckableCrl {
  const cached = cache.get(der);
  if (cached) return cached;
  const parts = crlParts(der);
  const sig = expectTag(parts.signature, Tag.BitString, 'CRL signature');
  const crl: CheckableCrl = {
    der,
    tbs: whole(parts.tbs),
    signatureScheme: safeScheme(parts.signatureAlgorithm),
    signatureAlgorithmOid: oidOf(children(parts.signatureAlgorithm, 'signature algorithm')[0]),
    algorithmsMatch: hex(whole(parts.signatureAlgorithm)) === hex(whole(parts.innerAlgorithm)),
    signature: value(sig).subarray(1),
    issuer: parts.issuer,
    issuerKey: nameKey(parts.issuer),
    issuerText: readName(parts.issuer).text,
    thisUpdate: timeOrNull(parts.thisUpdate),
    thisUpdateIso: isoTimeOrNull(parts.thisUpdate),
    nextUpdate: timeOrNull(parts.nextUpdate ?? undefined),
    nextUpdateIso: isoTimeOrNull(parts.nextUpdate ?? undefined),
    nextUpdateInvalid: parts.nextUpdate !== null && isoTimeOrNull(parts.nextUpdate) === null,
    crlNumber: null,
    deltaBase: null,
    idp: null,
    unknownCritical: [],
    verifiedBy: new Map(),
    index: null,
  };
  for (const { oid, critical, inner } of extensionList(parts.extensions)) {
    if (oid === CRL_EXT.crlNumber) crl.crlNumber = integer(inner);
    else if (oid === CRL_EXT.deltaCrlIndicator) crl.deltaBase = integer(inner);
    else if (oid === CRL_EXT.issuingDistributionPoint) crl.idp = readIssuingDistributionPoint(inner, parts.issuer);
    else if (critical && !KNOWN_CRL_EXTENSIONS.has(oid)) crl.unknownCritical.push(oid);
  }
  cache.set(der, crl);
  return crl;
}

/** The entry for a serial (INTEGER content octets as encoded) issued by the certificate issuer with this name key. */
export function findEntry(crl: CheckableCrl, issuerKey: string, serial: Uint8Array): CrlEntry | null {
  const entry = entryIndex(crl).entries.get(entryKey(issuerKey, serial));
  if (!entry) return null;
  const [, date, extensions] = children(entry, 'revoked certificate');
  let reason: string | null = null;
  for (const { oid, inner } of extensionList(extensions ?? null)) {
    if (oid !== ENTRY_EXT.reasonCode) continue;
    const code = value(inner)[0];
    reason = code === undefined ? null : (CRL_REASONS[code] ?? `reason ${code}`);
  }
  return { revocationDate: isoTimeOrNull(date), reason };
}

/** Critical entry extensions in this CRL that Certbench does not process, each with the entry's key (see entryKey). */
export function unknownCriticalEntryExtensions(crl: CheckableCrl): { oid: string; key: string }[] {
  return entryIndex(crl).unknownCritical;
}

export function entryKey(issuerKey: string, serial: Uint8Array): string {
  return `${issuerKey}#${hex(serial)}`;
}

function entryIndex(crl: CheckableCrl): EntryIndex {
  if (crl.index) return crl.index;
  const index: EntryIndex = { entries: new Map(), unknownCritical: [] };
  const parts = crlParts(crl.der);
  // In an indirect CRL each entry's issuer is the last certificateIssuer given (RFC 5280 5.3.3), at first the CRL's.
  const indirect = crl.idp?.indirect === true;
  let issuers = [crl.issuerKey];
  if (parts.revoked) {
    let p = parts.revoked.valueStart;
    while (p < parts.revoked.end) {
      const entry = readTlv(parts.revoked.bytes, p, parts.revoked.end, 'revoked certificate');
      p = entry.end;
      const fields = children(expectTag(entry, Tag.Sequence, 'revoked certificate'), 'revoked certificate');
      const serial = hex(value(expectTag(fields[0], Tag.Integer, 'revoked serial')));
      const unknown: string[] = [];
      if (fields[2]) {
        for (const { oid, critical, inner } of extensionList(fields[2])) {
          if (oid === ENTRY_EXT.certificateIssuer && indirect) issuers = [...directoryNameKeys(inner)].map((k) => k.slice('dn:'.length));
          else if (critical && !KNOWN_ENTRY_EXTENSIONS.has(oid)) unknown.push(oid);
        }
      }
      for (const oid of unknown) index.unknownCritical.push({ oid, key: `${issuers[0] ?? ''}#${serial}` });
      for (const issuer of issuers) {
        const key = `${issuer}#${serial}`;
        if (!index.entries.has(key)) index.entries.set(key, entry);
      }
    }
  }
  crl.index = index;
  return index;
}

function* extensionList(seq: Tlv | null): Iterable<{ oid: string; critical: boolean; inner: Tlv }> {
  if (!seq) return;
  for (const ext of children(seq, 'extension')) {
    const parts = children(expectTag(ext, Tag.Sequence, 'extension'), 'extension');
    const oid = oidOf(expectTag(parts[0], Tag.Oid, 'extension id'));
    let i = 1;
    let critical = false;
    if (parts[i]?.tag === Tag.Boolean) critical = value(parts[i++])[0] !== 0;
    const octets = expectTag(parts[i], Tag.OctetString, 'extension value');
    yield { oid, critical, inner: readTlv(octets.bytes, octets.valueStart, octets.end, 'extension value') };
  }
}

function integer(t: Tlv): bigint {
  const v = value(expectTag(t, Tag.Integer, 'CRL number'));
  return v.length ? BigInt('0x' + hex(v)) : 0n;
}

function timeOrNull(t: Tlv | undefined): number | null {
  if (!t) return null;
  try {
    return timeOf(t).getTime();
  } catch {
    return null;
  }
}

function safeScheme(alg: Tlv): SignatureScheme | null {
  try {
    return signatureScheme(alg);
  } catch {
    return null;
  }
}

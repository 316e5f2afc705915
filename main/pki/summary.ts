/**
 * Raw objects → the compact rows the Inspector lists and the CLI streams: what is needed to show, search,
 * filter and sort, without extensions or PEM. Identical objects (20,000 copies of one key, the same
 * intermediate in every fullchain) are decoded once per distinct DER through a cache the session keeps.
 */
import type { KeyAlgorithmName, NamePart, ObjectSummaryDto } from '../api/dto';
import { digest } from './crypto';
import { hex, readRoot } from './der/der';
import type { RawObject } from './model';
import { derSha256 } from './der-fingerprint';
import { keyFactsOf, unreadable, type PrivateKeyFacts } from './object-facts';
import { type CertificateFacts, parseCertificate, validityAt } from './x509/certificate';
import { parseCrl } from './x509/crl';
import { parseCsr } from './x509/csr';
import { parseOcspResponse } from './ocsp/response';
import { spkiFacts } from './x509/spki';

/** The parts of a row that depend on the DER alone, so copies can share them. */
type DecodedRow = Omit<ObjectSummaryDto, 'id' | 'documentId' | 'index' | 'alias' | 'location' | 'daysLeft' | 'validity' | 'trusted' | 'encrypted' | 'hasPrivateKey' | 'matchGroup' | 'duplicateOf'>;

/**
 * Certificates decoded for their rows are kept for their full description, up to this many per document: the
 * CLI describes every object right after reading, and decoding each certificate once instead of twice is a
 * good part of listing a keystore. Each is taken by its first description, so nothing stays once described.
 */
const REMEMBERED_CERTIFICATES = 2000;

/** Decoded rows by SHA-256 of their DER; lives as long as the session. */
export class SummaryCache {
  readonly rows = new Map<string, DecodedRow>();
  readonly keys = new Map<string, PrivateKeyFacts>();
  /** The same facts by the key's own bytes: its row and its details ask with the same array, hashed once. */
  private keysByArray = new WeakMap<Uint8Array, PrivateKeyFacts>();
  /** By the certificate's own DER array (the object's), which its details are asked with. */
  private readonly certificates = new Map<Uint8Array, CertificateFacts>();

  /** The public half of a private key, decoded once per distinct PKCS#8 DER. */
  keyFacts(pkcs8: Uint8Array): PrivateKeyFacts {
    const known = this.keysByArray.get(pkcs8);
    if (known) return known;
    const id = hex(digest('sha256', pkcs8));
    let facts = this.keys.get(id);
    if (!facts) {
      facts = keyFactsOf(pkcs8);
      this.keys.set(id, facts);
    }
    this.keysByArray.set(pkcs8, facts);
    return facts;
  }

  /** A certificate decoded in full: the one its row was made from (taken, so used once), else decoded now. */
  certificateFacts(der: Uint8Array): CertificateFacts {
    const facts = this.certificates.get(der);
    if (!facts) return parseCertificate(der);
    this.certificates.delete(der);
    return facts;
  }

  /** Keeps a certificate decoded for its row, while there is room. */
  remember(der: Uint8Array, facts: CertificateFacts): void {
    if (this.certificates.size < REMEMBERED_CERTIFICATES) this.certificates.set(der, facts);
  }

  clear(): void {
    this.rows.clear();
    this.keys.clear();
    this.keysByArray = new WeakMap();
    this.certificates.clear();
  }
}


export interface SummaryContext {
  documentId: string;
  index: number;
  now: Date;
  cache: SummaryCache;
}

const EMPTY: DecodedRow = {
  kind: 'unsupported', label: '', subject: null, issuer: null, serial: null, san: [], sha256: null, spkiSha256: null,
  keyAlgorithm: null, keySize: null, curve: null, notBefore: null, notAfter: null, isCA: false, selfSigned: false,
  problems: [], error: null, what: null,
};

export function summarizeObject(raw: RawObject, ctx: SummaryContext): ObjectSummaryDto {
  const d = decodeRow(raw, ctx.cache);
  const dates = d.kind === 'certificate' ? validityAt(d.notBefore, d.notAfter, ctx.now) : { daysLeft: null, validity: null };
  // Written out rather than spread: spreading a row of 18 fields into a new object of 30 took V8 tens of
  // microseconds an object, the largest single cost of listing a 500-entry keystore.
  return {
    kind: d.kind, label: d.label, subject: d.subject, issuer: d.issuer, serial: d.serial, san: d.san, sha256: d.sha256, spkiSha256: d.spkiSha256,
    keyAlgorithm: d.keyAlgorithm, keySize: d.keySize, curve: d.curve, notBefore: d.notBefore, notAfter: d.notAfter, isCA: d.isCA,
    selfSigned: d.selfSigned, problems: d.problems, error: d.error, what: d.what,
    id: `${ctx.documentId}/${ctx.index}`,
    documentId: ctx.documentId,
    index: ctx.index,
    alias: raw.alias ?? null,
    location: raw.location ?? null,
    daysLeft: dates.daysLeft,
    validity: dates.validity,
    trusted: raw.kind === 'certificate' && (raw.trusted ?? false),
    encrypted: raw.kind === 'privateKey' && raw.encrypted,
    hasPrivateKey: false,
    matchGroup: null,
    duplicateOf: null,
  };
}

function decodeRow(raw: RawObject, cache: SummaryCache): DecodedRow {
  try {
    switch (raw.kind) {
      case 'certificate':
      case 'csr':
      case 'crl': {
        const id = derSha256(raw.der);
        let row = cache.rows.get(id);
        if (!row) {
          row = decodeSigned(raw.kind, raw.der, (facts) => cache.remember(raw.der, facts));
          cache.rows.set(id, row);
        }
        return row;
      }
      case 'ocspResponse': {
        const o = parseOcspResponse(raw.der);
        const first = o.responses[0];
        const label = o.responses.length === 1 ? `OCSP response for serial ${first.serial}` : `OCSP response (${o.responseStatus})`;
        return { ...EMPTY, kind: 'ocspResponse', label, issuer: o.responderId, serial: first?.serial ?? null, sha256: o.sha256, notBefore: o.producedAt, notAfter: first?.nextUpdate ?? null, problems: o.problems };
      }
      case 'publicKey': {
        const key = spkiFacts(readRoot(raw.spki, 'public key'));
        return { ...EMPTY, kind: 'publicKey', label: `${keyWords(key.keyAlgorithm, key.keySize, key.curve)} public key`, spkiSha256: key.spkiSha256, keyAlgorithm: key.keyAlgorithm, keySize: key.keySize, curve: key.curve };
      }
      case 'privateKey': {
        const key = cache.keyFacts(raw.pkcs8);
        return { ...EMPTY, kind: 'privateKey', label: `${keyWords(key.keyAlgorithm, key.keySize, key.curve)} private key`, spkiSha256: key.spkiSha256, keyAlgorithm: key.keyAlgorithm, keySize: key.keySize, curve: key.curve };
      }
      case 'secretKey':
        return { ...EMPTY, kind: 'secretKey', label: `${raw.algorithm}${raw.sizeBits ? ` ${raw.sizeBits}-bit` : ''} secret key`, keySize: raw.sizeBits ?? null };
      case 'unsupported':
        return { ...EMPTY, kind: 'unsupported', label: raw.what, what: raw.what, error: { code: raw.code, message: raw.message, hint: raw.hint } };
    }
  } catch (e) {
    const { what, error } = unreadable(raw, e);
    return { ...EMPTY, kind: 'unsupported', label: what, what, error };
  }
}

function decodeSigned(kind: 'certificate' | 'csr' | 'crl', der: Uint8Array, decoded: (facts: CertificateFacts) => void): DecodedRow {
  if (kind === 'certificate') {
    const c = parseCertificate(der);
    decoded(c);
    return {
      ...EMPTY, kind, label: commonName(c.subjectParts, c.subject), subject: c.subject, issuer: c.issuer, serial: c.serial, san: c.san,
      sha256: c.sha256, spkiSha256: c.spkiSha256, keyAlgorithm: c.keyAlgorithm, keySize: c.keySize, curve: c.curve,
      notBefore: c.notBefore, notAfter: c.notAfter, isCA: c.isCA, selfSigned: c.selfSigned, problems: c.problems,
    };
  }
  if (kind === 'csr') {
    const r = parseCsr(der);
    return {
      ...EMPTY, kind, label: `Request for ${commonName(r.subjectParts, r.subject)}`, subject: r.subject, san: r.san, sha256: r.sha256,
      spkiSha256: r.spkiSha256, keyAlgorithm: r.keyAlgorithm, keySize: r.keySize, curve: r.curve, problems: r.problems,
    };
  }
  const l = parseCrl(der);
  return { ...EMPTY, kind, label: `Revocation list of ${commonName(l.issuerParts, l.issuer)}`, issuer: l.issuer, sha256: l.sha256, notBefore: l.thisUpdate, notAfter: l.nextUpdate, problems: l.problems };
}

function commonName(parts: NamePart[], fallback: string): string {
  return parts.find((p) => p.name === 'CN')?.value ?? (fallback || '(empty name)');
}

function keyWords(alg: KeyAlgorithmName, size: number | null, curve: string | null): string {
  if (curve) return `${alg} ${curve}`;
  if (size) return `${alg} ${size}-bit`;
  return alg;
}

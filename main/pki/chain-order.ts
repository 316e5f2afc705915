/**
 * Orders certificates into one chain, leaf → root, by who signed whom (never by input order). Issuers are
 * found through an index of subject names, so only the few certificates that carry the right name have
 * their signatures checked: 10,000 certificates order in milliseconds, not O(n²) verifications.
 */
import { verifySignature } from './crypto';
import { derSha256 } from './der-fingerprint';
import { children, oidOf, readRoot, readTlv, stringOf, timeOf, value, whole, type Tlv } from './der/der';
import { isPkiError } from './errors';
import { authorityKeyIdentifier } from './x509/extensions/authority-key-identifier';
import { basicConstraints } from './x509/extensions/basic-constraints';
import { subjectKeyIdentifier } from './x509/extensions/subject-key-identifier';
import { certificateFields, equalBytes, type CertificateFields } from './x509/certificate';
import { readName } from './x509/name';
import { signatureScheme } from './x509/signature';
import { countText } from './count-text';

export type ChainRole = 'leaf' | 'intermediate' | 'root';

export interface ChainOrder {
  /** Leaf first, then each issuer; the last is 'root' when it is self-signed and present. */
  chain: { der: Uint8Array; role: ChainRole }[];
  /** Certificates not on the path, each with why, in plain words. */
  leftOut: { der: Uint8Array; reason: string }[];
  warnings: string[];
}

export interface ChainOrderOptions {
  /** SubjectPublicKeyInfo DER of the private key being converted: its certificate is the leaf. */
  leafSpki?: Uint8Array;
  /**
   * false: only the chain and its own warnings, no reason for every other certificate (a keystore of 500 key
   * pairs orders 500 chains over the same certificates and uses none of those reasons). Default true.
   */
  explainLeftOut?: boolean;
}

/** One distinct certificate and what linking needs from it. */
interface Cert {
  der: Uint8Array;
  fields: CertificateFields;
  subjectKey: string;
  issuerKey: string;
  /** Basic constraints and key identifiers, found (not yet decoded) in order. */
  linkExtensions: { oid: string; octets: Tlv }[];
  /** Decoded from linkExtensions and the validity when a link first asks (hintsOf). */
  hints?: LinkHints;
  selfSigned?: boolean;
  /** Signature checks already made against this certificate as the child, by issuer. */
  signedBy?: Map<Cert, Signed>;
  /** Names for messages, made once: thousands of left-out reasons repeat them. */
  subjectName?: string;
  issuerName?: string;
}

/**
 * What tells candidates apart beyond names and signatures. Most certificates never need it: a self-issued one
 * with no other certificate of its name ends its chain at once (every entry of a keystore of self-signed key
 * pairs), and a leaf found by its key needs a date only when several certificates hold that key.
 */
interface LinkHints {
  isCA: boolean;
  /** Key identifiers as hex (colon-separated), when the extensions carry them. */
  ski: string | null;
  aki: string | null;
  notAfter: number;
}

const BASIC_CONSTRAINTS = '2.5.29.19';
const SUBJECT_KEY_ID = '2.5.29.14';
const AUTHORITY_KEY_ID = '2.5.29.35';
const MAX_NAMED = 5;
/** Signature checks per link at most (same-named candidates, key-identifier matches first). */
const MAX_CANDIDATES = 32;

export function orderChain(certs: Uint8Array[], options: ChainOrderOptions = {}): ChainOrder {
  return new ChainIndex(certs).order(options);
}

/**
 * The certificates of one conversion, decoded and indexed once: a keystore with 500 key pairs orders 500
 * chains over the same certificates, so names, key bits and signature checks are not redone per key.
 */
export class ChainIndex {
  private readonly all: Cert[] = [];
  private readonly unreadable: ChainOrder['leftOut'] = [];
  private readonly bySubject = new Map<string, Cert[]>();
  private readonly byKeyBits = new Map<string, Cert[]>();

  constructor(certs: readonly Uint8Array[]) {
    const seen = new Set<string>();
    for (const der of certs) {
      const id = derSha256(der);
      if (seen.has(id)) continue; // exact duplicates count once
      seen.add(id);
      try {
        this.all.push(linkFacts(der));
      } catch (e) {
        this.unreadable.push({ der, reason: `not a certificate Certbench can read (${isPkiError(e) ? e.message : 'malformed'})` });
      }
    }
    for (const c of this.all) {
      push(this.bySubject, c.subjectKey, c);
      push(this.byKeyBits, latin1(value(children(c.fields.spki, 'public key info')[1])), c);
    }
  }

  order(options: ChainOrderOptions = {}): ChainOrder {
    const { all, bySubject } = this;
    const leftOut: ChainOrder['leftOut'] = [...this.unreadable];
    const warnings: string[] = [];
    const why = new Map<Cert, string>();
    const leaf = options.leafSpki ? leafForKey(all, this.byKeyBits.get(latin1(publicKeyBits(options.leafSpki))) ?? [], why, warnings) : leafByShape(all, bySubject, why, warnings);
    const path: Cert[] = [];
    if (leaf) {
      const taken = new Set([leaf]);
      path.push(leaf);
      for (let current = leaf; ; ) {
        // A self-issued certificate with no other certificate of its name here ends the chain without a signature check.
        if (current.subjectKey === current.issuerKey && !(bySubject.get(current.issuerKey) ?? []).some((c) => c !== current && !taken.has(c))) break;
        if (isSelfSigned(current)) break;
        const next = issuerOf(current, bySubject, taken, why, warnings);
        if (!next) break;
        path.push(next);
        taken.add(next);
        current = next;
      }
    }
    const chain = path.map((c, i) => ({ der: c.der, role: roleAt(path, i) }));
    if (options.explainLeftOut === false) return { chain, leftOut, warnings };
    const onPath = new Set(path);
    const unrelated: Cert[] = [];
    for (const c of all) {
      if (onPath.has(c)) continue;
      const reason = why.get(c);
      if (reason === undefined) unrelated.push(c);
      leftOut.push({ der: c.der, reason: reason ?? `not part of this chain: issued by ${issuerNameOf(c)} for ${subjectNameOf(c)}` });
    }
    if (unrelated.length > 0) {
      warnings.push(`${count(unrelated.length, 'certificate')} not part of this chain ${unrelated.length === 1 ? 'was' : 'were'} left out: ${listNames(unrelated)}.`);
    }
    return { chain, leftOut, warnings };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function roleAt(path: Cert[], i: number): ChainRole {
  if (i === 0) return 'leaf';
  return i === path.length - 1 && isSelfSigned(path[i]) ? 'root' : 'intermediate';
}

// ---- the facts linking needs, read with the project's DER reader ----

/** Throws for a certificate whose fields or extension list cannot be read: it is left out as unreadable. */
function linkFacts(der: Uint8Array): Cert {
  const fields = certificateFields(der);
  const linkExtensions: Cert['linkExtensions'] = [];
  if (fields.extensions) {
    for (const ext of children(fields.extensions, 'extension')) {
      const parts = children(ext, 'extension');
      const oid = oidOf(parts[0]);
      if (oid === BASIC_CONSTRAINTS || oid === SUBJECT_KEY_ID || oid === AUTHORITY_KEY_ID) linkExtensions.push({ oid, octets: parts[parts.length - 1] });
    }
  }
  return { der, fields, subjectKey: latin1(whole(fields.subject)), issuerKey: latin1(whole(fields.issuer)), linkExtensions };
}

function hintsOf(c: Cert): LinkHints {
  return (c.hints ??= readHints(c));
}

function readHints({ fields, linkExtensions }: Cert): LinkHints {
  let isCA = false;
  let ski: string | null = null;
  let aki: string | null = null;
  for (const { oid, octets } of linkExtensions) {
    try {
      const inner = readTlv(octets.bytes, octets.valueStart, octets.end, 'extension');
      if (oid === BASIC_CONSTRAINTS) isCA = basicConstraints.decode(inner).facts?.isCA ?? false;
      else if (oid === SUBJECT_KEY_ID) ski = subjectKeyIdentifier.decode(inner).facts?.subjectKeyId ?? null;
      else aki = authorityKeyIdentifier.decode(inner).facts?.authorityKeyId ?? null;
    } catch {
      // An undecodable extension only loses a hint; the names and signatures still decide.
    }
  }
  let notAfter = 0;
  try {
    notAfter = timeOf(fields.validity[1]).getTime();
  } catch {
    // An invalid time sorts last among otherwise equal candidates.
  }
  return { isCA, ski, aki, notAfter };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

/** The subjectPublicKey BIT STRING contents: the key itself, whatever the encoding of its parameters. */
function publicKeyBits(spki: Uint8Array): Uint8Array {
  return value(children(readRoot(spki, 'public key info'), 'public key info')[1]);
}

// ---- who signed whom ----

type Signed = 'yes' | 'no' | 'unknown';

/** Whether `issuer`'s key made `cert`'s signature; 'unknown' when Certbench cannot check that algorithm. */
function signedBy(cert: Cert, issuer: Cert): Signed {
  cert.signedBy ??= new Map();
  let known = cert.signedBy.get(issuer);
  if (known === undefined) {
    known = checkSignature(cert, issuer);
    cert.signedBy.set(issuer, known);
  }
  return known;
}

function checkSignature(cert: Cert, issuer: Cert): Signed {
  const scheme = signatureScheme(cert.fields.signatureAlgorithm);
  if (!scheme) return 'unknown';
  try {
    const signature = value(cert.fields.signature).subarray(1);
    return verifySignature(whole(issuer.fields.spki), scheme, whole(cert.fields.tbs), signature) ? 'yes' : 'no';
  } catch {
    return 'unknown';
  }
}

function isSelfSigned(c: Cert): boolean {
  if (c.selfSigned === undefined) {
    const signed = c.subjectKey === c.issuerKey ? signedBy(c, c) : 'no';
    const { aki, ski } = hintsOf(c);
    c.selfSigned = signed === 'yes' || (signed === 'unknown' && (!aki || !ski || aki === ski));
  }
  return c.selfSigned;
}

/** Could `issuer` have issued `cert`, by name and key identifiers alone (no signature check)? */
function mayHaveIssued(issuer: Cert, cert: Cert): boolean {
  if (issuer === cert || issuer.subjectKey !== cert.issuerKey) return false;
  const aki = hintsOf(cert).aki;
  const ski = hintsOf(issuer).ski;
  return !aki || !ski || aki === ski;
}

function issuerOf(cert: Cert, bySubject: Map<string, Cert[]>, taken: Set<Cert>, why: Map<Cert, string>, warnings: string[]): Cert | undefined {
  const named = (bySubject.get(cert.issuerKey) ?? []).filter((c) => c !== cert && !taken.has(c));
  if (named.length === 0) return undefined;
  // The key identifier picks first among same-named CAs (a re-keyed CA); the signature decides.
  // Hostile input may give thousands of certificates one name: check a bounded number of them.
  const ordered = [...named].sort((a, b) => Number(keyIdAgrees(cert, b)) - Number(keyIdAgrees(cert, a))).slice(0, MAX_CANDIDATES);
  const verified: Cert[] = [];
  const unchecked: Cert[] = [];
  for (const candidate of ordered) {
    const signed = signedBy(cert, candidate);
    if (signed === 'yes') verified.push(candidate);
    else if (signed === 'unknown') unchecked.push(candidate);
    else why.set(candidate, `has the name of the issuer of ${nameOf(cert.fields.subject)} (${nameOf(candidate.fields.subject)}) but did not sign it: a different key`);
  }
  if (verified.length === 0 && unchecked.length > 0) {
    const pick = unchecked.find((c) => keyIdAgrees(cert, c)) ?? unchecked[0];
    warnings.push(`The signature of ${nameOf(cert.fields.subject)} uses an algorithm Certbench cannot check; its issuer ${nameOf(pick.fields.subject)} was chosen by name.`);
    return pick;
  }
  if (verified.length === 0) return undefined;
  // Cross-signed: the same CA key under several issuers. Prefer the self-signed one (a clean end), then the
  // one that expires last, then input order.
  verified.sort((a, b) => Number(isSelfSigned(b)) - Number(isSelfSigned(a)) || hintsOf(b).notAfter - hintsOf(a).notAfter);
  const pick = verified[0];
  for (const other of verified.slice(1)) {
    why.set(other, `another certificate for ${nameOf(other.fields.subject)} with the same key, issued by ${nameOf(other.fields.issuer)} (cross-signed); the chain uses the one ${isSelfSigned(pick) ? 'that is self-signed' : `issued by ${nameOf(pick.fields.issuer)}`}`);
  }
  return pick;
}

function keyIdAgrees(cert: Cert, issuer: Cert): boolean {
  const aki = hintsOf(cert).aki;
  return aki !== null && aki === hintsOf(issuer).ski;
}

// ---- which certificate is the leaf ----

function leafForKey(all: Cert[], holders: Cert[], why: Map<Cert, string>, warnings: string[]): Cert | undefined {
  const matches = [...holders];
  if (matches.length === 0) {
    warnings.push('None of the certificates holds the public key of the private key: the chain is empty.');
    for (const c of all) why.set(c, `not part of this chain: it does not hold the private key's public key (issued by ${nameOf(c.fields.issuer)} for ${nameOf(c.fields.subject)})`);
    return undefined;
  }
  if (matches.length === 1) return matches[0];
  // The same key in several certificates (renewals): the one expiring last, then the first given.
  matches.sort((a, b) => hintsOf(b).notAfter - hintsOf(a).notAfter);
  const [leaf, ...others] = matches;
  for (const o of others) why.set(o, `another certificate for the same key (${nameOf(o.fields.subject)}, expiring ${dateOf(o)}); the chain starts with the one expiring ${dateOf(leaf)}`);
  warnings.push(`${count(matches.length, 'certificate')} hold the private key's public key; the chain starts with ${nameOf(leaf.fields.subject)}, which expires last (${dateOf(leaf)}); left out: ${listNames(others)}.`);
  return leaf;
}

function leafByShape(all: Cert[], bySubject: Map<string, Cert[]>, why: Map<Cert, string>, warnings: string[]): Cert | undefined {
  if (all.length === 0) return undefined;
  const issuers = issuerSet(all, bySubject);
  let candidates = all.filter((c) => !issuers.has(c));
  if (candidates.length === 0) candidates = all; // every certificate issued another: a cycle of cross-signs
  const nonCA = candidates.filter((c) => !hintsOf(c).isCA);
  if (nonCA.length > 0) candidates = nonCA;
  const [leaf, ...others] = candidates;
  if (others.length > 0) {
    for (const o of others) why.set(o, `another possible leaf (${nameOf(o.fields.subject)}); the chain starts with the first one given, ${nameOf(leaf.fields.subject)}`);
    warnings.push(`${count(candidates.length, 'certificate')} could each be the leaf; the chain starts with the first, ${nameOf(leaf.fields.subject)}; left out: ${listNames(others)}.`);
  }
  return leaf;
}

/** Certificates that (by name and key identifier) issued another certificate of the set. */
function issuerSet(certs: Cert[], bySubject: Map<string, Cert[]>): Set<Cert> {
  const out = new Set<Cert>();
  // Thousands of leaves share a few issuers: each (issuer name, authority key id) is looked at once.
  const done = new Set<string>();
  for (const c of certs) {
    if (c.subjectKey === c.issuerKey) continue; // self-issued: issues itself, which does not count
    const key = `${hintsOf(c).aki ?? ''}|${c.issuerKey}`;
    if (done.has(key)) continue;
    done.add(key);
    for (const candidate of bySubject.get(c.issuerKey) ?? []) if (mayHaveIssued(candidate, c)) out.add(candidate);
  }
  return out;
}

// ---- words ----

const CN_OID = Uint8Array.of(0x55, 0x04, 0x03);

/** "CN=…" when the name has a common name (the last one), else the whole name as RFC 4514 text. */
function nameOf(name: Tlv): string {
  try {
    // Straight to the CN: reason strings are made for every left-out certificate, thousands at a time.
    let cn: Tlv | undefined;
    for (const rdn of children(name, 'name')) {
      for (const atv of children(rdn, 'name attribute')) {
        const [type, val] = children(atv, 'name attribute');
        if (val && equalBytes(value(type), CN_OID)) cn = val;
      }
    }
    if (cn) return `CN=${stringOf(cn)}`;
    return readName(name).text || 'an empty name';
  } catch {
    return 'an unreadable name';
  }
}

function subjectNameOf(c: Cert): string {
  return (c.subjectName ??= nameOf(c.fields.subject));
}

function issuerNameOf(c: Cert): string {
  return (c.issuerName ??= nameOf(c.fields.issuer));
}

function dateOf(c: Cert): string {
  const notAfter = hintsOf(c).notAfter;
  return notAfter ? new Date(notAfter).toISOString().slice(0, 10) : 'at an unreadable date';
}

function listNames(certs: Cert[]): string {
  const named = certs.slice(0, MAX_NAMED).map(subjectNameOf).join(', ');
  return certs.length > MAX_NAMED ? `${named} and ${countText(certs.length - MAX_NAMED)} more` : named;
}

function count(n: number, word: string): string {
  return `${countText(n)} ${word}${n === 1 ? '' : 's'}`;
}

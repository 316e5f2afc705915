/**
 * What a keystore writer needs from any open objects: every private key becomes a key pair whose chain is
 * ordered by signature from all the certificates given; certificates no key uses become trusted entries;
 * everything a keystore cannot hold is left out with a reason.
 */
import { ChainIndex } from '../chain-order';
import { privateKeyFacts } from '../crypto';
import { derSha256 } from '../der-fingerprint';
import { children, readRoot, value } from '../der/der';
import { isPkiError } from '../errors';
import type { RawCertificate, RawObject, RawPrivateKey } from '../model';
import { certificateFields, equalBytes } from '../x509/certificate';
import { readName } from '../x509/name';
import type { KeyPairEntry, KeystoreModel, TrustedCertEntry } from './keystore-model';

export interface ModelFromObjectsOptions {
  /** Alias for the first entry (the first key, or the first certificate when there is no key) when its container gave none. */
  alias?: string;
  /** Keep a self-signed root at the end of each key's chain (default true: keep what the user has). */
  includeRoot?: boolean;
  /**
   * Also write each CA certificate of a key's chain as a trusted entry under an alias of its own (from its CN),
   * as keytool leaves a keystore after importing a CA reply: the key keeps its alias and its full chain.
   */
  caEntries?: boolean;
}

export interface ModelFromObjects {
  model: KeystoreModel;
  /** Objects not written, by their index in the input, with why. */
  leftOut: { index: number; reason: string }[];
  warnings: string[];
}

export function modelFromObjects(objects: readonly RawObject[], options: ModelFromObjectsOptions = {}): ModelFromObjects {
  const includeRoot = options.includeRoot ?? true;
  const leftOut: ModelFromObjects['leftOut'] = [];
  const warnings: string[] = [];
  const keys: { index: number; key: RawPrivateKey; spki: Uint8Array; spkiBits: Uint8Array }[] = [];
  const certs: CertSlot[] = [];
  const byId = new Map<string, CertSlot>();
  const lostEntries = new LostEntries();

  objects.forEach((object, index) => {
    if (object.kind === 'certificate') {
      const damage = readable(object.der);
      if (damage) {
        leftOut.push({ index, reason: `a certificate Certbench cannot read (${damage})` });
        return;
      }
      const id = fingerprint(object.der);
      const first = byId.get(id);
      if (!first) {
        const slot: CertSlot = { index, cert: object, id, trusted: object.trusted === true };
        byId.set(id, slot);
        certs.push(slot);
        return;
      }
      leftOut.push({ index, reason: `the same certificate as object ${first.index + 1}, written once` });
      // A keystore's trusted entry that is also in a key's chain keeps its trusted alias.
      if (object.trusted && !first.trusted) Object.assign(first, { cert: object, trusted: true });
    } else if (object.kind === 'privateKey') {
      try {
        const spki = privateKeyFacts(object.pkcs8).spki;
        keys.push({ index, key: object, spki, spkiBits: publicKeyBits(spki) });
      } catch (e) {
        leftOut.push({ index, reason: `a private key Certbench cannot use (${isPkiError(e) ? e.message : 'damaged'})` });
        lostEntries.note(object);
      }
    } else {
      leftOut.push({ index, reason: notForKeystore(object) });
      if (object.kind === 'unsupported') lostEntries.note(object);
    }
  });
  const keyAliases = new Set(keys.map((k) => k.key.alias).filter((a) => a !== undefined));

  const index = new ChainIndex(certs.map((c) => c.cert.der));
  const used = new Set<string>();
  /** CA certificates of the keys' chains, written again as trusted entries (caEntries). */
  const chainCas = new Set<string>();
  const aliases = new AliasSet();
  let aliasOption = options.alias;
  const keyEntries: KeyPairEntry[] = [];
  for (const { key, spki } of keys) {
    const order = index.order({ leafSpki: spki, explainLeftOut: false });
    // The chain's own left-out list is about this chain only; other certificates may still be written as trusted.
    warnings.push(...order.warnings.filter((w) => !/not part of this chain|None of the certificates holds/.test(w)));
    let chain = order.chain;
    if (!includeRoot && chain.length > 1 && chain[chain.length - 1].role === 'root') {
      const root = byId.get(fingerprint(chain[chain.length - 1].der))!;
      // A root the container marked trusted stays as a trusted entry; otherwise it is not written at all.
      if (!root.trusted && !used.has(root.id)) leftOut.push({ index: root.index, reason: `the root of a key's chain (${commonName(root.cert.der) ?? 'unnamed'}), left out as asked` });
      used.add(root.id);
      chain = chain.slice(0, -1);
    }
    for (const c of chain) used.add(fingerprint(c.der));
    if (options.caEntries) for (const c of chain.slice(1)) chainCas.add(fingerprint(c.der));
    const leaf = chain.length > 0 ? byId.get(fingerprint(chain[0].der)) : undefined;
    // The container's name for the entry: on the key bag, or (PKCS#12 written by some tools) on its certificate.
    const containerAlias = key.alias ?? (leaf && !leaf.trusted ? leaf.cert.alias : undefined);
    const alias = aliases.take(containerAlias ?? aliasOption ?? (leaf && commonName(leaf.cert.der)?.toLowerCase()) ?? 'key');
    aliasOption = undefined;
    if (chain.length === 0) {
      warnings.push(`The private key "${alias}" has no certificate among these objects: a PKCS#12 file can hold it alone, a JKS or JCEKS keystore cannot.`);
    }
    keyEntries.push({ type: 'privateKey', alias, pkcs8: key.pkcs8, chain: chain.map((c) => c.der) });
  }

  const trustedEntries: TrustedCertEntry[] = [];
  for (const { index, cert, id, trusted } of certs) {
    if (used.has(id) && !trusted && !chainCas.has(id)) continue;
    const ownKey = trusted ? undefined : keys.find((k) => sameKey(cert.der, k.spkiBits));
    if (ownKey) {
      leftOut.push({ index, reason: `another certificate for the private key "${keyEntries[keys.indexOf(ownKey)].alias}", which is written with the certificate that expires last` });
      continue;
    }
    const lostKey = trusted ? undefined : lostEntries.of(cert);
    if (lostKey !== undefined) {
      leftOut.push({ index, reason: `in the chain of the entry "${lostKey}", whose key is left out (it is locked or cannot be used)` });
      continue;
    }
    // A JKS chain certificate carries its key entry's alias: name it by its CN instead.
    const ownAlias = cert.alias !== undefined && (trusted || !keyAliases.has(cert.alias)) ? cert.alias : undefined;
    const alias = aliases.take(ownAlias ?? aliasOption ?? commonName(cert.der)?.toLowerCase() ?? 'certificate');
    aliasOption = undefined;
    trustedEntries.push({ type: 'trustedCert', alias, der: cert.der });
  }
  leftOut.sort((a, b) => a.index - b.index);
  return { model: { entries: [...keyEntries, ...trustedEntries] }, leftOut, warnings };
}

function notForKeystore(object: Exclude<RawObject, RawCertificate | RawPrivateKey>): string {
  switch (object.kind) {
    case 'csr':
      return 'a certificate request: keystores hold keys and certificates, not requests';
    case 'crl':
      return 'a certificate revocation list: keystores do not hold CRLs';
    case 'ocspResponse':
      return 'an OCSP response: keystores do not hold OCSP responses';
    case 'publicKey':
      return 'a public key on its own: keystores hold private keys with their certificates, and certificates';
    case 'secretKey':
      return 'a secret key: only its own JCEKS keystore can carry it (save that keystore as JCEKS to keep it)';
    case 'unsupported':
      return `${object.what}: ${object.message}`;
  }
}

interface CertSlot {
  /** Index of the first copy in the input. */
  index: number;
  cert: RawCertificate;
  id: string;
  /** The container marked some copy as trusted (a JKS trustedCertEntry, a Java trusted bag). */
  trusted: boolean;
}

/**
 * Key entries that cannot be written (locked, unsupported algorithm): their chain certificates, tied to them by
 * alias (JKS) or localKeyId (PKCS#12), are not someone's trusted CA and are left out with them.
 */
class LostEntries {
  private readonly ties = new Map<string, string>();
  note(object: RawObject): void {
    const name = object.alias ?? object.location ?? 'unnamed';
    if (object.alias !== undefined) this.ties.set(`alias:${object.alias}`, name);
    if (object.localKeyId !== undefined) this.ties.set(`id:${object.localKeyId}`, name);
  }
  /** The lost entry this certificate belongs to, if any. */
  of(cert: RawCertificate): string | undefined {
    return (cert.alias !== undefined ? this.ties.get(`alias:${cert.alias}`) : undefined) ?? (cert.localKeyId !== undefined ? this.ties.get(`id:${cert.localKeyId}`) : undefined);
  }
}

/** Aliases are unique ignoring case (Java keystores fold case): "server", "server-2", ... */
class AliasSet {
  private readonly taken = new Set<string>();
  take(wanted: string): string {
    const base = wanted.trim() || 'entry';
    let alias = base;
    for (let n = 2; this.taken.has(alias.toLowerCase()); n++) alias = `${base}-${n}`;
    this.taken.add(alias.toLowerCase());
    return alias;
  }
}

/** Why a certificate cannot be read, or undefined when it can. */
function readable(der: Uint8Array): string | undefined {
  try {
    certificateFields(der);
    return undefined;
  } catch (e) {
    return isPkiError(e) ? e.message : 'damaged';
  }
}

const fingerprint = derSha256;

function publicKeyBits(spki: Uint8Array): Uint8Array {
  return value(children(readRoot(spki, 'public key info'), 'public key info')[1]);
}

function sameKey(certDer: Uint8Array, spkiBits: Uint8Array): boolean {
  try {
    return equalBytes(value(children(certificateFields(certDer).spki, 'public key info')[1]), spkiBits);
  } catch {
    return false;
  }
}

/** The certificate's (last) common name, or undefined. */
function commonName(der: Uint8Array): string | undefined {
  try {
    return readName(certificateFields(der).subject).parts.filter((p) => p.oid === '2.5.4.3').pop()?.value;
  } catch {
    return undefined;
  }
}

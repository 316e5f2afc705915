/**
 * What goes into a PKCS#12 file for a keystore model, checked before anything is encrypted: one shrouded key
 * bag per key pair, one certificate bag per distinct certificate (chains in the order given), and the
 * attributes that tie them together (friendlyName = alias, localKeyId = SHA-1 of the leaf, as OpenSSL
 * writes). Bad input becomes a PkiError naming the entry.
 */
import { digest } from '../crypto';
import { PkiError } from '../errors';
import { fromPkcs8 } from '../keys/private-key';
import type { RawPrivateKey, RawUnsupported } from '../model';
import { looksLikePkcs8 } from '../pbe/index';
import { certificateFields } from '../x509/certificate';
import { keyMatchesCertificate } from '../keys/key-matches';
import type { KeystoreModel, KeyPairEntry } from './keystore-model';

export interface PlannedKey {
  alias: string;
  pkcs8: Uint8Array;
  /** SHA-1 of the leaf certificate; absent for a key written without a certificate. */
  localKeyId?: Uint8Array;
}

export interface PlannedCert {
  der: Uint8Array;
  /** friendlyName: the key's alias on a leaf, the entry's alias on a trusted certificate. */
  alias?: string;
  localKeyId?: Uint8Array;
  /** A trusted-certificate entry (the java profile marks it with Oracle's trustedKeyUsage). */
  trusted: boolean;
}

export interface Pkcs12Plan {
  keys: PlannedKey[];
  certs: PlannedCert[];
  /** Aliases of JCEKS secret keys left out: PKCS#12 has no place for a sealed Java object. */
  skipped: string[];
}

/** PKCS#9 ub-friendlyName: the friendlyName BMPString holds at most 255 characters. */
export const MAX_ALIAS_LENGTH = 255;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function invalid(message: string, hint: string): PkiError {
  return new PkiError('INVALID_ARGUMENT', message, hint);
}

export function planPkcs12(model: KeystoreModel): Pkcs12Plan {
  if (!model || !Array.isArray(model.entries)) throw invalid('There is nothing to write: the keystore has no entries.', 'Add a key pair or a certificate first.');
  checkAliases(model);
  const plan: Pkcs12Plan = { keys: [], certs: [], skipped: [] };
  const certIndex = new Map<string, PlannedCert>();
  const leaves = new Set<string>();
  for (const entry of model.entries) {
    if (entry.type === 'secretKey') {
      plan.skipped.push(entry.alias);
    } else if (entry.type === 'privateKey') {
      const key = planKey(entry, leaves);
      plan.keys.push(key);
      entry.chain.forEach((der, i) => {
        const id = hex(der);
        if (i === 0) {
          const leaf: PlannedCert = { der, trusted: false, ...(entry.alias && { alias: entry.alias }), ...(key.localKeyId && { localKeyId: key.localKeyId }) };
          // A leaf keeps its own bag: its friendlyName and localKeyId belong to the key.
          plan.certs.push(leaf);
          certIndex.set(id, leaf);
        } else if (!certIndex.has(id)) {
          const cert: PlannedCert = { der, trusted: false };
          plan.certs.push(cert);
          certIndex.set(id, cert);
        }
      });
    } else if (entry.type === 'trustedCert') {
      checkCertificate(entry.der, `The trusted certificate '${entry.alias}'`);
      const id = hex(entry.der);
      const existing = certIndex.get(id);
      if (existing && !existing.alias && !existing.trusted) {
        // Already written as an issuer in a chain: that one bag also becomes the trusted entry.
        existing.alias = entry.alias || undefined;
        existing.trusted = true;
      } else {
        const cert: PlannedCert = { der: entry.der, trusted: true, ...(entry.alias && { alias: entry.alias }) };
        plan.certs.push(cert);
        if (!existing) certIndex.set(id, cert);
      }
    } else {
      throw invalid(`The keystore holds an entry of an unknown type (${String((entry as { type?: unknown }).type)}).`, 'Only key pairs and trusted certificates can be written to a PFX.');
    }
  }
  if (plan.keys.length === 0 && plan.certs.length === 0) {
    throw invalid(
      plan.skipped.length > 0 ? 'There is nothing a PFX can hold: the keystore has only secret keys.' : 'There is nothing to write: the keystore has no entries.',
      plan.skipped.length > 0 ? 'Secret keys can only be kept in a JCEKS keystore.' : 'Add a key pair or a certificate first.',
    );
  }
  return plan;
}

function checkAliases(model: KeystoreModel): void {
  const seen = new Map<string, string>();
  for (const entry of model.entries) {
    const alias: unknown = entry?.alias;
    if (typeof alias !== 'string') throw invalid('An entry has no alias.', 'Give every entry a name (alias).');
    if (alias.length > MAX_ALIAS_LENGTH) {
      throw invalid(`The alias '${alias.slice(0, 40)}…' is ${alias.length} characters long; a PFX friendly name holds at most ${MAX_ALIAS_LENGTH}.`, 'Choose a shorter alias.');
    }
    if (alias === '' || entry.type === 'secretKey') continue;
    // Java's KeyStore compares aliases case-insensitively: two entries that differ only in case would become one.
    const folded = alias.toLowerCase();
    const other = seen.get(folded);
    if (other !== undefined) {
      throw invalid(`Two entries are named '${other}'${other === alias ? '' : ` and '${alias}'`}: Java would see only one of them.`, 'Give each entry its own alias (aliases are not case-sensitive in Java).');
    }
    seen.set(folded, alias);
  }
}

function planKey(entry: KeyPairEntry, leaves: Set<string>): PlannedKey {
  const name = entry.alias ? `The private key '${entry.alias}'` : 'A private key';
  if (!(entry.pkcs8 instanceof Uint8Array) || !looksLikePkcs8(entry.pkcs8)) {
    throw invalid(`${name} is not a PKCS#8 private key.`, 'Open the key file again; if it is encrypted, enter its password first.');
  }
  if (!Array.isArray(entry.chain)) throw invalid(`${name} has no certificate list.`, 'Give the key its certificate chain (or an empty one).');
  entry.chain.forEach((der, i) => checkCertificate(der, `Certificate ${i + 1} of the chain of '${entry.alias}'`));
  const pkcs8 = usableKey(entry.pkcs8, name);
  const leaf = entry.chain[0];
  if (!leaf) return { alias: entry.alias, pkcs8 };
  checkKeyMatchesLeaf(pkcs8, entry, name);
  const leafId = hex(leaf);
  if (leaves.has(leafId)) throw invalid(`Two key entries have the same certificate ('${entry.alias}' is the second).`, 'Write each key pair once.');
  leaves.add(leafId);
  return { alias: entry.alias, pkcs8, localKeyId: digest('sha1', leaf) };
}

/**
 * The reader's own checks (RSA, EC on a named curve, Ed25519, confirmed by the crypto library): a key that
 * would not open in Certbench is not written for others to trip on. Returns the PKCS#8 to write (v0 form).
 */
function usableKey(pkcs8: Uint8Array, name: string): Uint8Array {
  let key: RawPrivateKey | RawUnsupported;
  try {
    key = fromPkcs8(pkcs8, 'the key', { encrypted: false, encoding: 'pkcs8' });
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).replace(/^The file is damaged: /, '');
    throw new PkiError('CORRUPT', `${name} cannot be used: ${detail}`, 'Open the key file again; it may be damaged.');
  }
  if (key.kind !== 'privateKey') throw new PkiError('UNSUPPORTED_ALGORITHM', `${name} cannot be written: ${key.message}`, key.hint);
  return key.pkcs8;
}

function checkCertificate(der: unknown, what: string): void {
  if (!(der instanceof Uint8Array) || der.length === 0) throw invalid(`${what} is empty.`, 'Open the certificate file again.');
  try {
    certificateFields(der); // its structure; its contents are written as they are
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw invalid(`${what} is not a valid X.509 certificate (${detail.replace(/\.$/, '')}).`, 'Open the certificate file again; it may be damaged.');
  }
}

/** A PFX whose key does not belong to its certificate is refused by Windows, Java and browsers: say so now. */
function checkKeyMatchesLeaf(pkcs8: Uint8Array, entry: KeyPairEntry, name: string): void {
  if (!keyMatchesCertificate(pkcs8, entry.chain[0])) {
    throw new PkiError(
      'NO_MATCHING_KEY',
      `${name} does not belong to its certificate (${entry.alias ? `the first certificate of '${entry.alias}'` : 'the first certificate'} has another public key).`,
      'Choose the certificate that was issued for this key (the leaf comes first in the chain).',
    );
  }
}

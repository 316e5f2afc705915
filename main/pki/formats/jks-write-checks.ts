/**
 * What a KeystoreModel must satisfy before it is written as JKS or JCEKS, checked up front so nothing is
 * half-written: aliases as Java stores them (lower-cased, so two that differ only in case collide), no secret
 * keys in JKS, a certificate for every key (Java needs one) that belongs to the key, passwords JCEKS can use,
 * and sealed secret keys that are exactly one serialized SealedObject.
 */
import { privateKeyFacts, publicKeyFacts, timingSafeEqual } from '../crypto';
import { Tag, children, oidOf, readRoot, value, whole } from '../der/der';
import { tlv } from '../der/write';
import { PkiError } from '../errors';
import { isPkcs8PrivateKeyInfo } from '../keys';
import { parseCertificate } from '../x509/certificate';
import type { KeystoreModel, KeystoreModelEntry } from './keystore-model';
import { isJceksPassword } from './jceks-keyprotector';
import { readSealedSecretKey } from './jceks-sealed';
import { JavaDataInput } from './java-data-input';

const invalid = (message: string, hint: string) => new PkiError('INVALID_ARGUMENT', message, hint);

/** Java's JKS and JCEKS lower-case every alias (toLowerCase(Locale.ENGLISH)). */
export const javaAlias = (alias: string) => alias.toLowerCase();

/** The entries with their aliases as Java will store them; throws the first problem found. */
export function checkedEntries(model: KeystoreModel, kind: 'jks' | 'jceks', storePassword: string): KeystoreModelEntry[] {
  const seen = new Map<string, string>();
  return model.entries.map((entry) => {
    const alias = javaAlias(entry.alias);
    if (alias === '') throw invalid('An entry has no alias: Java keystores find every entry by its alias.', 'Give the entry an alias.');
    const before = seen.get(alias);
    if (before !== undefined) {
      throw invalid(
        `The aliases '${before}' and '${entry.alias}' are the same in a ${kind.toUpperCase()} keystore, which lower-cases aliases.`,
        'Rename one of the two entries.',
      );
    }
    seen.set(alias, entry.alias);
    if (entry.created && Number.isNaN(entry.created.getTime())) {
      throw invalid(`The entry '${entry.alias}' has an invalid creation date.`, 'Leave the date out to record the moment of saving.');
    }
    if (entry.type === 'privateKey') checkKeyPair(entry, kind, storePassword);
    if (entry.type === 'trustedCert') certificateSpki(entry.der, `The certificate of the entry '${entry.alias}'`);
    if (entry.type === 'secretKey') checkSecretKey(entry, kind);
    return { ...entry, alias };
  });
}

function checkKeyPair(entry: Extract<KeystoreModelEntry, { type: 'privateKey' }>, kind: 'jks' | 'jceks', storePassword: string): void {
  const name = `the key entry '${entry.alias}'`;
  if (entry.chain.length === 0) {
    throw invalid(
      `Java keystores need a certificate with every private key, and ${name} has none.`,
      "Add the key's certificate (or import its CA reply) first, or save as PKCS#12, which can hold a key alone.",
    );
  }
  if (!isPkcs8PrivateKeyInfo(entry.pkcs8)) throw invalid(`The private key of ${name} is not a PKCS#8 PrivateKeyInfo.`, 'Open the key again from its source.');
  const leafSpki = entry.chain.map((der, i) => certificateSpki(der, `Certificate ${i + 1} of ${name}`))[0];
  if (kind === 'jceks' && !isJceksPassword(entry.keyPassword ?? storePassword)) {
    throw invalid(
      `The password for ${name} has characters JCEKS cannot use: Java accepts only printable ASCII for JCEKS keys.`,
      'Choose a password of plain letters, digits and punctuation, or save as JKS or PKCS#12.',
    );
  }
  if (keyMatchesSpki(entry.pkcs8, leafSpki) === false) {
    throw new PkiError(
      'NO_MATCHING_KEY',
      `The private key of ${name} does not belong to its first certificate.`,
      "Put the key's own certificate first in the chain (leaf first), or pair the key with the right certificate.",
    );
  }
}

/**
 * True or false when both keys can be compared; undefined for key types Node cannot load (Java may still load
 * them). The public half stored in the key (RSA n and e, the EC point) is compared first: equal means the same
 * key at a fraction of the cost of loading it into OpenSSL (500-entry keystores); anything else is decided
 * by OpenSSL deriving the public key.
 */
function keyMatchesSpki(pkcs8: Uint8Array, spki: Uint8Array): boolean | undefined {
  if (storedPublicKeyMatches(pkcs8, spki)) return true;
  try {
    return timingSafeEqual(privateKeyFacts(pkcs8).spki, publicKeyFacts(spki).spki);
  } catch (e) {
    if (e instanceof PkiError && e.code === 'UNSUPPORTED_ALGORITHM') return undefined;
    throw invalid(`A private key cannot be used (${e instanceof Error ? e.message : String(e)})`, 'Open the key again from its source.');
  }
}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** Whether the public key written inside a PKCS#8 RSA or EC key is byte for byte the certificate's; false when unsure. */
function storedPublicKeyMatches(pkcs8: Uint8Array, spki: Uint8Array): boolean {
  try {
    const [, keyAlgorithm, privateKey] = children(readRoot(pkcs8));
    const [certAlgorithm, bits] = children(readRoot(spki));
    const oid = oidOf(children(keyAlgorithm)[0]);
    if (oid !== oidOf(children(certAlgorithm)[0]) || bits.tag !== Tag.BitString) return false;
    const certKey = value(bits).subarray(1);
    const inner = children(readRoot(value(privateKey)));
    if (oid === RSA_ENCRYPTION) return timingSafeEqual(tlv(0x30, [whole(inner[1]), whole(inner[2])]), certKey);
    if (oid !== EC_PUBLIC_KEY || !timingSafeEqual(whole(keyAlgorithm), whole(certAlgorithm))) return false;
    const stored = inner.find((t) => t.tag === 0xa1);
    const point = stored && children(stored)[0];
    return !!point && point.tag === Tag.BitString && timingSafeEqual(value(point).subarray(1), certKey);
  } catch {
    return false;
  }
}

/** The certificate's SubjectPublicKeyInfo DER; INVALID_ARGUMENT when it is not a certificate. */
function certificateSpki(der: Uint8Array, what: string): Uint8Array {
  try {
    return parseCertificate(der).spkiDer;
  } catch (e) {
    throw invalid(`${what} is not a readable X.509 certificate (${e instanceof Error ? e.message : String(e)})`, 'Open the certificate again from its source.');
  }
}

function checkSecretKey(entry: Extract<KeystoreModelEntry, { type: 'secretKey' }>, kind: 'jks' | 'jceks'): void {
  if (kind === 'jks') {
    throw invalid(`JKS cannot hold secret keys, and the entry '${entry.alias}' is one.`, 'Save as JCEKS, or delete the secret key entry first.');
  }
  const input = new JavaDataInput(entry.sealed, `the sealed secret key '${entry.alias}'`);
  try {
    readSealedSecretKey(input, `the sealed secret key '${entry.alias}'`);
    if (input.remaining !== 0) input.fail('bytes follow the sealed object');
  } catch (e) {
    if (e instanceof PkiError) throw invalid(`The secret key '${entry.alias}' cannot be written back: ${e.message}`, 'Open the keystore it came from again.');
    throw e;
  }
}

/**
 * What a KeystoreModel must satisfy before it is written as JKS or JCEKS, checked up front so nothing is
 * half-written: aliases as Java stores them (lower-cased, so two that differ only in case collide), no secret
 * keys in JKS, a certificate for every key (Java needs one) that belongs to the key, passwords JCEKS can use,
 * and sealed secret keys that are exactly one serialized SealedObject.
 */
import { PkiError } from '../errors';
import { isPkcs8PrivateKeyInfo } from '../keys';
import { keyMatchesCertificate } from '../keys/key-matches';
import { certificateFields } from '../x509/certificate';
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
    if (entry.type === 'trustedCert') readableCertificate(entry.der, `The certificate of the entry '${entry.alias}'`);
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
  entry.chain.forEach((der, i) => readableCertificate(der, `Certificate ${i + 1} of ${name}`));
  if (kind === 'jceks' && !isJceksPassword(entry.keyPassword ?? storePassword)) {
    throw invalid(
      `The password for ${name} has characters JCEKS cannot use: Java accepts only printable ASCII for JCEKS keys.`,
      'Choose a password of plain letters, digits and punctuation, or save as JKS or PKCS#12.',
    );
  }
  if (keyMatchesLeaf(entry.pkcs8, entry.chain[0]) === false) {
    throw new PkiError(
      'NO_MATCHING_KEY',
      `The private key of ${name} does not belong to its first certificate.`,
      "Put the key's own certificate first in the chain (leaf first), or pair the key with the right certificate.",
    );
  }
}

/** True or false when the key can be loaded; undefined for key types Node cannot load (Java may still load them). */
function keyMatchesLeaf(pkcs8: Uint8Array, leaf: Uint8Array): boolean | undefined {
  try {
    return keyMatchesCertificate(pkcs8, leaf);
  } catch (e) {
    if (e instanceof PkiError && e.code === 'UNSUPPORTED_ALGORITHM') return undefined;
    throw invalid(`A private key cannot be used (${e instanceof Error ? e.message : String(e)})`, 'Open the key again from its source.');
  }
}

/** INVALID_ARGUMENT unless the bytes are an X.509 certificate (its structure; its contents are written as they are). */
function readableCertificate(der: Uint8Array, what: string): void {
  try {
    certificateFields(der);
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

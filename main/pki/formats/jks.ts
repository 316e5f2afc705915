/**
 * Java keystores (JKS and JCEKS): certificates, private keys with their chains, JCEKS secret keys.
 * Without a password the certificates are listed and keys shown as locked; with one, the integrity digest
 * (SHA-1 over UTF-16BE(password) || "Mighty Aphrodite" || body) is verified and keys are decrypted.
 * Only PkiError escapes.
 */
import { digestParts, timingSafeEqual } from '../crypto';
import { PkiError, corrupt } from '../errors';
import { isPkcs8PrivateKeyInfo, privateKeyFromPkcs8 } from '../keys';
import type { RawObject, RawUnsupported, ReadOptions, ReadResult, Reader } from '../model';
import { JCEKS_KEY_PROTECTION_LABEL, jceksDecrypt } from './jceks-keyprotector';
import { unsealSecretKey } from './jceks-sealed';
import { utf16be } from './java-data-input';
import { JKS_KEY_PROTECTION_LABEL, jksUnprotectKey } from './jks-keyprotector';
import { type KeystoreEntry, type KeystoreStructure, type ProtectedKey, parseKeystore } from './jks-structure';

const WHITENER = new TextEncoder().encode('Mighty Aphrodite');

export const readJavaKeystore: Reader = async (bytes, options) => {
  try {
    const store = parseKeystore(bytes);
    const password = options.password;
    if (password === undefined) return await listWithoutPassword(store);
    await checkIntegrity(store, password, options.onProgress);
    const objects: RawObject[] = [];
    for (let i = 0; i < store.entries.length; i++) {
      const entry = store.entries[i];
      // Sun's JCEKS PBE is slow (hundreds of thousands of MD5 rounds per key): tell the user something happens.
      if (entry.type !== 'trustedCert') options.onProgress?.(i / store.entries.length, 'Decrypting the keystore entries');
      for (const object of await entryObjects(entry, password)) objects.push(object);
    }
    options.onProgress?.(1, 'Decrypting the keystore entries');
    return { format: store.kind, encrypted: hasSecrets(store), integrity: 'verified', objects, notes: [] };
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw corrupt(`the keystore could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
};

const hasSecrets = (store: KeystoreStructure) => store.entries.some((e) => e.type !== 'trustedCert');

async function listWithoutPassword(store: KeystoreStructure): Promise<ReadResult> {
  const objects = (await Promise.all(store.entries.map((entry) => entryObjects(entry, undefined)))).flat();
  return {
    format: store.kind,
    encrypted: hasSecrets(store),
    integrity: 'not-checked',
    objects,
    notes: ['The keystore integrity was not checked because no password was given.'],
  };
}

/**
 * Telling "altered" from "wrong password" costs a key derivation. Above Java's default (200,000 rounds) the
 * file's own count could make that minutes of work for a file that is broken anyway: say "wrong password
 * (or altered)" instead.
 */
const MAX_ROUNDS_TO_TELL_ALTERED = 200_000;

/** WRONG_PASSWORD or INTEGRITY_FAILED unless the digest proves the password and the contents. */
export async function checkIntegrity(store: KeystoreStructure, password: string, onProgress: ReadOptions['onProgress']): Promise<void> {
  const expected = digestParts('sha1', [utf16be(password), WHITENER, store.body]);
  if (timingSafeEqual(expected, store.digest)) return;
  // A wrong password and an altered file look the same, unless the password opens a key: then it was right.
  const keyEntry = store.entries.find((e) => e.type === 'privateKey');
  const affordable = keyEntry && (keyEntry.key.scheme === 'jks' || keyEntry.key.iterations <= MAX_ROUNDS_TO_TELL_ALTERED);
  if (affordable) onProgress?.(0, 'Checking whether the password is right');
  if (keyEntry && affordable && (await unprotect(keyEntry.key, password))) {
    throw new PkiError(
      'INTEGRITY_FAILED',
      `The ${store.kind.toUpperCase()} keystore was altered: its integrity check fails although the password is right.`,
      'Do not trust its contents; get a fresh copy from its source.',
    );
  }
  throw new PkiError(
    'WRONG_PASSWORD',
    `The password is not correct for this ${store.kind.toUpperCase()} keystore (or the file was altered).`,
    'Check the keystore password (it is case-sensitive). To see the certificates only, open it without a password.',
  );
}

/** The PKCS#8 key, or undefined when the password does not open it. */
export async function unprotect(key: ProtectedKey, password: string): Promise<Uint8Array | undefined> {
  if (key.scheme === 'jks') return jksUnprotectKey(key.data, password);
  const plain = await jceksDecrypt(key.data, password, key.salt, key.iterations);
  return plain && isPkcs8PrivateKeyInfo(plain) ? plain : undefined;
}

async function entryObjects(entry: KeystoreEntry, password: string | undefined): Promise<RawObject[]> {
  const alias = entry.alias;
  const location = `entry '${alias}'`;
  switch (entry.type) {
    case 'trustedCert':
      return [{ kind: 'certificate', der: entry.der, alias, trusted: true, location }];
    case 'secretKey':
      return [await secretKey(entry, password)];
    case 'privateKey':
      return [
        await privateKey(entry.key, password, alias),
        ...entry.chain.map((der, i): RawObject => ({ kind: 'certificate', der, alias, location: `${location}, chain cert ${i + 1}` })),
      ];
  }
}

function locked(alias: string, what: string, code: RawUnsupported['code'], message: string, hint: string): RawUnsupported {
  return { kind: 'unsupported', what, code, message, hint, alias, location: `entry '${alias}'` };
}

const ownPassword = (alias: string, what: string) =>
  locked(
    alias,
    `${what} (its own password differs from the keystore password)`,
    'WRONG_PASSWORD',
    `The ${what.toLowerCase()} '${alias}' is protected by a password different from the keystore password.`,
    'Certbench opens entries protected by the keystore password; change the entry password with keytool -keypasswd.',
  );

async function privateKey(key: ProtectedKey, password: string | undefined, alias: string): Promise<RawObject> {
  if (password === undefined) {
    return locked(alias, 'Private key (locked)', 'PASSWORD_REQUIRED', `The private key '${alias}' needs the keystore password.`, 'Open the keystore with its password to use the key.');
  }
  const pkcs8 = await unprotect(key, password);
  if (!pkcs8) return ownPassword(alias, 'Private key');
  const where = `entry '${alias}'`;
  const protection = key.scheme === 'jks' ? JKS_KEY_PROTECTION_LABEL : JCEKS_KEY_PROTECTION_LABEL;
  try {
    const object = privateKeyFromPkcs8(pkcs8, where, { encrypted: true, encoding: key.scheme, protection });
    // Made for this entry, so named in place (a spread copy of every key showed in the profile of a 500-key store).
    object.alias = alias;
    object.location = where;
    return object;
  } catch (e) {
    // One damaged key should not hide the rest of the keystore.
    if (e instanceof PkiError && (e.code === 'CORRUPT' || e.code === 'UNSUPPORTED_ALGORITHM')) {
      return locked(alias, 'Private key (unreadable)', e.code, e.message, e.hint);
    }
    throw e;
  }
}

async function secretKey(entry: Extract<KeystoreEntry, { type: 'secretKey' }>, password: string | undefined): Promise<RawObject> {
  const alias = entry.alias;
  if (password === undefined) {
    return locked(alias, 'Secret key (locked)', 'PASSWORD_REQUIRED', `The secret key '${alias}' needs the keystore password.`, 'Open the keystore with its password to see the key algorithm and size.');
  }
  const result = await unsealSecretKey(entry.sealed, password, `entry '${alias}'`);
  if (!result.ok) return ownPassword(alias, 'Secret key');
  return { kind: 'secretKey', algorithm: result.algorithm, sizeBits: result.sizeBits, alias, location: `entry '${alias}'` };
}

/**
 * A JKS or JCEKS keystore as an editable KeystoreModel (the keystore editor's document): integrity checked
 * with the store password, each private key opened with its own password when given, else the store
 * password. Keys neither password opens are listed in `locked` with their chains; JCEKS secret keys stay
 * sealed, kept as the serialized bytes read, to be written back verbatim. Built on the reader's parser.
 */
import { PkiError, cancelled, corrupt } from '../errors';
import { checkIntegrity, unprotect } from './jks';
import { type KeystoreEntry, type KeystoreKind, parseKeystore } from './jks-structure';
import type { KeystoreModel, KeystoreModelEntry, WriteProgress } from './keystore-model';

export interface LockedKeyEntry {
  alias: string;
  chain: Uint8Array[];
  created: Date;
}

export interface JavaKeystoreModel {
  kind: KeystoreKind;
  model: KeystoreModel;
  /** Key pairs whose key password is neither the one given for the alias nor the store password. */
  locked: LockedKeyEntry[];
}

export interface ReadJavaKeystoreModelOptions {
  storePassword: string;
  /** Per alias (as stored, lower case): the key password when it differs from the store password. */
  keyPasswords?: Record<string, string>;
  onProgress?: WriteProgress['onProgress'];
  /** Stops between keys (JCEKS keys take ~0.2 s each at Java's default rounds): PkiError CANCELLED. */
  signal?: AbortSignal;
}

const PHASE = 'Decrypting the keystore entries';

export async function readJavaKeystoreModel(bytes: Uint8Array, options: ReadJavaKeystoreModelOptions): Promise<JavaKeystoreModel> {
  try {
    return await readModel(bytes, options);
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw corrupt(`the keystore could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function readModel(bytes: Uint8Array, { storePassword, keyPasswords = {}, onProgress, signal }: ReadJavaKeystoreModelOptions): Promise<JavaKeystoreModel> {
  const store = parseKeystore(bytes);
  await checkIntegrity(store, storePassword, onProgress);
  const entries: KeystoreModelEntry[] = [];
  const locked: LockedKeyEntry[] = [];
  const keyCount = store.entries.filter((e) => e.type === 'privateKey').length;
  let keysDone = 0;
  for (const entry of store.entries) {
    if (entry.type !== 'privateKey') {
      entries.push(modelEntry(entry));
      continue;
    }
    onProgress?.(keysDone++ / keyCount, PHASE);
    if (signal?.aborted) throw cancelled();
    const chain = entry.chain.map((der) => der.slice());
    const password = Object.hasOwn(keyPasswords, entry.alias) ? keyPasswords[entry.alias] : storePassword;
    const decrypted = await unprotect(entry.key, password);
    if (!decrypted) {
      locked.push({ alias: entry.alias, chain, created: entry.created });
      continue;
    }
    entries.push({
      type: 'privateKey',
      alias: entry.alias,
      pkcs8: new Uint8Array(decrypted),
      chain,
      ...(password !== storePassword ? { keyPassword: password } : {}),
      ...created(entry.created),
    });
  }
  if (keyCount > 0) onProgress?.(1, PHASE);
  return { kind: store.kind, model: { entries }, locked };
}

function modelEntry(entry: Exclude<KeystoreEntry, { type: 'privateKey' }>): KeystoreModelEntry {
  if (entry.type === 'trustedCert') return { type: 'trustedCert', alias: entry.alias, der: entry.der.slice(), ...created(entry.created) };
  return { type: 'secretKey', alias: entry.alias, sealed: entry.serialized.slice(), ...created(entry.created) };
}

/** A timestamp Date cannot represent (a damaged entry) is left out: the next save records its own moment. */
const created = (date: Date) => (Number.isNaN(date.getTime()) ? {} : { created: date });

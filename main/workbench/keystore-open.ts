/**
 * An open document read as an editable keystore: JKS/JCEKS through the Java keystore model reader (keys
 * with their own password listed as locked), PKCS#12 and any other document (PEM set, P7B, DER, key files)
 * grouped into key pairs and trusted certificates.
 */
import type { KeystoreKind } from '../api/dto';
import { PkiError } from '../pki/errors';
import { readJavaKeystoreModel } from '../pki/formats/jks-model';
import { parseKeystore } from '../pki/formats/jks-structure';
import { modelFromObjects } from '../pki/formats/keystore-from-objects';
import type { KeyPairEntry } from '../pki/formats/keystore-model';
import type { RawObject } from '../pki/model';
import { readBytes } from '../pki/read';
import type { EditorEntry, KeystoreDocument, KeystoreDocumentInit } from './keystore-document';
import type { Progress } from './operation-progress';
import type { Session } from './session';

export type OpenedKeystore = Omit<KeystoreDocumentInit, 'id'> & { dirty: boolean };

export async function openKeystore(session: Session, documentId: string, password: string | undefined, progress?: Progress): Promise<OpenedKeystore> {
  const file = session.documentFile(documentId);
  // A file that could not be read at all (missing, too large, not a format Certbench knows): its own error.
  if (file.error && file.format === null) throw new PkiError(file.error.code, file.error.message, file.error.hint);
  if (file.format === 'jks' || file.format === 'jceks') return openJava(file, password, progress);
  let objects: RawObject[];
  let format = file.format;
  if (password !== undefined || format === null) {
    // A password given here, or a file the session could not read yet (a locked PFX): read it again.
    const result = await readBytes(file.bytes, { password, ...progress });
    if (result.format === 'jks' || result.format === 'jceks') return openJava(file, password, progress);
    ({ objects, format } = result);
  } else objects = decodedObjects(session, documentId, file.name);
  const isPkcs12 = format === 'pkcs12';
  const kind: KeystoreKind = isPkcs12 ? 'pkcs12' : 'jks';
  const grouped = modelFromObjects(objects);
  const notes = [
    ...grouped.warnings,
    ...grouped.leftOut.map(({ index, reason }) => `Left out ${objects[index]?.location ?? `object ${index + 1}`}: ${reason}`),
  ];
  return {
    name: file.name,
    // A PEM set or a P7B is not a keystore file: saving it asks for a new name.
    path: isPkcs12 ? file.path : null,
    kind,
    entries: grouped.model.entries,
    storePassword: isPkcs12 ? password : undefined,
    notes,
    dirty: !isPkcs12,
  };
}

async function openJava(file: ReturnType<Session['documentFile']>, password: string | undefined, progress?: Progress): Promise<OpenedKeystore> {
  if (password === undefined) {
    throw new PkiError('PASSWORD_REQUIRED', `Enter the password of ${file.name} to edit it.`, 'The keystore password checks its integrity and opens its keys; it is needed again to save.');
  }
  const read = await readJavaKeystoreModel(file.bytes, { storePassword: password, onProgress: progress?.onProgress, signal: progress?.signal });
  const locked: EditorEntry[] = read.locked.map((l) => ({ type: 'locked', alias: l.alias, sourceAlias: l.alias, chain: l.chain, created: l.created }));
  return {
    name: file.name,
    path: file.path,
    kind: read.kind,
    entries: inFileOrder([...read.model.entries, ...locked], file.bytes),
    storePassword: password,
    source: { kind: read.kind, bytes: file.bytes },
    notes: [],
    dirty: false,
  };
}

/** The objects the session already decoded; PASSWORD_REQUIRED when some are still locked. */
function decodedObjects(session: Session, documentId: string, name: string): RawObject[] {
  const objects = session.collect({ documentIds: [documentId] }).map((o) => o.raw);
  if (objects.some((o) => o.kind === 'unsupported' && (o.code === 'PASSWORD_REQUIRED' || o.code === 'WRONG_PASSWORD'))) {
    throw new PkiError('PASSWORD_REQUIRED', `Parts of ${name} are locked: enter its password to open it as a keystore.`, 'The password that protects its private keys.');
  }
  return objects;
}

/** Entries in the order the file lists them (the model reader returns locked keys apart). */
function inFileOrder(entries: EditorEntry[], bytes: Uint8Array): EditorEntry[] {
  const rank = new Map(parseKeystore(bytes).entries.map((e, i) => [e.alias.toLowerCase(), i]));
  const at = (e: EditorEntry) => rank.get(e.alias.toLowerCase()) ?? rank.size;
  return entries.map((e, i) => ({ e, i })).sort((a, b) => at(a.e) - at(b.e) || a.i - b.i).map(({ e }) => e);
}

/**
 * Decrypts a key entry protected by its own password (read again from the file it came from) and puts it
 * where the locked entry was, keeping the password for saving. WRONG_PASSWORD when it does not open it.
 */
export async function unlockEntry(doc: KeystoreDocument, alias: string, keyPassword: string, progress?: Progress): Promise<void> {
  const entry = doc.get(alias);
  if (entry.type !== 'locked') return;
  if (!doc.source || doc.storePassword === null) throw new PkiError('INTERNAL', `The file behind key '${entry.alias}' is no longer known.`, 'Open the keystore again.');
  const read = await readJavaKeystoreModel(doc.source.bytes, { storePassword: doc.storePassword, keyPasswords: { [entry.sourceAlias]: keyPassword }, onProgress: progress?.onProgress, signal: progress?.signal });
  const key = read.model.entries.find((e): e is KeyPairEntry => e.type === 'privateKey' && e.alias.toLowerCase() === entry.sourceAlias.toLowerCase());
  if (!key) throw new PkiError('WRONG_PASSWORD', `The password does not open key '${entry.alias}'.`, 'Enter the password that protects this key (keytool -keypass); it is case-sensitive.');
  const dirty = doc.dirty;
  doc.replace(entry.alias, { ...key, alias: entry.alias, keyPassword });
  // Entering a password changes nothing in the file.
  doc.dirty = dirty;
}

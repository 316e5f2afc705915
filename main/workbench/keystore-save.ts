/**
 * Saving a keystore: JKS or JCEKS through the Java keystore writer, PKCS#12 through the PFX writer with the
 * 'java' profile (so Java's KeyStore sees the trusted entries), into a chosen folder, all or nothing.
 * What a format cannot hold is refused before anything is written, never dropped silently.
 */
import type { KeystoreKind, WrittenFileDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { resealSecretKey } from '../pki/formats/jceks-reseal';
import { writeJavaKeystore } from '../pki/formats/jks-write';
import type { KeystoreModel } from '../pki/formats/keystore-model';
import { writePkcs12 } from '../pki/formats/pkcs12-write';
import type { KeystoreDocument } from './keystore-document';
import { withProgress, type ProgressContext } from './operation-progress';
import type { OutputFolders } from './output-folders';
import { writeFilesAtomically } from './write-files';

export interface SaveRequest {
  kind: KeystoreKind;
  storePassword: string;
  destination: { folder: string; fileName: string; overwrite?: boolean };
}

export interface SaveContext extends ProgressContext {
  folders: OutputFolders;
}

const KIND_NAMES: Record<KeystoreKind, string> = { jks: 'JKS', jceks: 'JCEKS', pkcs12: 'PKCS#12' };

export async function saveKeystore(doc: KeystoreDocument, request: SaveRequest, ctx: SaveContext): Promise<WrittenFileDto> {
  const { kind, storePassword, destination } = request;
  const path = ctx.folders.pathIn(destination.folder, destination.fileName);
  if (storePassword === '' && kind !== 'pkcs12') {
    throw new PkiError('INVALID_ARGUMENT', `A ${KIND_NAMES[kind]} keystore needs a store password.`, 'Choose one of at least 6 characters: keytool asks for that much.');
  }
  const model = await resealSecrets(doc.model(), kind, doc.storePassword, storePassword);
  refuseWhatKindCannotHold(model, kind);
  const secret = model.entries.some((e) => e.type !== 'trustedCert');
  await withProgress(ctx, `Saving ${destination.fileName}`, async ({ onProgress, signal }) => {
    const bytes = kind === 'pkcs12' ? await writePkcs12(model, { password: storePassword, profile: 'java', onProgress, signal }) : await writeJavaKeystore(model, { kind, storePassword, onProgress, signal });
    if (signal.aborted) throw new PkiError('CANCELLED', `Saving ${destination.fileName} was cancelled.`, 'Nothing was written; save again when you are ready.');
    await writeFilesAtomically([{ path, bytes, secret }], { overwrite: destination.overwrite });
    doc.savedAs({ kind, path, name: destination.fileName, storePassword, bytes });
  });
  return { path, format: kind === 'pkcs12' ? 'pfx' : kind, objects: model.entries.length, secret, encrypted: true };
}

/**
 * JCEKS seals secret keys under their own password, the store password when keytool made them: a new store
 * password seals them again, or Java could no longer open them. One sealed under another password is kept as is.
 */
async function resealSecrets(model: KeystoreModel, kind: KeystoreKind, oldPassword: string | null, newPassword: string): Promise<KeystoreModel> {
  if (kind !== 'jceks' || oldPassword === null || oldPassword === newPassword || !model.entries.some((e) => e.type === 'secretKey')) return model;
  const entries = await Promise.all(
    model.entries.map(async (e) => {
      if (e.type !== 'secretKey') return e;
      try {
        return { ...e, sealed: await resealSecretKey(e.sealed, oldPassword, newPassword, e.alias) };
      } catch (error) {
        if (error instanceof PkiError && error.code === 'WRONG_PASSWORD') return e;
        throw error;
      }
    }),
  );
  return { entries };
}

function refuseWhatKindCannotHold(model: KeystoreModel, kind: KeystoreKind): void {
  const quoted = (aliases: string[]) => aliases.map((a) => `'${a}'`).join(', ');
  const secrets = model.entries.filter((e) => e.type === 'secretKey').map((e) => e.alias);
  if (secrets.length && kind !== 'jceks') {
    throw new PkiError('INVALID_ARGUMENT', `${KIND_NAMES[kind]} cannot hold secret keys: ${quoted(secrets)} would be lost.`, 'Save as JCEKS to keep them, or delete them first.');
  }
  const bare = model.entries.filter((e) => e.type === 'privateKey' && e.chain.length === 0).map((e) => e.alias);
  if (bare.length && kind !== 'pkcs12') {
    throw new PkiError('INVALID_ARGUMENT', `${KIND_NAMES[kind]} needs a certificate for every key; ${quoted(bare)} ${bare.length === 1 ? 'has' : 'have'} none.`, 'Import the certificate (the CA reply) for the key, or save as PKCS#12.');
  }
}

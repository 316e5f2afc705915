/** The bytes of each planned file: the writers of pki/formats and pki/keys, fed by a ConvertPlan. */
import type { ConvertTarget, PlannedFileDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { writeJavaKeystore } from '../pki/formats/jks-write';
import type { PfxProfile } from '../pki/formats/keystore-model';
import { certificatesPem } from '../pki/formats/pem-write';
import { writePkcs12 } from '../pki/formats/pkcs12-write';
import { certsOnlyPkcs7, pkcs7Pem } from '../pki/formats/pkcs7-write';
import { writePrivateKey, type KeyOutputFormat } from '../pki/keys/write';
import type { ConvertPlan, PlannedFile } from './convert-plan';

export interface OutputSecrets {
  /** The PFX/JKS/JCEKS password, or the passphrase the private key is encrypted with. */
  password?: string;
  /** JKS/JCEKS: the key entries' own password when it differs from `password`. */
  keyPassword?: string;
  profile?: PfxProfile;
  onProgress?: (fraction: number, phase: string) => void;
  signal?: AbortSignal;
}

export interface ProducedFile extends PlannedFileDto {
  bytes: Uint8Array;
  /** A key encrypted or a keystore password-protected. */
  encrypted: boolean;
}

/** Java's keytool refuses store passwords shorter than this. */
const KEYTOOL_MIN_PASSWORD = 6;

export async function produceFiles(plan: ConvertPlan, secrets: OutputSecrets): Promise<ProducedFile[]> {
  if (plan.preview.blocked) throw new PkiError(plan.preview.blocked.code, plan.preview.blocked.message, plan.preview.blocked.hint);
  checkPasswords(plan, secrets);
  const out: ProducedFile[] = [];
  for (const file of plan.files) {
    const { certs: _certs, withKey: _withKey, ...dto } = file;
    out.push({ ...dto, bytes: await bytesOf(plan, file, secrets), encrypted: encryptedOutput(plan, file) });
  }
  return out;
}

function encryptedOutput(plan: ConvertPlan, file: PlannedFile): boolean {
  if (file.format === 'pfx' || file.format === 'jks' || file.format === 'jceks') return true;
  return file.withKey && plan.keyEncrypted;
}

function checkPasswords(plan: ConvertPlan, s: OutputSecrets): void {
  const keystore = plan.target === 'pfx' || plan.target === 'jks' || plan.target === 'jceks';
  if (keystore && s.password === undefined) {
    throw new PkiError('INVALID_ARGUMENT', `Choose a password for the ${plan.target === 'pfx' ? 'PFX' : plan.target.toUpperCase()}.`, 'Give the new file a password (--out-password on the command line).');
  }
  if ((plan.target === 'jks' || plan.target === 'jceks') && s.password !== undefined && s.password.length < KEYTOOL_MIN_PASSWORD) {
    throw new PkiError('INVALID_ARGUMENT', `Java keystore passwords need at least ${KEYTOOL_MIN_PASSWORD} characters; keytool refuses shorter ones.`, 'Choose a longer password.');
  }
  if (!keystore && plan.keyEncrypted && plan.files.some((f) => f.withKey) && !s.password) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      'Choose a passphrase for the private key, or choose explicitly to write it unencrypted.',
      'Give --out-password, or --no-key-encryption if the server needs a key without a passphrase.',
    );
  }
}

async function bytesOf(plan: ConvertPlan, file: PlannedFile, s: OutputSecrets): Promise<Uint8Array> {
  const ders = file.certs.map((c) => c.der);
  const keyPassword = plan.keyEncrypted ? s.password : undefined;
  switch (file.format) {
    case 'pem':
    case 'fullchain': {
      let text = ders.length ? certificatesPem(ders) : '';
      if (file.withKey) text += new TextDecoder().decode(await keyBytes(plan, 'pkcs8', keyPassword, s.signal));
      return new TextEncoder().encode(text);
    }
    case 'der':
      return ders[0];
    case 'p7b':
      return new TextEncoder().encode(pkcs7Pem(certsOnlyPkcs7(ders)));
    case 'p7b-der':
      return certsOnlyPkcs7(ders);
    case 'pkcs8':
    case 'pkcs8-der':
    case 'pkcs1':
      return keyBytes(plan, file.format, keyPassword, s.signal);
    case 'pfx':
      return writePkcs12(model(plan), { password: s.password ?? '', profile: s.profile ?? 'modern', onProgress: s.onProgress, signal: s.signal });
    case 'jks':
    case 'jceks': {
      const m = model(plan);
      const entries = s.keyPassword && s.keyPassword !== s.password ? m.entries.map((e) => (e.type === 'privateKey' ? { ...e, keyPassword: s.keyPassword } : e)) : m.entries;
      return writeJavaKeystore({ entries }, { kind: file.format, storePassword: s.password ?? '', onProgress: s.onProgress, signal: s.signal });
    }
    default:
      return unreachable(file.format);
  }
}

async function keyBytes(plan: ConvertPlan, format: KeyOutputFormat, password: string | undefined, signal?: AbortSignal): Promise<Uint8Array> {
  if (!plan.key) throw new PkiError('INVALID_ARGUMENT', 'There is no private key to write.', 'Open the key first.');
  return writePrivateKey(plan.key, format, { password, signal });
}

function model(plan: ConvertPlan) {
  if (!plan.model) throw new PkiError('INVALID_ARGUMENT', 'There is nothing to put in the keystore.', 'Open a key and its certificate, or CA certificates.');
  return plan.model;
}

function unreachable(format: ConvertTarget): never {
  throw new PkiError('INVALID_ARGUMENT', `Certbench cannot write ${format}.`, 'Choose another format.');
}

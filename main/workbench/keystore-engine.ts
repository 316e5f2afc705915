/**
 * The engine pieces the keystore editor uses, in one place: Java keystores read as editable models and
 * written, PKCS#12 written, chains ordered by signature, open objects grouped into a keystore model.
 * Signatures as agreed with the engine branches (jks-write, pfx-write, text-write); until each lands on
 * main its stand-in says so with a typed error.
 */
import { PkiError } from '../pki/errors';
import type { RawObject } from '../pki/model';
import type { JavaKeystoreWriteOptions, KeystoreModel, Pkcs12WriteOptions } from '../pki/formats/keystore-model';

export interface LockedJavaEntry {
  alias: string;
  chain: Uint8Array[];
  created: Date;
}

export interface JavaKeystoreModelRead {
  kind: 'jks' | 'jceks';
  model: KeystoreModel;
  /** Keys whose password is neither the store password nor the one given for their alias. */
  locked: LockedJavaEntry[];
}

export interface ChainOrder {
  chain: { der: Uint8Array; role: 'leaf' | 'intermediate' | 'root' }[];
  leftOut: { der: Uint8Array; reason: string }[];
  warnings: string[];
}

export interface ObjectsModel {
  model: KeystoreModel;
  leftOut: { index: number; reason: string }[];
  warnings: string[];
}

const notLanded = (what: string) => new PkiError('INTERNAL', `${what} is being built.`, 'Try again after the next update.');

export async function readJavaKeystoreModel(_bytes: Uint8Array, _options: { storePassword: string; keyPasswords?: Record<string, string>; onProgress?: (fraction: number, phase: string) => void }): Promise<JavaKeystoreModelRead> {
  throw notLanded('Reading Java keystores for editing');
}

export async function writeJavaKeystore(_model: KeystoreModel, _options: JavaKeystoreWriteOptions): Promise<Uint8Array> {
  throw notLanded('Writing Java keystores');
}

export async function writePkcs12(_model: KeystoreModel, _options: Pkcs12WriteOptions): Promise<Uint8Array> {
  throw notLanded('Writing PKCS#12');
}

export function orderChain(_certs: Uint8Array[], _options?: { leafSpki?: Uint8Array }): ChainOrder {
  throw notLanded('Ordering chains');
}

export function modelFromObjects(_objects: RawObject[], _options?: { alias?: string; includeRoot?: boolean }): ObjectsModel {
  throw notLanded('Building a keystore from open objects');
}

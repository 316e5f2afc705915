/**
 * Add, change or remove a key file's passphrase: read the file with the old one, write the same key in the
 * same form (PKCS#8 or traditional, PEM or DER) with the new one, or with none.
 */
import { PkiError } from '../errors';
import { hasPemBlock } from '../formats/pem-blocks';
import type { RawPrivateKey } from '../model';
import { readBytes } from '../read';
import { writePrivateKey, type KeyOutputFormat } from './write';

export interface PassphraseChangeOptions {
  /** The current passphrase; undefined for an unencrypted key. */
  oldPassword?: string;
  /** The new passphrase, or null to write the key unencrypted (only when the user chose that). */
  newPassword: string | null;
  /** Default: the form the file already has (a key from a PKCS#12 or Java keystore becomes PKCS#8 PEM). */
  format?: KeyOutputFormat;
  iterations?: number;
  signal?: AbortSignal;
}

export interface PassphraseChange {
  bytes: Uint8Array;
  format: KeyOutputFormat;
  /** What the user should know: an unencrypted result, other objects of the file not carried over. */
  warnings: string[];
}

export async function changeKeyPassphrase(bytes: Uint8Array, options: PassphraseChangeOptions): Promise<PassphraseChange> {
  const read = await readBytes(bytes, { password: options.oldPassword, signal: options.signal });
  const keys = read.objects.filter((o): o is RawPrivateKey => o.kind === 'privateKey');
  if (keys.length !== 1) {
    const locked = read.objects.some((o) => o.kind === 'unsupported' && (o.code === 'PASSWORD_REQUIRED' || o.code === 'WRONG_PASSWORD'));
    throw new PkiError(
      'INVALID_ARGUMENT',
      keys.length === 0 ? (locked ? 'The private key in this file is still locked.' : 'This file holds no private key.') : `This file holds ${keys.length} private keys; a passphrase is changed one key at a time.`,
      keys.length === 0 ? (locked ? "Enter the key's own password." : 'Choose the file that holds the key.') : 'Convert the file to one key file per key first.',
    );
  }
  const [key] = keys;
  const format = options.format ?? sameForm(key, isPemText(bytes));
  const out = await writePrivateKey(key.pkcs8, format, { password: options.newPassword ?? undefined, iterations: options.iterations, signal: options.signal });
  const warnings: string[] = [];
  if (options.newPassword === null) warnings.push('The key is written without a passphrase: anyone who gets the file can use it. Keep it readable by its owner only.');
  const others = read.objects.length - 1;
  if (others > 0) warnings.push(`The file also holds ${others} other object${others === 1 ? '' : 's'} (certificates ...), which this key file does not carry.`);
  return { bytes: out, format, warnings };
}

function sameForm(key: RawPrivateKey, pem: boolean): KeyOutputFormat {
  const traditional = key.encoding === 'pkcs1' || key.encoding === 'sec1';
  if (traditional) return pem ? 'pkcs1' : 'pkcs1-der';
  if (key.encoding === 'pkcs8') return pem ? 'pkcs8' : 'pkcs8-der';
  return 'pkcs8';
}

/** PEM in, PEM out (a single-block PEM file reads as its inner format, so look at the bytes). */
function isPemText(bytes: Uint8Array): boolean {
  return bytes[0] !== 0x30 && hasPemBlock(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'));
}

/**
 * One file of a watch target → its certificate rows. Read without a password first (a JKS lists its
 * certificates without one; a PFX with the empty password opens), then, when the file asks for one, with the
 * target's vault password. Nothing is kept open: the bytes and the reader's objects are dropped after.
 */
import { basename } from 'node:path';
import type { ExpiryRowDto } from '../../api/dto';
import { isPkiError, PkiError, toErrorInfo, type ErrorInfo } from '../../pki/errors';
import type { ReadResult } from '../../pki/model';
import { readBytes } from '../../pki/read';
import { MAX_INPUT_BYTES } from '../file-port';
import { openRegularFile } from '../open-regular-file';
import { readCapped, tooLarge } from '../read-capped';
import { certificateRows, errorRow, type RowContext } from './certificate-rows';
import { looksLikeCertificateFile } from './folder-walk';

/**
 * Files met in a folder walk whose names do not say "certificate" are passed over above this size: a
 * folder of logs or archives should not be read whole to learn that it holds no certificate.
 */
export const FOLDER_OTHER_FILE_CAP = 4 * 1024 * 1024;

export interface FileScan {
  rows: ExpiryRowDto[];
  /** Passed over quietly: in a folder, holds no certificate, and its name does not say it should. */
  skipped: boolean;
}

export async function scanFile(path: string, ctx: RowContext & { password?: string; inFolder: boolean; signal?: AbortSignal }): Promise<FileScan> {
  const quiet = ctx.inFolder && !looksLikeCertificateFile(path);
  let result: ReadResult;
  try {
    const bytes = await readFile(path, quiet ? FOLDER_OTHER_FILE_CAP : MAX_INPUT_BYTES);
    result = await readWithPassword(bytes, ctx.password, ctx.signal);
  } catch (e) {
    if (quiet) return { rows: [], skipped: true };
    return { rows: [errorRow(ctx.targetId, path, 'stored', explain(e, path))], skipped: false };
  }
  const rows = certificateRows(result.objects, path, ctx);
  if (rows.length) return { rows, skipped: false };
  if (ctx.inFolder) return { rows: [], skipped: true };
  const what = result.objects.length ? `holds no certificate (only ${result.objects.map((o) => o.kind).filter((k, i, all) => all.indexOf(k) === i).join(', ')})` : 'holds no certificate';
  return { rows: [errorRow(ctx.targetId, path, 'stored', { code: 'INVALID_ARGUMENT', message: `${basename(path)} ${what}.`, hint: 'Watch the file that holds the certificate (.pem, .crt, .pfx, .jks ...).' })], skipped: false };
}

async function readFile(path: string, cap: number): Promise<Uint8Array> {
  const name = basename(path);
  const file = await openRegularFile(path);
  try {
    const { size } = await file.stat();
    if (size > cap) throw tooLarge(name, cap);
    return await readCapped(file, name, cap, size);
  } finally {
    await file.close();
  }
}

async function readWithPassword(bytes: Uint8Array, password: string | undefined, signal: AbortSignal | undefined): Promise<ReadResult> {
  try {
    return await readBytes(bytes, { signal });
  } catch (e) {
    if (password === undefined || !isPkiError(e) || e.code !== 'PASSWORD_REQUIRED') throw e;
  }
  const result = await readBytes(bytes, { password, signal });
  return result;
}

/** The reader's error, with a hint that says where a watchlist keeps passwords. */
function explain(e: unknown, path: string): ErrorInfo {
  const info = toErrorInfo(e);
  const name = basename(path);
  if (info.code === 'PASSWORD_REQUIRED') {
    return { code: info.code, message: `${name} is password-protected.`, hint: 'Add it to the watchlist again with its password (the entry is updated), then scan again.' };
  }
  if (info.code === 'WRONG_PASSWORD') {
    return { code: info.code, message: `The password kept for this watchlist entry does not open ${name}.`, hint: 'Add it to the watchlist again with the right password (passwords are case-sensitive).' };
  }
  if (e instanceof PkiError && !info.message.includes(name) && !info.message.includes(path)) return { ...info, message: `${name}: ${info.message}` };
  return info;
}

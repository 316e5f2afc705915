/**
 * Writes a set of output files all or nothing: each goes to a temporary file in the same folder
 * (created exclusively, 0600 for keys), is synced, and is renamed over its name only after every file
 * was written. Existing files are refused with EXISTS unless the user confirmed overwriting; a failure
 * leaves no temporary file and no half-written output behind.
 */
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from '../pki/crypto';
import { hex } from '../pki/der/der';
import { PkiError } from '../pki/errors';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
  /** Holds a private key (or a keystore with one): mode 0600. */
  secret: boolean;
}

export interface WriteOptions {
  /** The user confirmed replacing existing files. */
  overwrite?: boolean;
}

export async function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.path)) throw new PkiError('INVALID_ARGUMENT', `Two outputs would be written to ${basename(f.path)}.`, 'Give each file its own name.');
    names.add(f.path);
  }
  if (!options.overwrite) {
    const existing = (await Promise.all(files.map(async (f) => ((await exists(f.path)) ? f.path : null)))).filter((p): p is string => p !== null);
    if (existing.length) throw existsError(existing);
  }
  const temps: { temp: string; file: OutputFile }[] = [];
  try {
    for (const file of files) {
      const temp = join(dirname(file.path), `.${basename(file.path)}.${hex(randomBytes(6)).toLowerCase()}.tmp`);
      temps.push({ temp, file });
      await writeTemp(temp, file);
    }
    for (const { temp, file } of temps) {
      if (!options.overwrite && (await exists(file.path))) throw existsError([file.path]);
      await fs.rename(temp, file.path).catch((e) => {
        throw writeError(file.path, e);
      });
    }
  } finally {
    await Promise.all(temps.map(({ temp }) => fs.rm(temp, { force: true })));
  }
}

async function writeTemp(temp: string, file: OutputFile): Promise<void> {
  const mode = file.secret ? 0o600 : 0o644;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  } catch (e) {
    throw writeError(file.path, e);
  }
  try {
    // The umask may have narrowed it; a key file must be exactly 0600 whatever the umask.
    if (process.platform !== 'win32') await handle.chmod(mode);
    await handle.writeFile(file.bytes);
    await handle.sync();
  } catch (e) {
    throw writeError(file.path, e);
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function existsError(paths: string[]): PkiError {
  const names = paths.map((p) => basename(p));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const e = new PkiError('EXISTS', `${list} already exist${names.length === 1 ? 's' : ''}; nothing was written.`, 'Choose another name or folder, or confirm replacing (--force on the command line).');
  return e;
}

function writeError(path: string, e: unknown): PkiError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ENOENT' ? 'the folder does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission was denied'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EISDIR' ? 'a folder has that name'
    : code === 'EROFS' ? 'the disk is read-only'
    : (e instanceof Error ? e.message : String(e));
  return new PkiError('INVALID_ARGUMENT', `${basename(path)} could not be written: ${why}.`, 'Choose a folder you can write to; nothing was written.');
}

/**
 * Opens a path for reading only when it is a regular file. The type is checked on the open handle (fstat),
 * not on the path, and the open never blocks: a FIFO would otherwise wait forever for a writer, and a
 * device such as /dev/zero never ends.
 */
import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { PkiError } from '../pki/errors';
import { findByLossyName } from './lossy-name';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const REGULAR_ONLY_HINT = 'Certbench opens regular files only; save the data to a file first and open that.';

export async function openRegularFile(path: string): Promise<FileHandle> {
  const file = await openPath(path);
  let kind: string | null;
  try {
    kind = notRegular(await file.stat());
  } catch (e) {
    await file.close();
    throw openError(path, e);
  }
  if (kind) {
    await file.close();
    if (kind === 'a folder') throw new PkiError('INVALID_ARGUMENT', `${path} is a folder, not a file.`, 'Open the files inside it instead.');
    throw new PkiError('INVALID_ARGUMENT', `${path} is ${kind}, not a regular file.`, REGULAR_ONLY_HINT);
  }
  return file;
}

async function openPath(path: string): Promise<FileHandle> {
  try {
    return await fs.open(path, OPEN_FLAGS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && path.includes('\uFFFD')) return openLossyName(path);
    throw openError(path, e);
  }
}

/**
 * A name that is not valid UTF-8 reaches us with U+FFFD in place of its bad bytes (argv, drops). Look for
 * the one file in that folder whose name decodes to the same text, and open it by its real bytes.
 */
async function openLossyName(path: string): Promise<FileHandle> {
  const found = await findByLossyName(path);
  if (found.kind === 'one') {
    try {
      return await fs.open(found.path, OPEN_FLAGS);
    } catch (e) {
      throw openError(path, e);
    }
  }
  const why = found.kind === 'many'
    ? `several files in that folder have names that read as "${found.name}" (their names are not valid UTF-8)`
    : 'its name holds bytes that are not valid UTF-8 (shown as \uFFFD), and no file in that folder matches it';
  throw new PkiError('NOT_FOUND', `Certbench cannot open ${path}: ${why}.`, 'Rename the file to a name in plain UTF-8 (for example with your file manager) and open it again.');
}

function notRegular(stat: import('node:fs').Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device (a disk)';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

function openError(path: string, e: unknown): PkiError {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new PkiError('NOT_FOUND', `There is no file at ${path}.`, 'Check the path; the file may have been moved or deleted.');
    case 'ELOOP':
      return new PkiError('INVALID_ARGUMENT', `${path} is a symbolic link that loops back on itself (or through too many links), so it leads to no file.`, 'Fix or remove the link, or open the file it was meant to point to.');
    case 'ENOTDIR':
      return new PkiError('NOT_FOUND', `There is no file at ${path}: a part of the path before the name is a file, not a folder.`, 'Check the path.');
    case 'EACCES':
    case 'EPERM':
      return new PkiError('NOT_FOUND', `Certbench cannot read ${path}: permission denied.`, 'Check that you may read the file (its permissions or owner).');
    case 'ENXIO':
      return new PkiError('INVALID_ARGUMENT', `${path} is a socket or a device with nothing behind it, not a regular file.`, REGULAR_ONLY_HINT);
    case 'ENAMETOOLONG':
      return new PkiError('INVALID_ARGUMENT', `The path ${path.slice(0, 80)}… is too long for this system.`, 'Move the file to a folder with a shorter path.');
    case 'EISDIR':
      return new PkiError('INVALID_ARGUMENT', `${path} is a folder, not a file.`, 'Open the files inside it instead.');
    default:
      return new PkiError('NOT_FOUND', `Certbench cannot read ${path}${code ? ` (${code})` : ''}.`, 'Check that the file exists and that you may read it.');
  }
}

/** How the workbench touches files: one port, a Node implementation here, in-memory doubles in tests. */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { PkiError } from '../pki/errors';

export interface FilePort {
  read(path: string): Promise<{ name: string; bytes: Uint8Array }>;
}

/** Files larger than this are refused with TOO_LARGE instead of being read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const nodeFiles: FilePort = {
  async read(path) {
    let stat;
    try {
      stat = await fs.stat(path);
    } catch {
      throw new PkiError('NOT_FOUND', `There is no file at ${path}.`, 'Check the path; the file may have been moved or deleted.');
    }
    if (stat.isDirectory()) throw new PkiError('INVALID_ARGUMENT', `${path} is a folder, not a file.`, 'Open the files inside it instead.');
    if (stat.size > MAX_INPUT_BYTES) {
      throw new PkiError('TOO_LARGE', `${basename(path)} is ${(stat.size / 1048576).toFixed(0)} MiB; Certbench opens files up to 64 MiB.`, 'Certificate files are rarely this large: check that this is the right file.');
    }
    try {
      return { name: basename(path), bytes: new Uint8Array(await fs.readFile(path)) };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new PkiError('NOT_FOUND', `Certbench cannot read ${path}${code === 'EACCES' ? ': permission denied' : ''}.`, 'Check that the file exists and that you may read it.');
    }
  },
};

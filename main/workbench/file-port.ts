/** How the workbench touches files: one port, a Node implementation here, in-memory doubles in tests. */
import { basename } from 'node:path';
import { openRegularFile } from './open-regular-file';
import { readCapped } from './read-capped';

export interface FilePort {
  read(path: string): Promise<{ name: string; bytes: Uint8Array }>;
}

/** Files larger than this are refused with TOO_LARGE; the cap holds while reading, whatever stat says. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const nodeFiles: FilePort = {
  async read(path) {
    const name = basename(path);
    const file = await openRegularFile(path);
    try {
      return { name, bytes: await readCapped(file, name, MAX_INPUT_BYTES) };
    } finally {
      await file.close();
    }
  },
};

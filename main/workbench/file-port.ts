/** How the workbench touches files: one port, a Node implementation here, in-memory doubles in tests. */
import { basename } from 'node:path';
import { openRegularFile } from './open-regular-file';
import { readCapped, tooLarge } from './read-capped';

export interface FilePort {
  read(path: string): Promise<{ name: string; bytes: Uint8Array }>;
}

/**
 * Files larger than this are refused with TOO_LARGE; the cap holds while reading, whatever stat says.
 * 256 MiB: a 100,000-certificate bundle of ordinary EC leaf certificates (SAN, issuer, about 770 bytes of
 * PEM each) is 73 MiB, and one of fullchains is several times that.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export const nodeFiles: FilePort = {
  async read(path) {
    const name = basename(path);
    const file = await openRegularFile(path);
    try {
      const { size } = await file.stat();
      if (size > MAX_INPUT_BYTES) throw tooLarge(name, MAX_INPUT_BYTES); // no need to read what stat already rules out
      return { name, bytes: await readCapped(file, name, MAX_INPUT_BYTES, size) };
    } finally {
      await file.close();
    }
  },
};

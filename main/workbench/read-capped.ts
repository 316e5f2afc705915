/** Reads an open file to its end, refusing it as soon as it passes the cap (files can grow, or lie in stat). */
import type { FileHandle } from 'node:fs/promises';
import { PkiError } from '../pki/errors';

const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * `sizeHint`: the size stat gave; the first read is sized to it (plus one byte to see the end), so reading
 * thousands of small files does not allocate a 4 MiB chunk for each. A file that grew is still read to its end.
 */
export async function readCapped(file: FileHandle, name: string, maxBytes: number, sizeHint?: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const room = maxBytes + 1 - total;
    const want = sizeHint !== undefined && total <= sizeHint ? sizeHint + 1 - total : CHUNK_BYTES;
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, room, want));
    let bytesRead: number;
    try {
      ({ bytesRead } = await file.read(chunk, 0, chunk.length, null));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'an I/O error';
      throw new PkiError('NOT_FOUND', `Certbench could not read ${name} to its end (${code}).`, 'The disk or network share may have gone away; copy the file somewhere local and open it again.');
    }
    if (bytesRead === 0) break;
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(name, maxBytes);
  }
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  return new Uint8Array(all.buffer, all.byteOffset, all.length);
}

export function tooLarge(name: string, maxBytes: number): PkiError {
  const cap = sizeText(maxBytes);
  return new PkiError('TOO_LARGE', `${name} is larger than ${cap}; Certbench opens files up to ${cap}.`, 'Certificate files are rarely this large: check that this is the right file.');
}

const sizeText = (n: number) => (n >= 1048576 ? `${Math.round(n / 1048576)} MiB` : `${n.toLocaleString('en-US')} bytes`);

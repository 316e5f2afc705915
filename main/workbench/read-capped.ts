/** Reads an open file to its end, refusing it as soon as it passes the cap (files can grow, or lie in stat). */
import type { FileHandle } from 'node:fs/promises';
import { PkiError } from '../pki/errors';

const CHUNK_BYTES = 4 * 1024 * 1024;
/** After a short read (most likely the end), the read that confirms the end needs only a small buffer. */
const CONFIRM_BYTES = 4096;

/**
 * Buffers are sized from the file's stat size (+1, so one read also meets the end): a 1 KiB certificate costs
 * about 5 KiB of buffers, not two 4 MiB chunks (a 10,000-file expiry scan spent most of its time collecting them).
 */
export async function readCapped(file: FileHandle, name: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const statSize = await file.stat().then((s) => s.size, () => CHUNK_BYTES);
  let next = Math.max(1, Math.min(CHUNK_BYTES, statSize + 1));
  for (;;) {
    const room = maxBytes + 1 - total;
    const chunk = Buffer.allocUnsafe(Math.min(next, room));
    let bytesRead: number;
    try {
      ({ bytesRead } = await file.read(chunk, 0, chunk.length, null));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'an I/O error';
      throw new PkiError('NOT_FOUND', `Certbench could not read ${name} to its end (${code}).`, 'The disk or network share may have gone away; copy the file somewhere local and open it again.');
    }
    if (bytesRead === 0) break;
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    next = bytesRead === chunk.length ? CHUNK_BYTES : CONFIRM_BYTES;
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

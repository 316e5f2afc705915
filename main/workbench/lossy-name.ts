/** Finds a file by the lossy UTF-8 decoding of its name (bad bytes became U+FFFD) and returns its byte path. */
import { promises as fs } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

export type LossyMatch = { kind: 'one'; path: Buffer } | { kind: 'none' } | { kind: 'many'; name: string };

export async function findByLossyName(path: string): Promise<LossyMatch> {
  const dir = dirname(path);
  const name = basename(path);
  // Only the last part is searched: a folder whose own name is not UTF-8 cannot be found this way.
  if (dir.includes('\uFFFD')) return { kind: 'none' };
  let entries: Buffer[];
  try {
    entries = await fs.readdir(dir, { encoding: 'buffer' });
  } catch {
    return { kind: 'none' };
  }
  const matches = entries.filter((entry) => entry.toString('utf8') === name);
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length > 1) return { kind: 'many', name };
  const prefix = Buffer.from(dir.endsWith(sep) ? dir : dir + sep, 'utf8');
  return { kind: 'one', path: Buffer.concat([prefix, matches[0]]) };
}

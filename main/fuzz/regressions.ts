/**
 * Reproducers: each failing input is kept as <kind>-<sha256 prefix>.bin with a .json beside it (the
 * password, what went wrong, where it came from). The replay test reads them all through readBytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest } from '../pki/crypto';
import { concat } from './tlv';
import type { Verdict } from './runner';

export const REGRESSION_DIR = 'test/fuzz-regressions';

export interface Reproducer {
  file: string;
  bytes: Uint8Array;
  password?: string;
}

export interface FoundBy {
  seed: number;
  from: string;
  steps: string[];
}

export function saveReproducer(dir: string, bytes: Uint8Array, password: string | undefined, verdict: Verdict, found: FoundBy): string {
  mkdirSync(dir, { recursive: true });
  const id = Buffer.from(digest('sha256', concat([bytes, new TextEncoder().encode(password ?? '\u0000none')]))).toString('hex').slice(0, 16);
  const file = `${verdict.kind}-${id}.bin`;
  writeFileSync(join(dir, file), bytes);
  const note = { password: password ?? null, verdict, foundBy: found, savedAt: new Date().toISOString() };
  writeFileSync(join(dir, file.replace(/\.bin$/, '.json')), JSON.stringify(note, null, 2) + '\n');
  return file;
}

export function loadReproducers(dir: string): Reproducer[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((file) => {
      const notePath = join(dir, file.replace(/\.bin$/, '.json'));
      const note = existsSync(notePath) ? (JSON.parse(readFileSync(notePath, 'utf8')) as { password?: string | null }) : {};
      return { file, bytes: new Uint8Array(readFileSync(join(dir, file))), password: note.password ?? undefined };
    });
}

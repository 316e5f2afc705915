/** A command's output folder: made when missing (mkdir -p), and removed again when the command wrote nothing into it. */
import { mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** mkdir -p; returns the first folder it made (to remove again if nothing is issued), or null. */
export function makeFolder(dir: string): string | null {
  return mkdirSync(dir, { recursive: true }) ?? null;
}

/** Removes the folders this run made, deepest first, while they are empty: a failed order leaves nothing behind. */
export function removeIfEmpty(dir: string, created: string | null): void {
  if (!created) return;
  const top = resolve(created);
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      if (readdirSync(d).length) return;
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top || dirname(d) === d) return;
  }
}

/**
 * The files the user chose: the only paths the workbench reads. Main adds to the list from its own
 * sources (the native open dialog, a drop turned into paths by the preload, the command line, the OS
 * 'open-file' event); a request naming any other path is refused before the disk is touched, so the
 * answer is the same whether or not such a file exists. The browser host adds nothing: the page sends bytes.
 */
import { resolve } from 'node:path';
import { PkiError } from '../pki/errors';

/** Longest path accepted as a grant (the request schema's limit for a path, too). */
const MAX_PATH_LENGTH = 4096;

/** The same file named two ways (relative, with `.` or `..` segments) is one key. */
function keyOf(path: string): string | null {
  if (typeof path !== 'string' || path === '' || path.length > MAX_PATH_LENGTH || path.includes('\0')) return null;
  return resolve(path);
}

export const notChosenError = (): PkiError =>
  new PkiError(
    'INVALID_ARGUMENT',
    'Certbench opens only files you chose in this window: with Open files…, by dropping them, or from the command line.',
    'Open the file with Open files… (Ctrl/Cmd+O) or drop it on the window.',
  );

export class PathGrants {
  private readonly chosen = new Set<string>();

  /** Records paths the user chose; returns the ones accepted (empty, overlong or NUL-containing names are not). */
  grant(paths: Iterable<string>): string[] {
    const accepted: string[] = [];
    for (const path of paths) {
      const key = keyOf(path);
      if (key === null) continue;
      this.chosen.add(key);
      accepted.push(path);
    }
    return accepted;
  }

  isGranted(path: string): boolean {
    const key = keyOf(path);
    return key !== null && this.chosen.has(key);
  }

  /** Throws one typed error, naming no path, unless every path was chosen. */
  requireAll(paths: readonly string[]): void {
    if (!paths.every((p) => this.isGranted(p))) throw notChosenError();
  }

  get size(): number {
    return this.chosen.size;
  }
}

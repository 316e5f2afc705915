/**
 * Which paths a watchlist may read or write digests to: a path the user chose (PathGrants: the open dialog, a
 * drop, the command line), or one inside a folder the user chose (a chosen folder, or an output folder such
 * as the web host's). Anything else is refused before the disk is touched.
 */
import { dirname, resolve } from 'node:path';
import { PkiError } from '../../pki/errors';
import type { OutputFolders } from '../output-folders';
import type { PathGrants } from '../path-grants';

export function isChosenOrInside(path: string, grants: PathGrants, folders: OutputFolders): boolean {
  let p = resolve(path);
  for (;;) {
    if (grants.isGranted(p) || folders.isChosen(p)) return true;
    const up = dirname(p);
    if (up === p) return false;
    p = up;
  }
}

export function requireChosen(path: string, grants: PathGrants, folders: OutputFolders): void {
  if (!isChosenOrInside(path, grants, folders)) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      'Certbench watches only files and folders you chose: with Add file…, Add folder…, by dropping them, or from the command line.',
      'Choose the file or folder with Add file… or Add folder….',
    );
  }
}

/**
 * The folders the user chose to write into: the desktop save dialog adds them, the web host adds its one
 * output folder at launch. A write names a folder and a bare file name; any other folder is refused
 * before the disk is touched.
 */
import { join, resolve } from 'node:path';
import { PkiError } from '../pki/errors';

export class OutputFolders {
  private readonly chosen = new Set<string>();

  grant(folder: string): void {
    this.chosen.add(resolve(folder));
  }

  /** The full path of `fileName` in `folder`, or INVALID_ARGUMENT when the folder was not chosen or the name has folder parts. */
  pathIn(folder: string, fileName: string): string {
    if (!this.chosen.has(resolve(folder))) {
      throw new PkiError('INVALID_ARGUMENT', 'Certbench writes only into a folder you chose.', 'Choose the folder with Save to… first.');
    }
    if (!fileName || /[\\/\0]/.test(fileName) || fileName === '.' || fileName === '..') {
      throw new PkiError('INVALID_ARGUMENT', `"${fileName}" is not a file name.`, 'Use a plain file name such as server.pfx.');
    }
    return join(resolve(folder), fileName);
  }

  /** Whether `folder` itself was chosen. */
  isChosen(folder: string): boolean {
    return this.chosen.has(resolve(folder));
  }

  /** The first folder granted (the web host's output folder), for AppInfo. */
  get first(): string | null {
    for (const f of this.chosen) return f;
    return null;
  }
}

/**
 * Which command-line arguments are documents to open (Windows/Linux file association and
 * second-instance launches). Pure, so it is unit tested.
 */
import { isAbsolute, resolve } from 'node:path';

export interface ArgvOptions {
  /** Packaged: argv = [exe, ...files]. Dev: argv = [electron, appPath, ...files]. */
  isPackaged: boolean;
  /** Directory relative paths are resolved against (second-instance passes the launcher's). */
  cwd: string;
  /** Keeps only existing regular files, so stray switches or the app path are never opened. */
  isFile: (path: string) => boolean;
}

export function documentPathsFromArgv(argv: readonly string[], options: ArgvOptions): string[] {
  const args = argv.slice(options.isPackaged ? 1 : 2);
  const paths: string[] = [];
  for (const arg of args) {
    // Chromium and Electron add their own switches (e.g. --allow-file-access-from-files) to argv.
    if (arg === '' || arg.startsWith('-')) continue;
    const path = isAbsolute(arg) ? arg : resolve(options.cwd, arg);
    if (!paths.includes(path) && options.isFile(path)) paths.push(path);
  }
  return paths;
}

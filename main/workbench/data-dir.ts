/** The app's data folder (user CSR templates): Electron's userData, or CERTBENCH_DATA_DIR / ~/.certbench elsewhere. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CERTBENCH_DATA_DIR || join(homedir(), '.certbench');
}

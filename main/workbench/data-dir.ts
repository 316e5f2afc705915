/** The app's data folder (user CSR templates): Electron's userData, or CERTBENCH_DATA_DIR / ~/.certbench elsewhere. */
import { join } from 'node:path';
import { nodeOs } from '../pki/lazy-builtins';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CERTBENCH_DATA_DIR || join(nodeOs().homedir(), '.certbench');
}

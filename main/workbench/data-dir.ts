/**
 * The app's data folder (CSR templates, the expiry watchlist, ACME orders and their keys): the desktop app uses
 * Electron's userData; the CLI and the web host default to the same folder so all three see the same orders
 * and templates. CERTBENCH_DATA_DIR overrides it (tests, portable setups).
 */
import { join } from 'node:path';
import { nodeOs } from '../pki/lazy-builtins';

/** Where Electron puts userData for productName "Certbench" (appData + name) on each platform. */
export function desktopDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = nodeOs().homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Certbench');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Certbench');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Certbench');
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CERTBENCH_DATA_DIR || desktopDataDir(process.platform, env);
}

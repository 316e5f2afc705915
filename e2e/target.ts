/**
 * Which app the Playwright suites drive: the loopback web host in Debian's Chromium (default), or the desktop
 * app in real Electron (E2E_TARGET=electron) through Playwright's _electron.launch. Pure apart from the file
 * checks it is given, so the choice and the "Electron is missing" refusal are unit tested under Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type E2eTarget = 'web' | 'electron';

export const ELECTRON_MISSING =
  'Electron is not installed on this machine: E2E_TARGET=electron needs its binary. On a machine with internet run ' +
  '`node node_modules/electron/install.js` once after `npm ci` (or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron), ' +
  'then `npm run build && E2E_TARGET=electron npx playwright test`; without E2E_TARGET the suites run against the web host.';

export function e2eTarget(env: NodeJS.ProcessEnv = process.env): E2eTarget {
  const value = (env.E2E_TARGET ?? '').trim().toLowerCase();
  if (value === '' || value === 'web') return 'web';
  if (value === 'electron') return 'electron';
  throw new Error(`E2E_TARGET=${JSON.stringify(env.E2E_TARGET)} is not a target: use "web" (the default) or "electron".`);
}

export interface ElectronLookup {
  /** node_modules/electron, or null when the package is not installed. */
  packageDir: string | null;
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  readText: (path: string) => string | null;
}

/**
 * The Electron executable the electron package would run, or null. Decided the way its index.js decides
 * (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) without requiring it: its require() tries to download.
 */
export function electronBinary(lookup: ElectronLookup): string | null {
  if (!lookup.packageDir) return null;
  const relative = lookup.readText(join(lookup.packageDir, 'path.txt'))?.trim() || null;
  const override = lookup.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative || 'electron') : relative ? join(lookup.packageDir, 'dist', relative) : null;
  return candidate && lookup.exists(candidate) ? candidate : null;
}

export function nodeElectronLookup(root: string, env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  const dir = join(root, 'node_modules', 'electron');
  return {
    packageDir: existsSync(join(dir, 'package.json')) ? dir : null,
    env,
    exists: existsSync,
    readText: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

export interface ElectronLaunch {
  executablePath: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * How a test launches the desktop app: the built main (dist/app/main.js) in Electron, with the test's own
 * data folder as userData (never the user's profile), main's e2e hooks on (app/e2e-hooks.ts: the driver reads
 * main's state and wire through them) and main's clock pinned to `now`, the page's e2e clock. Throws
 * ELECTRON_MISSING when there is no binary, and says to build when dist/app/main.js is missing.
 */
export function electronLaunch(root: string, dataDir: string, lookup: ElectronLookup, now: Date): ElectronLaunch {
  const executablePath = electronBinary(lookup);
  if (!executablePath) throw new Error(ELECTRON_MISSING);
  const main = join(root, 'dist', 'app', 'main.js');
  if (!lookup.exists(main)) throw new Error('The desktop app is not built (dist/app/main.js is missing): run `npm run build` first.');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(lookup.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.CERTBENCH_E2E_HOOKS = '1';
  env.CERTBENCH_E2E_NOW = now.toISOString();
  return { executablePath, args: [main, `--user-data-dir=${dataDir}`], env };
}

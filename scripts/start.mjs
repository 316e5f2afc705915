// `npm start` (after the build): runs the desktop app in Electron, or says in one sentence why it cannot.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const NO_BINARY =
  'Certbench could not start Electron: its binary is not installed (this machine cannot download it). ' +
  'On a machine with internet, run `node node_modules/electron/install.js` (npm 11 skips its download step), then `npm start` again; ' +
  'here, run `npm run web` to use the same app in your browser.';

function stop(message) {
  console.error(message);
  process.exit(1);
}

/**
 * The Electron executable, or null. The electron package's own require() would try to download a missing
 * binary (printing and reaching for the network) before throwing, so its path.txt and dist are checked first.
 */
function findElectron() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative || 'electron') : relative ? join(dir, 'dist', relative) : null;
  if (!candidate || !existsSync(candidate)) return null;
  try {
    const resolved = require('electron');
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

const electron = findElectron();
if (!electron) stop(NO_BINARY);

const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main ?? 'dist/app/main.js';
if (!existsSync(join(root, main))) stop(`Certbench is not built yet (${main} is missing): run \`npm run build\`, then \`npm start\` again.`);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make Electron a plain Node and ignore the app
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (e) => stop(`Certbench could not start Electron (${electron}): ${e.message}.`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

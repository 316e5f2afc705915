/** Builds the renderer once before the suites (skip with CERTBENCH_E2E_NO_BUILD=1 when scripts/build.mjs just ran). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default function globalSetup(): void {
  const root = join(__dirname, '..');
  if (process.env.CERTBENCH_E2E_NO_BUILD === '1' && existsSync(join(root, 'dist', 'renderer', 'index.html'))) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'vite.config.mts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

// Builds everything: main-process entries with esbuild, the renderer with Vite.
//   --main-only  only the Node entries (CLI, bench, fuzz, web host), for `npm run cli` and `npm run bench`
//   --quiet      no progress lines
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const log = (m) => quiet || console.log(m);

const nodeEntries = {
  // The command line: a small entry that runs the bundle through V8's code cache (see main/cli-start.ts).
  'main/cli': 'main/cli-start.ts',
  'main/cli-engine': 'main/cli.ts',
  'main/bench': 'main/bench.ts',
  'main/fuzz': 'main/fuzz.ts',
  'main/conformance': 'main/conformance.ts',
  'e2e/web': 'e2e/web.ts',
};
const present = Object.fromEntries(Object.entries(nodeEntries).filter(([, src]) => existsSync(join(root, src))));

// acme-client (and its axios, forge, x509) stays in node_modules, required only when an ACME step runs:
// the other commands start without parsing it.
const common = { external: ['acme-client'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };

await build({ ...common, entryPoints: present, outdir: join(root, 'dist') });
log(`built ${Object.keys(present).join(', ')}`);

if (!args.has('--main-only')) {
  if (existsSync(join(root, 'scripts/build-app.mjs'))) {
    const { appBuildOptions } = await import('./build-app.mjs');
    for (const options of appBuildOptions(root)) await build({ logLevel: 'warning', ...options });
    log('built app/ (Electron main and preload)');
  }
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.mts'), logLevel: quiet ? 'silent' : 'warn' });
  log('built renderer');
}

/** Bundles an app/ entry against fake-electron.ts (same options as the real build) and loads it under Node. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { appBuildOptions } from '../../scripts/build-app.mjs';

const root = join(__dirname, '..', '..');

/** Builds into a fresh directory (<dir>/app/<entry>); the bundle's fake publishes itself as globalThis.__fakeElectron. */
export async function loadWithFakeElectron(entry: 'dist/app/main.js' | 'dist/app/preload.js') {
  const options = appBuildOptions(root).find((o) => String(o.outfile).endsWith(entry))!;
  const dir = mkdtempSync(join(tmpdir(), 'certbench-app-'));
  const outfile = join(dir, 'app', entry.split('/').pop()!);
  await build({
    ...options,
    outfile,
    external: [],
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-electron',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: join(root, 'app/testing/fake-electron.ts') }));
        },
      },
    ],
  });
  return { dir, outfile };
}

export function requireBundle(outfile: string) {
  return createRequire(outfile)(outfile);
}

export function makeRenderer(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, 'renderer', name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
}

/**
 * The app's main bundled against the fake electron and loaded as `electron <app folder> ...args` starts it, with an
 * index.html to serve. process.argv holds those arguments until restoreArgv(): main reads them when it is ready.
 */
export async function startFakeApp(args: string[] = []) {
  const built = await loadWithFakeElectron('dist/app/main.js');
  makeRenderer(built.dir, { 'index.html': '<!doctype html><title>Certbench</title>' });
  const savedArgv = process.argv;
  process.argv = [process.execPath, built.dir, ...args];
  requireBundle(built.outfile);
  const fake = (globalThis as { __fakeElectron?: any }).__fakeElectron;
  return { dir: built.dir, fake, restoreArgv: () => void (process.argv = savedArgv) };
}

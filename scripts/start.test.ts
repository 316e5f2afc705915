/**
 * `npm start` without an Electron binary says so in one sentence and exits 1; with one, it runs it on the
 * project and forwards the exit code. Each case runs a copy of start.mjs in a throwaway project, so the
 * result does not depend on whether this machine has Electron.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const repo = join(__dirname, '..');

function project(t: { after: (fn: () => void) => void }, { built = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-start-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(repo, 'scripts/start.mjs'), join(dir, 'scripts/start.mjs'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', main: 'dist/app/main.js' }));
  if (built) {
    mkdirSync(join(dir, 'dist/app'), { recursive: true });
    writeFileSync(join(dir, 'dist/app/main.js'), '');
  }
  // The real electron package files, as npm leaves them when its install script is blocked: no path.txt, no dist/.
  const pkg = join(dir, 'node_modules/electron');
  mkdirSync(pkg, { recursive: true });
  for (const f of ['package.json', 'index.js', 'install.js']) copyFileSync(join(repo, 'node_modules/electron', f), join(pkg, f));
  return { dir, pkg };
}

function run(dir: string) {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [join(dir, 'scripts/start.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
}

test('without the Electron binary: one sentence, exit code 1, no stack trace, no download attempt', (t) => {
  const { dir } = project(t);
  const r = run(dir);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^Certbench could not start Electron: its binary is not installed .*`npm run web`.*\.$/);
  assert.doesNotMatch(r.stderr, /\n\s+at |Error:|Downloading/);
});

test('without the electron package at all: the same sentence', (t) => {
  const { dir, pkg } = project(t);
  rmSync(pkg, { recursive: true });
  const r = run(dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^Certbench could not start Electron: its binary is not installed/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('with a binary: runs it on the project root and forwards its exit code', { skip: process.platform === 'win32' }, (t) => {
  const { dir, pkg } = project(t);
  mkdirSync(join(pkg, 'dist'));
  const stub = join(pkg, 'dist/electron');
  writeFileSync(stub, `#!/bin/sh\necho "stub electron $1"\necho "run-as-node=\${ELECTRON_RUN_AS_NODE:-unset}"\nexit 7\n`);
  chmodSync(stub, 0o755);
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  const r = spawnSync(process.execPath, [join(dir, 'scripts/start.mjs')], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  assert.equal(r.status, 7, r.stderr);
  assert.equal(r.stdout, `stub electron ${dir}\nrun-as-node=unset\n`);
});

test('with a binary but no build: says to build, exit code 1', { skip: process.platform === 'win32' }, (t) => {
  const { dir, pkg } = project(t, { built: false });
  mkdirSync(join(pkg, 'dist'));
  writeFileSync(join(pkg, 'dist/electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(pkg, 'dist/electron'), 0o755);
  writeFileSync(join(pkg, 'path.txt'), 'electron');
  const r = run(dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^Certbench is not built yet .*`npm run build`/);
});

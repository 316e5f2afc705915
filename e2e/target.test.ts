/** E2E_TARGET: web by default, electron on request, refused clearly when Electron's binary is not installed. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { e2eHookSetup } from '../app/e2e-hooks';
import { e2eTarget, ELECTRON_MISSING, electronBinary, electronLaunch, nodeElectronLookup, type ElectronLookup } from './target';

const ROOT = join(__dirname, '..');
const NOW = new Date('2026-11-24T12:00:00Z');

const lookup = (files: Record<string, string>, env: NodeJS.ProcessEnv = {}, packageDir: string | null = '/p/node_modules/electron'): ElectronLookup => ({
  packageDir,
  env,
  exists: (p) => p in files,
  readText: (p) => files[p] ?? null,
});

test('the target: web unless E2E_TARGET=electron; anything else is an error naming the choices', () => {
  assert.equal(e2eTarget({}), 'web');
  assert.equal(e2eTarget({ E2E_TARGET: '' }), 'web');
  assert.equal(e2eTarget({ E2E_TARGET: 'web' }), 'web');
  assert.equal(e2eTarget({ E2E_TARGET: ' Electron ' }), 'electron');
  assert.throws(() => e2eTarget({ E2E_TARGET: 'electorn' }), /E2E_TARGET="electorn" is not a target: use "web" \(the default\) or "electron"/);
});

test('the binary is found as the electron package finds it: path.txt under dist/, or ELECTRON_OVERRIDE_DIST_PATH', () => {
  const linux = '/p/node_modules/electron/dist/electron';
  assert.equal(electronBinary(lookup({ '/p/node_modules/electron/path.txt': 'electron\n', [linux]: '' })), linux);
  const mac = '/p/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron';
  assert.equal(electronBinary(lookup({ '/p/node_modules/electron/path.txt': 'Electron.app/Contents/MacOS/Electron', [mac]: '' })), mac);
  assert.equal(electronBinary(lookup({ '/opt/e/electron': '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' })), '/opt/e/electron');
  // What npm 11 leaves here: the package without its download (no path.txt), or path.txt without dist/.
  assert.equal(electronBinary(lookup({})), null);
  assert.equal(electronBinary(lookup({ '/p/node_modules/electron/path.txt': 'electron' })), null);
  assert.equal(electronBinary(lookup({}, {}, null)), null);
});

test('launching without a binary fails with one clear sentence, before anything starts', () => {
  assert.throws(() => electronLaunch('/p', '/tmp/data', lookup({}), NOW), (e: Error) => e.message === ELECTRON_MISSING);
  assert.match(ELECTRON_MISSING, /^Electron is not installed on this machine/);
});

test('with a binary: the built main in Electron, the test\'s data folder as userData, main\'s e2e hooks on with the e2e clock, ELECTRON_RUN_AS_NODE dropped', () => {
  const files = { '/p/node_modules/electron/path.txt': 'electron', '/p/node_modules/electron/dist/electron': '', '/p/dist/app/main.js': '' };
  const launch = electronLaunch('/p', '/tmp/data', lookup(files, { PATH: '/bin', ELECTRON_RUN_AS_NODE: '1', CERTBENCH_E2E_HOOKS: '0' }), NOW);
  assert.deepEqual(launch, {
    executablePath: '/p/node_modules/electron/dist/electron',
    args: ['/p/dist/app/main.js', '--user-data-dir=/tmp/data'],
    env: { PATH: '/bin', CERTBENCH_E2E_HOOKS: '1', CERTBENCH_E2E_NOW: '2026-11-24T12:00:00.000Z' },
  });
  // What main makes of that environment (app/e2e-hooks.ts): hooks on, its clock the e2e clock.
  assert.equal(e2eHookSetup(launch.env, false)!.now!().toISOString(), NOW.toISOString());
  const { '/p/dist/app/main.js': _, ...unbuilt } = files;
  assert.throws(() => electronLaunch('/p', '/tmp/data', lookup(unbuilt), NOW), /npm run build/);
});

test('this machine, for real: the electron package is installed without its binary, so the electron target refuses', () => {
  const real = nodeElectronLookup(ROOT, {});
  assert.ok(real.packageDir && existsSync(real.packageDir), 'the electron package is a dev dependency');
  const binary = electronBinary(real);
  if (binary === null) assert.throws(() => electronLaunch(ROOT, '/tmp/x', real, NOW), (e: Error) => e.message === ELECTRON_MISSING);
  else assert.ok(existsSync(binary), 'a machine with Electron: the path is real');
});

test('playwright.config.ts itself: E2E_TARGET=electron stops with that sentence here; a misspelt target is refused', () => {
  const list = (target: string) => spawnSync(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--list', '--config', join(ROOT, 'playwright.config.ts')], { cwd: ROOT, env: { ...process.env, E2E_TARGET: target }, encoding: 'utf8', timeout: 60_000 });
  const electron = list('electron');
  if (electronBinary(nodeElectronLookup(ROOT)) === null) {
    assert.equal(electron.status, 1);
    assert.ok(electron.stdout.concat(electron.stderr).includes(ELECTRON_MISSING));
  } else assert.equal(electron.status, 0, electron.stderr);
  const typo = list('electorn');
  assert.equal(typo.status, 1);
  assert.match(typo.stdout + typo.stderr, /E2E_TARGET="electorn" is not a target/);
});

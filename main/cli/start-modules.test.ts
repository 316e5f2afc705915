/**
 * What the command line loads before it works: the CLI bundle, built as scripts/build.mjs builds it, lists and
 * converts a keystore without compiling Node's network and worker modules (lazy-builtins.ts) or acme-client
 * (kept external and required only by an ACME step). Each of those cost every short command its start time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { fixture, ROOT } from '../../test/helpers/fixtures';

const NOT_AT_START = ['http', 'https', 'tls', 'net', 'worker_threads', 'os'];

/** The built-in modules (and acme-client, if required) the bundle loaded in a run of `argv`. */
async function modulesLoaded(dir: string, argv: string[]): Promise<string[]> {
  const bundle = join(dir, 'cli-engine.js');
  await build({ entryPoints: [join(ROOT, 'main/cli.ts')], outfile: bundle, external: ['acme-client'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  const probe = join(dir, 'probe.js');
  writeFileSync(
    probe,
    `const Module = require('node:module');
const load = Module._load;
const loaded = new Set();
Module._load = function (request, ...rest) { if (request === 'acme-client') loaded.add('acme-client'); return load.call(this, request, ...rest); };
process.on('exit', () => {
  for (const m of process.moduleLoadList) if (m.startsWith('NativeModule ')) loaded.add(m.slice('NativeModule '.length));
  require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.json'))}, JSON.stringify([...loaded]));
});`,
  );
  // Output to files, as a pipe would load node:net for process.stdout itself.
  const out = join(dir, 'out.txt');
  const fd = openSync(out, 'w');
  try {
    const r = spawnSync(process.execPath, ['-r', probe, bundle, ...argv], { stdio: ['ignore', fd, fd], cwd: dir });
    assert.equal(r.status, 0, readFileSync(out, 'utf8'));
  } finally {
    closeSync(fd);
  }
  return JSON.parse(readFileSync(join(dir, 'loaded.json'), 'utf8')) as string[];
}

test('inspect and convert of a JKS load no network, worker or ACME module', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-start-'));
  try {
    const jks = fixture('keystores', 'server.jks');
    for (const argv of [
      ['inspect', jks, '--password', 'changeit-store', '--json'],
      ['convert', jks, '--to', 'jks', '--out', join(dir, 'copy.jks'), '--password', 'changeit-store', '--out-password', 'changeit-store'],
    ]) {
      const loaded = await modulesLoaded(dir, argv);
      assert.ok(loaded.includes('crypto'), `the probe sees what was loaded: ${loaded.join(' ')}`);
      assert.deepEqual(NOT_AT_START.filter((m) => loaded.includes(m)).concat(loaded.filter((m) => m === 'acme-client')), [], argv[0]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

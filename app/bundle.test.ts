/**
 * The app/ esbuild entries build, and the sandboxed preload is one file whose only require is 'electron'
 * (a sandboxed preload cannot load anything else). Built in memory: nothing is written.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { appBuildOptions } from '../scripts/build-app.mjs';

const root = join(__dirname, '..');

async function bundle(entry: string) {
  const options = appBuildOptions(root).find((o) => String(o.outfile).endsWith(entry));
  assert.ok(options, entry);
  const result = await build({ ...options, write: false, logLevel: 'silent' });
  assert.equal(result.outputFiles.length, 1);
  const text = result.outputFiles[0]!.text;
  return { options, text, requires: [...new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort() };
}

test('entries: app/main.ts → dist/app/main.js and app/preload.ts → dist/app/preload.js, cjs, electron external', () => {
  const options = appBuildOptions(root);
  assert.deepEqual(options.map((o) => [String(o.outfile).slice(root.length + 1), o.format, o.bundle, o.external]), [
    ['dist/app/main.js', 'cjs', true, ['electron']],
    ['dist/app/preload.js', 'cjs', true, ['electron']],
  ]);
});

test('the preload bundle requires electron and nothing else', async () => {
  const { requires, text } = await bundle('dist/app/preload.js');
  assert.deepEqual(requires, ['electron']);
  assert.match(text, /exposeInMainWorld/);
});

test('the main bundle requires only electron and Node built-ins', async () => {
  const { requires } = await bundle('dist/app/main.js');
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  assert.deepEqual(requires.filter((r) => r !== 'electron' && !builtins.has(r)), []);
  assert.ok(requires.includes('electron'));
});

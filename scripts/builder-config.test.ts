/** electron-builder.yml passes its schema and Certbench's packaging rules; each rule catches a broken config. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBuilderConfig, DOCUMENT_EXTENSIONS, loadBuilderConfig } from './check-builder-config.mjs';

const mutate = (change: (c: any) => void) => {
  const config = loadBuilderConfig();
  change(config);
  return checkBuilderConfig({ config });
};

test('electron-builder.yml has no problems', async () => {
  assert.deepEqual(await checkBuilderConfig(), []);
});

test('the real config associates every document type as a Viewer', () => {
  const exts = loadBuilderConfig().fileAssociations.flatMap((a: { ext: string | string[] }) => a.ext);
  assert.deepEqual([...exts].sort(), [...DOCUMENT_EXTENSIONS].sort());
});

test('a fuse left open is reported', async () => {
  const problems = await mutate((c) => (c.electronFuses.runAsNode = true));
  assert.ok(problems.some((p) => p.includes('electronFuses.runAsNode')), problems.join('\n'));
});

test('a missing fuse is reported', async () => {
  const problems = await mutate((c) => delete c.electronFuses.onlyLoadAppFromAsar);
  assert.ok(problems.some((p) => p.includes('electronFuses.onlyLoadAppFromAsar')), problems.join('\n'));
});

test('packaging e2e, tests or fixtures is reported', async () => {
  const problems = await mutate((c) => c.files.push('e2e/**', 'test/**', 'dist/**'));
  for (const p of ['e2e/web.ts', 'test/fixtures/server.pem', 'dist/e2e/web.js', 'dist/main/cli.js']) {
    assert.ok(problems.includes(`files must not include ${p}`), `${p}: ${problems.join('\n')}`);
  }
});

test('dropping the renderer from files is reported', async () => {
  const problems = await mutate((c) => (c.files = c.files.filter((p: string) => p !== 'dist/renderer/**')));
  assert.ok(problems.includes('files must include dist/renderer/index.html'), problems.join('\n'));
});

test('a missing association or a wrong role is reported', async () => {
  const problems = await mutate((c) => {
    c.fileAssociations = c.fileAssociations.filter((a: { ext: unknown }) => a.ext !== 'csr');
    c.fileAssociations[0].role = 'Editor';
  });
  assert.ok(problems.includes('fileAssociations must cover .csr'), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('must have role Viewer')), problems.join('\n'));
});

test('unknown keys fail electron-builder’s own schema', async () => {
  const problems = await mutate((c) => (c.includeSubNodeModules = false));
  assert.ok(problems.some((p) => p.startsWith('electron-builder schema:')), problems.join('\n'));
});

test('targets, hardened runtime and pinned electron version are checked', async () => {
  const problems = await mutate((c) => {
    c.win.target = ['nsis'];
    c.mac.hardenedRuntime = false;
    c.linux.target = 'deb';
    c.electronVersion = '44.0.0';
  });
  for (const m of ['win.target must include portable', 'mac.hardenedRuntime must be true', 'linux.target must include AppImage']) {
    assert.ok(problems.includes(m), `${m}: ${problems.join('\n')}`);
  }
  assert.ok(problems.some((p) => p.startsWith('electronVersion 44.0.0 differs')), problems.join('\n'));
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { aboutLines } from './about';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string; license: string };

test('About names the version, Electron, Chromium and Node, and the licence from package.json', () => {
  const lines = aboutLines({ name: 'Certbench', version: pkg.version, versions: { electron: '45.4.1', chrome: '142.0.7444.0', node: '22.20.0' }, license: pkg.license });
  assert.deepEqual(lines.slice(0, 2), [`Certbench ${pkg.version}`, 'Electron 45.4.1 · Chromium 142.0.7444.0 · Node 22.20.0']);
  assert.match(lines[2], /^License: /);
  if (pkg.license === 'UNLICENSED') assert.equal(lines[2], 'License: proprietary, all rights reserved');
  else assert.equal(lines[2], `License: ${pkg.license}`);
  assert.equal(aboutLines({ name: 'X', version: '1', versions: {}, license: 'MIT' }).join('\n'), 'X 1\nElectron unknown · Chromium unknown · Node unknown\nLicense: MIT');
});

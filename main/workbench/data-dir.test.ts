/** The CLI and web host find the desktop app's data folder (Electron's appData + productName) on each platform. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultDataDir, desktopDataDir } from './data-dir';
import packageJson from '../../package.json';

test('data folder: Electron userData per platform (appData + productName), CERTBENCH_DATA_DIR first', () => {
  assert.equal(packageJson.productName, 'Certbench', 'Electron names userData after productName');
  assert.equal(desktopDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'), join('C:\\Users\\ana\\AppData\\Roaming', 'Certbench'));
  assert.equal(desktopDataDir('darwin', {}, '/Users/ana'), join('/Users/ana', 'Library', 'Application Support', 'Certbench'));
  assert.equal(desktopDataDir('linux', {}, '/home/ana'), join('/home/ana', '.config', 'Certbench'));
  assert.equal(desktopDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana'), join('/xdg', 'Certbench'));
  assert.equal(defaultDataDir({ CERTBENCH_DATA_DIR: '/tmp/mine' }), '/tmp/mine');
  assert.equal(defaultDataDir({}), desktopDataDir(process.platform, {}));
});

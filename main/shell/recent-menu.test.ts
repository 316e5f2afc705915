import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recentLabels } from './recent-menu';

test('file names, with the folder only where two share a name', () => {
  assert.deepEqual(recentLabels(['/srv/a/shop.pfx', '/srv/b/shop.pfx', '/home/me/root.crt'], 'linux'), ['shop.pfx — a', 'shop.pfx — b', 'root.crt']);
});

test('Windows paths, names compared without case there and on macOS but not on Linux', () => {
  assert.deepEqual(recentLabels(['C:\\certs\\Shop.pfx', 'D:\\old\\shop.PFX'], 'win32'), ['Shop.pfx — certs', 'shop.PFX — old']);
  assert.deepEqual(recentLabels(['/a/Shop.pfx', '/b/shop.pfx'], 'darwin'), ['Shop.pfx — a', 'shop.pfx — b']);
  assert.deepEqual(recentLabels(['/a/Shop.pfx', '/b/shop.pfx'], 'linux'), ['Shop.pfx', 'shop.pfx']);
});

test('& is doubled so it is not read as an access key', () => {
  assert.deepEqual(recentLabels(['/x/R&D keys.jks'], 'linux'), ['R&&D keys.jks']);
  assert.deepEqual(recentLabels([], 'linux'), []);
  assert.deepEqual(recentLabels(['/k.pem', '/sub/k.pem'], 'linux'), ['k.pem — /', 'k.pem — sub']);
});

/** Which URLs count as the app's own origin, and which permissions it may use (almost none). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ENTRY_URL, isAppUrl, isPermissionAllowed } from './origin';

test('only app://certbench is the app', () => {
  assert.equal(APP_ENTRY_URL, 'app://certbench/index.html');
  assert.ok(isAppUrl('app://certbench/index.html'));
  assert.ok(isAppUrl('app://certbench'));
  for (const url of ['app://certbench.evil/index.html', 'app://other/', 'https://certbench/', 'file:///index.html', 'http://127.0.0.1:5173/', 'about:blank', '', null, undefined, 'garbage']) {
    assert.equal(isAppUrl(url), false, String(url));
  }
});

test('permissions: all denied, except clipboard write from the app itself', () => {
  assert.ok(isPermissionAllowed('clipboard-sanitized-write', 'app://certbench'));
  assert.ok(isPermissionAllowed('clipboard-sanitized-write', 'app://certbench/index.html'));
  assert.equal(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com'), false);
  assert.equal(isPermissionAllowed('clipboard-sanitized-write', undefined), false);
  for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'unknown']) {
    assert.equal(isPermissionAllowed(p, 'app://certbench'), false, p);
  }
});

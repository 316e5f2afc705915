/** IPC sender check: only the window's own main frame, showing app://certbench, is trusted. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTrustedSender, type FrameLike } from './sender';

function setup(url = 'app://certbench/index.html') {
  const mainFrame: FrameLike = { url, parent: null };
  const webContents = { mainFrame };
  let destroyed = false;
  const win = { webContents, isDestroyed: () => destroyed, destroy: () => (destroyed = true) };
  return { mainFrame, webContents, win };
}

test('the main frame of our window on app://certbench is trusted', () => {
  const { mainFrame, webContents, win } = setup();
  assert.equal(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, win), true);
});

test('a subframe, another web contents, a foreign origin, no frame or no window are not', () => {
  const { mainFrame, webContents, win } = setup();
  const child: FrameLike = { url: 'app://certbench/index.html', parent: mainFrame };
  assert.equal(isTrustedSender({ sender: webContents, senderFrame: child }, win), false);
  assert.equal(isTrustedSender({ sender: { mainFrame }, senderFrame: mainFrame }, win), false);
  assert.equal(isTrustedSender({ sender: webContents, senderFrame: null }, win), false);
  assert.equal(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, null), false);
  for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'about:blank']) {
    const s = setup(url);
    assert.equal(isTrustedSender({ sender: s.webContents, senderFrame: s.mainFrame }, s.win), false, url);
  }
  // A frame object that is not the window's current main frame (e.g. after a navigation) is refused too.
  assert.equal(isTrustedSender({ sender: webContents, senderFrame: { url: mainFrame.url, parent: null } }, win), false);
  win.destroy();
  assert.equal(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, win), false);
});

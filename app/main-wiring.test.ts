/**
 * app/main.ts wired end to end under Node: bundled with the real build options against a fake 'electron'
 * (app/testing/fake-electron.ts), driven through what Electron would do (ready, IPC from the window,
 * protocol requests, open-file, second-instance), with the real workbench and real fixture files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { API_METHODS } from '../main/api/contract';
import { startFakeApp } from './testing/load-with-fake';

const fixture = (name: string) => join(__dirname, '..', 'test/fixtures/x509', name);
let dir = '';
let fake: any;
let win: any;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), 'timed out');
};
const fromWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const invoke = (channel: string, event: unknown, request?: unknown) => fake.recorded.ipcHandlers.get(channel)(event, request);
const docNames = (state: any) => state.documents.map((d: any) => d.name).sort();

before(async () => {
  const started = await startFakeApp([fixture('chain.pem'), '--inspect-brk=0', 'does-not-exist.pem']);
  dir = started.dir;
  fake = started.fake;
  // macOS may deliver a double-clicked file before 'ready'.
  const openFile = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  fake.app.emit('open-file', openFile, fixture('ec.csr'));
  assert.ok(openFile.defaultPrevented);
  fake.app.becomeReady();
  await until(() => fake.recorded.windows.length === 1);
  win = fake.recorded.windows[0];
  started.restoreArgv();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('before ready: single instance lock, sandbox for all renderers, app:// registered standard + secure', () => {
  assert.deepEqual(fake.recorded.calls.slice(0, 2), ['requestSingleInstanceLock', 'enableSandbox']);
  assert.deepEqual(fake.recorded.privilegedSchemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
});

test('one hardened window loading app://certbench with the bundled preload', () => {
  const prefs = win.options.webPreferences;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.spellcheck, false);
  assert.equal(prefs.preload, join(dir, 'app', 'preload.js'));
  assert.equal(win.loadedUrl, 'app://certbench/index.html');
});

test('window.open, navigation and webviews are refused', () => {
  assert.deepEqual(win.webContents.windowOpenHandler({ url: 'https://example.com' }), { action: 'deny' });
  for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    let prevented = false;
    win.webContents.emit(name, { preventDefault: () => (prevented = true), url: 'https://example.com' });
    assert.ok(prevented, name);
  }
  let sub = false;
  win.webContents.emit('will-frame-navigate', { isMainFrame: false, preventDefault: () => (sub = true) });
  assert.ok(sub, 'subframe navigation');
  assert.deepEqual(fake.recorded.openedExternally, [], 'nothing off the allowlist reached the system browser');
});

test("an https link to Let's Encrypt from the app's page opens in the system browser; nothing else does", () => {
  const opened = fake.recorded.openedExternally as string[];
  opened.length = 0;
  const terms = 'https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf';
  // target=_blank (the ACME page's terms link): the new window is still refused.
  assert.deepEqual(win.webContents.windowOpenHandler({ url: terms }), { action: 'deny' });
  for (const url of ['http://letsencrypt.org/', 'https://letsencrypt.org.evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
    assert.deepEqual(win.webContents.windowOpenHandler({ url }), { action: 'deny' });
  }
  // A plain link navigating the main frame: prevented either way.
  let prevented = 0;
  for (const url of ['https://letsencrypt.org/docs/', 'https://example.com/']) {
    win.webContents.emit('will-navigate', { preventDefault: () => prevented++, url });
  }
  assert.equal(prevented, 2);
  assert.deepEqual(opened, [terms, 'https://letsencrypt.org/docs/']);
  // A contents not showing our page (whatever it is) opens nothing.
  const saved = win.webContents.mainFrame;
  win.webContents.mainFrame = { url: 'https://evil.example/', parent: null };
  try {
    assert.deepEqual(win.webContents.windowOpenHandler({ url: terms }), { action: 'deny' });
  } finally {
    win.webContents.mainFrame = saved;
  }
  assert.equal(opened.length, 2);
});

test('permissions are denied, except clipboard write from the app', () => {
  const answers: boolean[] = [];
  fake.recorded.permissionRequest({}, 'media', (v: boolean) => answers.push(v), { requestingUrl: 'app://certbench/index.html' });
  fake.recorded.permissionRequest({}, 'notifications', (v: boolean) => answers.push(v), { requestingUrl: 'app://certbench/index.html' });
  assert.deepEqual(answers, [false, false]);
  assert.equal(fake.recorded.permissionCheck({}, 'clipboard-read', 'app://certbench', {}), false);
  assert.equal(fake.recorded.permissionCheck({}, 'clipboard-sanitized-write', 'app://certbench', {}), true);
  assert.equal(fake.recorded.permissionCheck({}, 'clipboard-sanitized-write', 'https://evil.example', {}), false);
  assert.equal(fake.recorded.devicePermission({}), false);
});

test('IPC: one channel per API method plus the open dialog and dropped files', () => {
  assert.deepEqual([...fake.recorded.ipcHandlers.keys()].sort(), [...API_METHODS.map((m) => `certbench:${m}`), 'certbench:pickFiles', 'certbench:grantFiles', 'certbench:pickFolder', 'certbench:pickWatchFolder'].sort());
});

test('files from argv and from open-file before ready are open when the window first asks', async () => {
  const r = await invoke('certbench:documents.list', fromWindow(), {});
  assert.equal(r.ok, true);
  assert.deepEqual(docNames(r.value), ['chain.pem', 'ec.csr']);
});

test('calls from the window reach the workbench; bad requests come back as INVALID_ARGUMENT', async () => {
  const info = await invoke('certbench:app.info', fromWindow(), {});
  assert.deepEqual(info, { ok: true, value: { name: 'Certbench', version: '0.1.0-test', shell: 'electron', platform: process.platform, outputFolder: null } });
  const bad = await invoke('certbench:documents.openPaths', fromWindow(), { paths: 'not-a-list' });
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'INVALID_ARGUMENT');
});

test('user CSR templates live in Electron\'s userData folder', async () => {
  const spec = { subject: [{ type: 'CN', value: 'wired.example' }], san: [], cnAsSan: true, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' };
  const saved = await invoke('certbench:csr.saveTemplate', fromWindow(), { name: 'Wired', spec, key: 'ec:P-256' });
  assert.equal(saved.ok, true, JSON.stringify(saved));
  assert.ok(fake.recorded.calls.includes('getPath:userData'));
  assert.match(readFileSync(join(fake.recorded.userData, 'csr-templates.json'), 'utf8'), /wired\.example/);
});

test('calls from anything but the window’s main frame on app:// are refused before the workbench', async () => {
  const child = { url: 'app://certbench/index.html', parent: win.webContents.mainFrame };
  for (const event of [
    { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
    { sender: win.webContents, senderFrame: child },
    { sender: {}, senderFrame: win.webContents.mainFrame },
    { sender: win.webContents, senderFrame: null },
  ]) {
    const r = await invoke('certbench:documents.closeAll', event, {});
    assert.equal(r.ok, false);
    assert.match(r.error.message, /did not come from the Certbench window/);
    assert.deepEqual(await invoke('certbench:pickFiles', event), []);
    assert.deepEqual(await invoke('certbench:grantFiles', event, [fixture('leaf.pem')]), []);
  }
  const still = await invoke('certbench:documents.list', fromWindow(), {});
  assert.equal(still.value.documents.length, 2, 'closeAll from an untrusted sender must not have run');
});

test('pickFiles returns the dialog’s paths, [] when cancelled', async () => {
  fake.recorded.dialogResult = { canceled: false, filePaths: ['/a.pem', '/b.pfx'] };
  assert.deepEqual(await invoke('certbench:pickFiles', fromWindow()), ['/a.pem', '/b.pfx']);
  fake.recorded.dialogResult = { canceled: true, filePaths: [] };
  assert.deepEqual(await invoke('certbench:pickFiles', fromWindow()), []);
});

test('pickFolder: the chosen folder becomes one the workbench writes into; cancelled or from elsewhere, nothing is granted', async () => {
  const out = mkdtempSync(join(tmpdir(), 'pick-folder-'));
  fake.recorded.dialogResult = { canceled: true, filePaths: [] };
  assert.equal(await invoke('certbench:pickFolder', fromWindow()), null);
  fake.recorded.dialogResult = { canceled: false, filePaths: [out] };
  assert.equal(await invoke('certbench:pickFolder', { sender: {}, senderFrame: win.webContents.mainFrame }), null, 'an untrusted sender gets nothing');
  const info = await invoke('certbench:app.info', fromWindow(), {});
  assert.equal(info.value.outputFolder, null, 'the desktop app has no default output folder');
  assert.equal(await invoke('certbench:pickFolder', fromWindow()), out);
  const state = await invoke('certbench:documents.list', fromWindow(), {});
  const source = { documentIds: state.value.documents.map((d: { id: string }) => d.id) };
  const written = await invoke('certbench:convert.run', fromWindow(), { source, target: 'fullchain', destination: { folder: out } });
  assert.equal(written.ok, true, JSON.stringify(written));
  assert.ok(written.value.written.every((w: { path: string }) => w.path.startsWith(out)));
});

test('pickWatchFolder: the chosen folder may be watched (read), never written into; cancelled or from elsewhere, nothing is granted', async () => {
  const watched = mkdtempSync(join(tmpdir(), 'pick-watch-'));
  const add = () => invoke('certbench:expiry.addTargets', fromWindow(), { targets: [{ kind: 'folder', location: watched }] });
  fake.recorded.dialogResult = { canceled: true, filePaths: [] };
  assert.equal(await invoke('certbench:pickWatchFolder', fromWindow()), null);
  fake.recorded.dialogResult = { canceled: false, filePaths: [watched] };
  assert.equal(await invoke('certbench:pickWatchFolder', { sender: {}, senderFrame: win.webContents.mainFrame }), null, 'an untrusted sender gets nothing');
  const refused = await add();
  assert.equal(refused.ok, false, 'not chosen yet');
  assert.equal(await invoke('certbench:pickWatchFolder', fromWindow()), watched);
  const added = await add();
  assert.equal(added.ok, true, JSON.stringify(added));
  assert.ok(added.value.targets.some((t: { location: string }) => t.location === watched));
  const state = await invoke('certbench:documents.list', fromWindow(), {});
  const source = { documentIds: state.value.documents.map((d: { id: string }) => d.id) };
  const written = await invoke('certbench:convert.run', fromWindow(), { source, target: 'fullchain', destination: { folder: watched } });
  assert.equal(written.ok, false, 'a watched folder is not one Certbench writes into');
});

test('a second launch with a file opens it, focuses the window and tells the renderer', async () => {
  win.webContents.sent.length = 0;
  fake.app.emit('second-instance', {}, ['/usr/bin/electron', dir, '--original-process-start-time=1', 'host-new.csr'], join(__dirname, '..', 'test/fixtures/x509'));
  await until(() => win.webContents.sent.length > 0);
  const { channel, payload } = win.webContents.sent.at(-1);
  assert.equal(channel, 'certbench:event:documents.changed');
  assert.deepEqual(docNames(payload), ['chain.pem', 'ec.csr', 'host-new.csr']);
  assert.ok(fake.recorded.calls.includes('focus'));
});

test('File > Open… opens the chosen files through the same path', async () => {
  const file = fake.recorded.menuTemplate.find((m: any) => m.label === 'File');
  const open = file.submenu.find((i: any) => i.label === 'Open…');
  assert.equal(open.accelerator, 'CmdOrCtrl+O');
  win.webContents.sent.length = 0;
  fake.recorded.dialogResult = { canceled: false, filePaths: [fixture('chain.p7b')] };
  open.click();
  await until(() => win.webContents.sent.length > 0);
  assert.ok(docNames(win.webContents.sent.at(-1).payload).includes('chain.p7b'));
});

test('the menu has Edit roles and, in development only, reload and DevTools', () => {
  const menu = fake.recorded.menuTemplate;
  const roles = (label: string) => menu.find((m: any) => m.label === label).submenu.map((i: any) => i.role).filter(Boolean);
  assert.ok(['copy', 'paste', 'cut', 'selectAll'].every((r) => roles('Edit').includes(r)));
  assert.ok(roles('View').includes('reload') && roles('View').includes('toggleDevTools'), 'dev build (not packaged)');
  assert.ok(menu.some((m: any) => m.role === 'help'));
});

test('the app:// protocol serves the renderer with the CSP and refuses traversal', async () => {
  const handle = fake.recorded.protocolHandlers.get('app');
  const ok = await handle(new Request('app://certbench/index.html'));
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get('content-security-policy'), /^default-src 'self'; .*frame-ancestors 'none'$/);
  assert.equal((await handle(new Request('app://certbench/..%2fapp%2fmain.js'))).status, 403);
  assert.equal((await handle(new Request('app://certbench/missing.js'))).status, 404);
});

test('macOS: a file opened while no window is open brings a new window with it', async () => {
  win.destroyed = true;
  win.emit('closed');
  const openFile = { preventDefault() {} };
  fake.app.emit('open-file', openFile, fixture('chain-der.p7b'));
  await until(() => fake.recorded.windows.length === 2);
  const second = fake.recorded.windows[1];
  assert.equal(second.loadedUrl, 'app://certbench/index.html');
  const r = await invoke('certbench:documents.list', { sender: second.webContents, senderFrame: second.webContents.mainFrame }, {});
  assert.ok(docNames(r.value).includes('chain-der.p7b'));
  // The old window's contents are no longer trusted.
  assert.equal((await invoke('certbench:documents.list', fromWindow(), {})).ok, false);
});

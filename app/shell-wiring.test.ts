/**
 * The native behaviours of app/main.ts under the fake electron, from a data folder seeded as a previous
 * session left it: window state restored (or centered when its display is gone), File > Open Recent and
 * Clear, Paste PEM from main's clipboard, About, and at quit the window state written, the open keys sealed
 * by safeStorage (the setting is on) and reopened by the next start.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { aboutLines } from '../main/shell/about';
import { EnvelopeSealer } from '../main/workbench/envelope-sealer';
import { REMEMBER_SETTING_NAME, RememberedKeys, SEALED_KEYS_NAME } from '../main/workbench/remembered-keys';
import { startFakeApp } from './testing/load-with-fake';

const fixture = (name: string) => join(__dirname, '..', 'test/fixtures/x509', name);
const userData = mkdtempSync(join(tmpdir(), 'certbench-shell-'));
const PREFIX = 'fake-safe-storage:'; // the fake's safeStorage (app/testing/fake-electron.ts)
const fakeSafeStorage = new EnvelopeSealer({
  description: 'fake',
  available: () => true,
  wrap: (s) => Buffer.from(PREFIX + s),
  unwrap: (b) => Buffer.from(b).toString().slice(PREFIX.length),
});
let dir = '';
let fake: any;
let win: any;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), 'timed out');
};
/** The list on disk, once the save that follows a menu change has landed (null while it is being written). */
const recentOnDisk = (): string[] | null => {
  try {
    return JSON.parse(readFileSync(join(userData, 'recent-files.json'), 'utf8')).paths;
  } catch {
    return null;
  }
};
const sameList = (a: string[] | null, b: string[]) => JSON.stringify(a) === JSON.stringify(b);
const fromWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const invoke = (channel: string, request?: unknown) => fake.recorded.ipcHandlers.get(channel)(fromWindow(), request);
const docNames = async () => (await invoke('certbench:documents.list', {})).value.documents.map((d: any) => d.name);
const menu = (label: string) => fake.recorded.menuTemplate.find((m: any) => m.label === label || m.role === label);
const fileItem = (label: string) => menu('File').submenu.find((i: any) => i.label === label);
const recentItems = () => fileItem('Open Recent').submenu;

before(async () => {
  // The previous session: the window maximized on a monitor that is no longer plugged in, two recent files
  // (one deleted since), and "remember keys" on with one key sealed.
  writeFileSync(join(userData, 'window-state.json'), JSON.stringify({ bounds: { x: 2500, y: 100, width: 1500, height: 900 }, maximized: true }));
  writeFileSync(join(userData, 'recent-files.json'), JSON.stringify({ version: 1, paths: [join(userData, 'deleted.pem'), fixture('inter.pem')] }));
  const previous = new RememberedKeys(userData, fakeSafeStorage);
  await previous.setEnabled(true);
  const pkcs8 = new Uint8Array(Buffer.from(readFileSync(fixture('leaf.key'), 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  await previous.save([{ name: 'leaf.key', keys: [pkcs8] }]);

  process.env.FAKE_ELECTRON_USER_DATA = userData;
  const started = await startFakeApp();
  started.restoreArgv();
  dir = started.dir;
  fake = started.fake;
  fake.app.becomeReady();
  await until(() => fake.recorded.windows.length === 1);
  win = fake.recorded.windows[0];
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

test('the window keeps its saved size but is centered, its display being gone; maximized again once painted', () => {
  const o = win.options;
  assert.equal(o.center, true);
  assert.equal(o.x, undefined);
  assert.deepEqual([o.width, o.height, o.minWidth, o.minHeight], [1500, 900, 900, 600]);
  assert.ok(!fake.recorded.calls.includes('maximize'));
  win.emit('ready-to-show');
  assert.ok(fake.recorded.calls.includes('maximize'));
});

test('remembered keys from the last session are open when the window first asks', async () => {
  assert.deepEqual(await docNames(), ['leaf.key']);
});

test('File menu: Open…, Open Recent, Paste PEM, a disabled Save, Close Window; Edit, View, Help > About', () => {
  const labels = menu('File').submenu.map((i: any) => i.label ?? i.type);
  assert.deepEqual(labels.filter((l: string) => l !== 'separator').slice(0, 5), ['Open…', 'Open Recent', 'Paste PEM', 'Save', 'Close Window']);
  assert.equal(fileItem('Save').enabled, false);
  assert.equal(fileItem('Save').accelerator, 'CmdOrCtrl+S');
  assert.ok(menu('Edit') && menu('View'));
  if (process.platform === 'darwin') assert.equal(fake.recorded.menuTemplate[0].label, 'Certbench');
  else assert.ok(menu('help').submenu.some((i: any) => i.label === 'About Certbench'));
});

test('Open Recent lists the files that still exist, and opens one', async () => {
  const items = recentItems();
  assert.deepEqual(items.map((i: any) => i.label ?? i.type), ['inter.pem', 'separator', 'Clear Recent']);
  assert.equal(items[0].toolTip, fixture('inter.pem'));
  items[0].click();
  await until(() => win.webContents.sent.some((s: any) => s.payload?.documents?.some((d: any) => d.name === 'inter.pem')));
});

test('a file opened by File > Open… goes to the top of Open Recent, on disk and (Windows/macOS) in the OS list', async () => {
  fake.recorded.dialogResult = { canceled: false, filePaths: [fixture('root.pem')] };
  fileItem('Open…').click();
  await until(() => recentItems()[0].label === 'root.pem');
  // The menu is rebuilt from memory at once; the file follows when its write lands.
  await until(() => sameList(recentOnDisk(), [fixture('root.pem'), fixture('inter.pem')]));
  const osList = process.platform === 'win32' || process.platform === 'darwin';
  assert.deepEqual(fake.recorded.recentDocuments, osList ? [fixture('inter.pem'), fixture('root.pem')] : []);
});

test('a file the page opens itself (its Open… through the bridge) goes to Open Recent too', async () => {
  fake.recorded.dialogResult = { canceled: false, filePaths: [fixture('ec.csr')] };
  const picked = await invoke('certbench:pickFiles');
  const r = await invoke('certbench:documents.openPaths', { paths: picked });
  assert.equal(r.ok, true);
  await until(() => recentItems()[0].label === 'ec.csr');
});

test('a file that fails to open is not added to Open Recent', async () => {
  const bad = join(userData, 'not-a-cert.pem');
  writeFileSync(bad, 'hello');
  fake.recorded.dialogResult = { canceled: false, filePaths: [bad] };
  win.webContents.sent.length = 0;
  fileItem('Open…').click();
  await until(() => win.webContents.sent.length > 0);
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(!recentItems().some((i: any) => i.toolTip === bad));
});

test('Clear Recent empties the menu and the list on disk', async () => {
  recentItems().at(-1).click();
  await until(() => recentItems()[0].label === 'No recent files');
  assert.equal(recentItems()[0].enabled, false);
  await until(() => sameList(recentOnDisk(), []));
  assert.deepEqual(fake.recorded.recentDocuments, []);
});

test('Paste PEM reads the clipboard in main and opens it as text; an empty clipboard says so instead', async () => {
  fake.recorded.clipboardText = readFileSync(fixture('leaf.pem'), 'utf8');
  fileItem('Paste PEM').click();
  await until(() => win.webContents.sent.some((s: any) => s.payload?.documents?.some((d: any) => d.name === 'Pasted text')));
  const pasted = (await invoke('certbench:documents.list', {})).value.documents.find((d: any) => d.name === 'Pasted text');
  assert.equal(pasted.status, 'ready');
  fake.recorded.clipboardText = '  \n';
  const before = (await docNames()).length;
  fileItem('Paste PEM').click();
  await until(() => fake.recorded.messageBoxes.length === 1);
  assert.equal(fake.recorded.messageBoxes[0].message, 'The clipboard holds no text.');
  assert.equal((await docNames()).length, before);
});

test('About: version, Electron, Chromium and Node versions, licence', async () => {
  assert.equal(fake.recorded.aboutPanel.applicationVersion, '0.1.0-test');
  assert.match(fake.recorded.aboutPanel.version, /^Electron unknown · Chromium unknown · Node \d+\.\d+\.\d+$/, 'plain Node has no electron/chrome versions');
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  assert.equal(fake.recorded.aboutPanel.copyright, aboutLines({ name: 'Certbench', version: '', versions: {}, license: pkg.license })[2], 'the licence is package.json\'s');
  if (process.platform === 'darwin') return;
  fake.recorded.messageBoxes.length = 0;
  menu('help').submenu[0].click();
  await until(() => fake.recorded.messageBoxes.length === 1);
  const box = fake.recorded.messageBoxes[0];
  assert.equal(box.title, 'About Certbench');
  assert.equal(box.message, 'Certbench 0.1.0-test');
  assert.match(box.detail, /Electron .* · Chromium .* · Node .*\nLicense: /);
});

test('closing writes the window state; quitting seals the open keys with safeStorage, and the next start finds them', async () => {
  win.normalBounds = { x: 40, y: 50, width: 1100, height: 700 };
  win.maximized = false;
  win.emit('close', { preventDefault() {} });
  // Open one more key, then quit.
  fake.recorded.dialogResult = { canceled: false, filePaths: [fixture('client-ed25519.key')] };
  fileItem('Open…').click();
  await until(() => win.webContents.sent.some((s: any) => s.payload?.documents?.some((d: any) => d.name === 'client-ed25519.key')));
  let prevented = false;
  fake.app.emit('will-quit', { preventDefault: () => (prevented = true) });
  assert.ok(prevented, 'quit waits for the work');
  await until(() => fake.recorded.calls.includes('quit'));
  assert.deepEqual(JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')), { bounds: { x: 40, y: 50, width: 1100, height: 700 }, maximized: false });
  assert.equal(statSync(join(userData, SEALED_KEYS_NAME)).mode & 0o777, 0o600);
  assert.ok(readFileSync(join(userData, SEALED_KEYS_NAME)).includes(Buffer.from(PREFIX)), 'the data key went through safeStorage');
  const next = await new RememberedKeys(userData, fakeSafeStorage).load();
  assert.deepEqual(next.map((d) => d.name), ['leaf.key', 'client-ed25519.key'], 'the pasted certificate holds no key');
  // The vault was zeroed: the key's details can no longer be read from the session.
  const state = (await invoke('certbench:documents.list', {})).value;
  const keyRow = state.documents.find((d: any) => d.name === 'client-ed25519.key').objects.find((o: any) => o.kind === 'privateKey');
  const details = await invoke('certbench:objects.details', { objectId: keyRow.id });
  assert.ok(!details.ok || !JSON.stringify(details.value).includes('PRIVATE'), 'no key material after quit');
  assert.ok(JSON.parse(readFileSync(join(userData, REMEMBER_SETTING_NAME), 'utf8')).enabled);
});

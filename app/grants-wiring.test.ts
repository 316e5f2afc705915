/**
 * Electron reads only the files the user chose. app/main.ts and app/preload.ts are bundled against the
 * fake 'electron' and connected (the preload's ipcRenderer.invoke reaches main's ipcMain handlers as the
 * window's main frame), then driven as the page would: through window.certbench only.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeApp, loadWithFakeElectron, requireBundle } from './testing/load-with-fake';

const x509 = join(__dirname, '..', 'test/fixtures/x509');
const fixture = (name: string) => join(x509, name);
const dirs: string[] = [];
let main: any;
let preload: any;
let page: any;
let win: any;

const fromWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), 'timed out');
};
const names = async () => ((await page.call('documents.list', {})).value.documents as Array<{ name: string }>).map((d) => d.name).sort();
/** A File as a drop or a file input gives it: backed by a file on disk. */
const osFile = (path: string) => {
  const file = new File(['x'], path.split('/').pop()!);
  preload.recorded.filePaths.set(file, path);
  return file;
};
const refusedWithoutReading = (r: any) => {
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'INVALID_ARGUMENT');
  assert.match(r.error.message, /only files you chose/);
  assert.doesNotMatch(JSON.stringify(r), /root:|BEGIN|PATH=/);
};

before(async () => {
  const started = await startFakeApp([fixture('chain.pem')]);
  dirs.push(started.dir);
  main = started.fake;
  main.app.emit('open-file', { preventDefault() {} }, fixture('ec.csr'));
  main.app.becomeReady();
  await until(() => main.recorded.windows.length === 1);
  win = main.recorded.windows[0];
  started.restoreArgv();

  const builtPreload = await loadWithFakeElectron('dist/app/preload.js');
  dirs.push(builtPreload.dir);
  requireBundle(builtPreload.outfile);
  preload = (globalThis as any).__fakeElectron;
  assert.notEqual(preload, main, 'two bundles, two fakes');
  preload.recorded.invokeRoute = async (channel: string, args: unknown[]) => main.recorded.ipcHandlers.get(channel)(fromWindow(), ...args);
  page = preload.recorded.exposed.get('certbench');
});
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('a path the page names without the user choosing it is refused, whether or not it exists', async () => {
  const answers = new Set<string>();
  for (const paths of [['/etc/passwd'], ['/etc/shadow'], ['/proc/self/environ'], [fixture('leaf.pem')], [join(fixture('chain.pem'), '..', 'leaf.key')], ['/no/such.pem']]) {
    const r = await page.call('documents.openPaths', { paths });
    refusedWithoutReading(r);
    answers.add(JSON.stringify(r));
  }
  assert.equal(answers.size, 1);
  assert.deepEqual(await names(), ['chain.pem', 'ec.csr']);
});

test('argv and open-file paths were granted: the page may open them again', async () => {
  const r = await page.call('documents.openPaths', { paths: [fixture('chain.pem'), fixture('ec.csr')] });
  assert.equal(r.ok, true);
  assert.deepEqual(await names(), ['chain.pem', 'chain.pem', 'ec.csr', 'ec.csr']);
  await page.call('documents.closeAll', {});
});

test('the open dialog: what the user picked is granted and opens; a cancelled dialog grants nothing', async () => {
  main.recorded.dialogResult = { canceled: true, filePaths: [] };
  assert.deepEqual(await page.pickFiles(), []);
  refusedWithoutReading(await page.call('documents.openPaths', { paths: [fixture('leaf.pem')] }));

  main.recorded.dialogResult = { canceled: false, filePaths: [fixture('leaf.pem')] };
  assert.deepEqual(await page.pickFiles(), [fixture('leaf.pem')]);
  const r = await page.call('documents.openPaths', { paths: [fixture('leaf.pem')] });
  assert.equal(r.ok, true);
  assert.deepEqual(await names(), ['leaf.pem']);
  refusedWithoutReading(await page.call('documents.openPaths', { paths: [fixture('leaf.key')] }));
  await page.call('documents.closeAll', {});
});

test('a drop: the preload turns the Files into paths, main grants them, and they open', async () => {
  const dropped = await page.grantFiles([osFile(fixture('leaf.key')), osFile(fixture('chain.p7b'))]);
  assert.deepEqual(dropped, [fixture('leaf.key'), fixture('chain.p7b')]);
  const r = await page.call('documents.openPaths', { paths: dropped });
  assert.equal(r.ok, true);
  assert.deepEqual(await names(), ['chain.p7b', 'leaf.key']);
  await page.call('documents.closeAll', {});
});

test('a page cannot get a path granted through the drop channel: strings, look-alikes and its own Files', async () => {
  const forged = ['/etc/passwd', { path: '/etc/shadow' }, new File(['x'], 'leaf.der'), new Blob(['x'])];
  assert.deepEqual(await page.grantFiles(forged), ['', '', '', '']);
  for (const path of ['/etc/passwd', '/etc/shadow', fixture('leaf.der')]) refusedWithoutReading(await page.call('documents.openPaths', { paths: [path] }));
});

test('the grant channel itself: only absolute path strings, only from the window', async () => {
  const grant = main.recorded.ipcHandlers.get('certbench:grantFiles');
  assert.deepEqual(await grant(fromWindow(), ['relative.pem', 42, null, { p: 1 }, fixture('leaf-with-key.pem')]), [fixture('leaf-with-key.pem')]);
  assert.deepEqual(await grant(fromWindow(), 'not a list'), []);
  const child = { sender: win.webContents, senderFrame: { url: 'app://certbench/index.html', parent: win.webContents.mainFrame } };
  assert.deepEqual(await grant(child, [fixture('root.pem')]), []);
  refusedWithoutReading(await page.call('documents.openPaths', { paths: [fixture('root.pem')] }));
  assert.equal((await page.call('documents.openPaths', { paths: [fixture('leaf-with-key.pem')] })).ok, true);
  await page.call('documents.closeAll', {});
});

test('a second launch with a file grants it (the OS passed it on the user’s behalf)', async () => {
  win.webContents.sent.length = 0;
  main.app.emit('second-instance', {}, ['/usr/bin/electron', dirs[0], fixture('host-new.csr')], x509);
  await until(() => win.webContents.sent.length > 0);
  assert.deepEqual(await names(), ['host-new.csr']);
  assert.equal((await page.call('documents.openPaths', { paths: [fixture('host-new.csr')] })).ok, true);
});

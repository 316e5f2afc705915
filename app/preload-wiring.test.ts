/** app/preload.ts bundled against the fake 'electron': what the page gets, and what reaches IPC. */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { loadWithFakeElectron, requireBundle } from './testing/load-with-fake';

let dir = '';
let fake: any;
let bridge: any;

before(async () => {
  const built = await loadWithFakeElectron('dist/app/preload.js');
  dir = built.dir;
  requireBundle(built.outfile);
  fake = (globalThis as any).__fakeElectron;
  bridge = fake.recorded.exposed.get('certbench');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('exposes window.certbench with the six named methods, nothing else', () => {
  assert.deepEqual([...fake.recorded.exposed.keys()], ['certbench']);
  assert.deepEqual(Object.keys(bridge).sort(), ['call', 'grantFiles', 'on', 'pickFiles', 'pickFolder', 'pickWatchFolder']);
});

test('call: known methods go to their own channel; unknown ones never reach IPC', async () => {
  assert.deepEqual(await bridge.call('documents.list', {}), { ok: true, value: { channel: 'certbench:documents.list' } });
  assert.deepEqual(fake.recorded.invoked.at(-1), { channel: 'certbench:documents.list', args: [{}] });
  const before = fake.recorded.invoked.length;
  for (const method of ['pickFiles', 'event:progress', '__proto__', 'toString', 42, null]) {
    const r = await bridge.call(method, {});
    assert.equal(r.ok, false, String(method));
    assert.equal(r.error.code, 'INVALID_ARGUMENT');
  }
  assert.equal(fake.recorded.invoked.length, before);
});

test('on: only contract events; the listener gets the payload, not the IPC event; unsubscribe works', () => {
  const got: unknown[] = [];
  const off = bridge.on('documents.changed', (p: unknown) => got.push(p));
  fake.recorded.rendererListeners.emit('certbench:event:documents.changed', { sender: 'ipc-event' }, { documents: [] });
  assert.deepEqual([...got], [{ documents: [] }]);
  off();
  fake.recorded.rendererListeners.emit('certbench:event:documents.changed', {}, { documents: [1] });
  assert.equal(got.length, 1);
  const noop = bridge.on('certbench:pickFiles', () => got.push('bad'));
  assert.equal(typeof noop, 'function');
  assert.equal(fake.recorded.rendererListeners.listenerCount('certbench:pickFiles'), 0);
  assert.equal(fake.recorded.rendererListeners.eventNames().length, 0);
});

test('pickFiles goes to its channel', async () => {
  await bridge.pickFiles();
  assert.equal(fake.recorded.invoked.at(-1).channel, 'certbench:pickFiles');
});

/** A File as a drop or a file input gives it: backed by a file on disk. */
const osFile = (path: string) => {
  const file = new File(['x'], path.split('/').pop()!);
  fake.recorded.filePaths.set(file, path);
  return file;
};

test('grantFiles: only paths of Files from the OS reach main, on the grant channel; answers align with the files', async () => {
  const sent: unknown[] = [];
  fake.recorded.invokeRoute = async (channel: string, args: unknown[]) => {
    assert.equal(channel, 'certbench:grantFiles');
    sent.push(args[0]);
    return (args[0] as string[]).filter((p) => p !== '/tmp/refused-by-main.pem');
  };
  try {
    const made = new File(['-----BEGIN CERTIFICATE-----'], 'made-by-the-page.pem');
    const answer = await bridge.grantFiles([osFile('/tmp/dropped.pem'), made, osFile('/tmp/refused-by-main.pem'), osFile('/tmp/b.crt')]);
    assert.deepEqual(answer, ['/tmp/dropped.pem', '', '', '/tmp/b.crt']);
    assert.deepEqual(sent, [['/tmp/dropped.pem', '/tmp/refused-by-main.pem', '/tmp/b.crt']]);

    // What a page might try instead of File objects: path strings, look-alike objects, Blobs, junk.
    sent.length = 0;
    const forged = ['/etc/passwd', { path: '/etc/shadow', name: 'shadow' }, new Blob(['x']), null, 42];
    assert.deepEqual(await bridge.grantFiles(forged), ['', '', '', '', '']);
    assert.deepEqual(sent, [[]], 'no path reached main');
    assert.deepEqual(await bridge.grantFiles('/etc/passwd'), []);
    assert.deepEqual(await bridge.grantFiles(Array.from({ length: 501 }, () => osFile('/tmp/many.pem'))), []);
    assert.equal(sent.length, 1, 'a non-list or an over-long list never reaches IPC');
  } finally {
    fake.recorded.invokeRoute = null;
  }
});

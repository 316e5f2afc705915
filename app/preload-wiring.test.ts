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

test('exposes window.certbench with the four named methods, nothing else', () => {
  assert.deepEqual([...fake.recorded.exposed.keys()], ['certbench']);
  assert.deepEqual(Object.keys(bridge).sort(), ['call', 'on', 'pathForFile', 'pickFiles']);
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

test('pickFiles and pathForFile', async () => {
  await bridge.pickFiles();
  assert.equal(fake.recorded.invoked.at(-1).channel, 'certbench:pickFiles');
  assert.equal(bridge.pathForFile({ path: '/tmp/dropped.pem' }), '/tmp/dropped.pem');
});

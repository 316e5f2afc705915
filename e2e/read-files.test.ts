/**
 * renderer/pages/inspect/readFiles.ts under Node (the renderer has no unit-test root of its own): in
 * Electron dropped Files open by the paths main granted; in the browser, or when any File has no path,
 * by their bytes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RendererClient } from '../renderer/api/client';
import { openRequestsFor } from '../renderer/pages/inspect/readFiles';

const files = () => [new File(['-----BEGIN CERTIFICATE-----\n'], 'a.pem'), new File([new Uint8Array([0x30, 0x82, 0xff, 0x00])], 'b.der')];

function client(grantFiles: RendererClient['grantFiles']): RendererClient {
  return { shell: grantFiles ? 'electron' : 'web', pickFiles: null, grantFiles, pickFolder: null, pickWatchFolder: null, call: async () => assert.fail('no call'), on: () => () => {} } as RendererClient;
}

test('Electron: every File granted a path → one open by paths', async () => {
  const asked: File[][] = [];
  const requests = await openRequestsFor(files(), client(async (f) => (asked.push(f), f.map((x) => `/home/u/${x.name}`))));
  assert.deepEqual(requests, [{ kind: 'paths', paths: ['/home/u/a.pem', '/home/u/b.der'] }]);
  assert.deepEqual(asked[0]!.map((f) => f.name), ['a.pem', 'b.der']);
});

test('Electron: a File without a path (or a short answer) → every File by its bytes', async () => {
  for (const answer of [['/home/u/a.pem', ''], ['/home/u/a.pem'], []]) {
    const requests = await openRequestsFor(files(), client(async () => answer));
    assert.deepEqual(requests, [
      { kind: 'data', name: 'a.pem', dataBase64: Buffer.from('-----BEGIN CERTIFICATE-----\n').toString('base64') },
      { kind: 'data', name: 'b.der', dataBase64: 'MIL/AA==' },
    ]);
  }
});

test('browser: bytes, and nothing at all for no files', async () => {
  const requests = await openRequestsFor(files(), client(null));
  assert.deepEqual(requests.map((r) => r.kind), ['data', 'data']);
  assert.deepEqual(await openRequestsFor([], client(async () => assert.fail('not asked'))), []);
});

/** Documents named on the command line (file association, second launch) and nothing else. */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { documentPathsFromArgv } from './argv';

const files = new Set([resolve('/data/server.pem'), resolve('/work/ca.crt'), resolve('/work/store.pfx')]);
const isFile = (p: string) => files.has(p);

test('packaged: every existing file after the executable, relative paths against cwd', () => {
  const argv = ['C:\\Program Files\\Certbench\\Certbench.exe', '/data/server.pem', 'ca.crt', 'missing.pem'];
  assert.deepEqual(documentPathsFromArgv(argv, { isPackaged: true, cwd: '/work', isFile }), [resolve('/data/server.pem'), resolve('/work/ca.crt')]);
});

test('development: skips electron and the app path', () => {
  const argv = ['/usr/lib/electron', '/work', 'store.pfx'];
  assert.deepEqual(documentPathsFromArgv(argv, { isPackaged: false, cwd: '/work', isFile }), [resolve('/work/store.pfx')]);
});

test('ignores switches Chromium adds and duplicates', () => {
  const argv = ['certbench', '--allow-file-access-from-files', '--original-process-start-time=1', '-psn_0_1', '/data/server.pem', '/data/server.pem'];
  assert.deepEqual(documentPathsFromArgv(argv, { isPackaged: true, cwd: '/', isFile }), [resolve('/data/server.pem')]);
});

test('a directory or a non-existent path is not a document', () => {
  assert.deepEqual(documentPathsFromArgv(['certbench', '/work', '/nope.pem'], { isPackaged: true, cwd: '/', isFile }), []);
});

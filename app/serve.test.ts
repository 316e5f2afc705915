/** The app:// file mapping: serves the renderer directory and nothing outside it. */
import assert from 'node:assert/strict';
import { join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY, contentTypeFor, createRendererHandler, resolveRendererPath, responseHeaders } from './serve';

const root = resolve('/opt/certbench/dist/renderer');

test('maps app://certbench URLs to files under the renderer directory', () => {
  assert.equal(resolveRendererPath(root, 'app://certbench/index.html'), join(root, 'index.html'));
  assert.equal(resolveRendererPath(root, 'app://certbench/'), join(root, 'index.html'));
  assert.equal(resolveRendererPath(root, 'app://certbench'), join(root, 'index.html'));
  assert.equal(resolveRendererPath(root, 'app://certbench/assets/index-1a2b.js?v=1#x'), join(root, 'assets', 'index-1a2b.js'));
  assert.equal(resolveRendererPath(root, 'app://certbench/assets/a%20b.css'), join(root, 'assets', 'a b.css'));
});

test('refuses path traversal in every spelling', () => {
  for (const url of [
    'app://certbench/../main.js',
    'app://certbench/assets/../../app/main.js',
    'app://certbench/%2e%2e/app/main.js',
    'app://certbench/..%2fapp%2fmain.js',
    'app://certbench/assets%2f..%2f..%2fapp%2fmain.js',
    'app://certbench/..%5capp%5cmain.js',
    'app://certbench/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    'app://certbench/C:%5cWindows%5cwin.ini',
    'app://certbench/index.html%00.png',
    'app://certbench/%E0%A4%A',
  ]) {
    const path = resolveRendererPath(root, url);
    // The URL parser folds literal dot segments, so some of these become harmless paths inside the root.
    assert.ok(path === null || path.startsWith(root + sep), `${url} → ${path}`);
    if (path) assert.doesNotMatch(path.slice(root.length), /\.\.|[\\:]|\0/, url);
  }
  assert.equal(resolveRendererPath(root, 'app://certbench/..%2fapp%2fmain.js'), null);
  assert.equal(resolveRendererPath(root, 'app://certbench/%2e%2e%5capp'), null);
});

test('refuses other hosts and schemes', () => {
  assert.equal(resolveRendererPath(root, 'app://evil/index.html'), null);
  assert.equal(resolveRendererPath(root, 'file:///etc/passwd'), null);
  assert.equal(resolveRendererPath(root, 'https://certbench/index.html'), null);
  assert.equal(resolveRendererPath(root, 'not a url'), null);
});

test('every response carries the CSP', () => {
  assert.equal(
    CONTENT_SECURITY_POLICY,
    "default-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  const h = responseHeaders('/x/index.html');
  assert.equal(h['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
  assert.equal(h['Content-Type'], 'text/html; charset=utf-8');
  assert.equal(h['X-Content-Type-Options'], 'nosniff');
  assert.equal(contentTypeFor('a.JS'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeFor('a.bin'), 'application/octet-stream');
});

test('the protocol handler: 200 with the CSP, 403 outside the root, 404 when missing, 405 for writes', async () => {
  const files = new Map([[join(root, 'index.html'), new TextEncoder().encode('<!doctype html>')]]);
  const read = async (p: string) => {
    const f = files.get(p);
    if (!f) throw new Error('ENOENT');
    return f;
  };
  const handle = createRendererHandler(root, read);
  const ok = await handle(new Request('app://certbench/index.html'));
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), '<!doctype html>');
  assert.equal(ok.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(ok.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal((await handle(new Request('app://certbench/..%2f..%2fapp%2fmain.js'))).status, 403);
  assert.equal((await handle(new Request('app://evil/index.html'))).status, 403);
  assert.equal((await handle(new Request('app://certbench/nope.js'))).status, 404);
  assert.equal((await handle(new Request('app://certbench/index.html', { method: 'POST', body: 'x' }))).status, 405);
  const head = await handle(new Request('app://certbench/index.html', { method: 'HEAD' }));
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

/** httpFetch against real node http(s) servers on 127.0.0.1: answers, HTTP errors, redirects, timeouts, caps, TLS. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { freePort, localHttpServer, localHttpsServer, type LocalServer } from '../../../test/helpers/local-http';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { makeTestPki, type TestCaHandle } from '../../../test/helpers/test-pki';
import { readFileSync } from 'node:fs';
import { httpFetch, isHttpStatusError } from './http-fetch';

let server: LocalServer;
let https: LocalServer;
let pki: TestCaHandle;
const serverClosed: string[] = [];

before(async () => {
  server = await localHttpServer((req, res, body) => {
    res.on('close', () => serverClosed.push(req.url ?? ''));
    const path = req.url ?? '';
    if (path === '/ok') res.writeHead(200, { 'Content-Type': 'application/pkix-cert' }).end(Buffer.from([1, 2, 3]));
    else if (path === '/echo') res.writeHead(200, { 'Content-Type': 'text/plain' }).end(Buffer.concat([Buffer.from(`${req.method} ${req.headers['content-type']} `), body]));
    else if (path === '/missing') res.writeHead(404, 'Not Found').end('no');
    else if (path === '/hop1') res.writeHead(302, { Location: '/hop2' }).end();
    else if (path === '/hop2') res.writeHead(301, { Location: `${server.url}/ok` }).end();
    else if (path === '/post-307') res.writeHead(307, { Location: '/echo' }).end();
    else if (path === '/post-303') res.writeHead(303, { Location: '/echo' }).end();
    else if (path === '/loop') res.writeHead(302, { Location: '/loop' }).end();
    else if (path === '/to-ftp') res.writeHead(302, { Location: 'ftp://127.0.0.1/x.crt' }).end();
    else if (path === '/no-location') res.writeHead(302).end();
    else if (path === '/trickle' || path === '/huge') {
      // Bytes keep coming forever: only the client's timeout or size cap can end this exchange.
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      const chunk = path === '/huge' ? Buffer.alloc(64 * 1024, 7) : Buffer.from([0]);
      const timer = setInterval(() => res.write(chunk), path === '/huge' ? 1 : 50);
      res.on('close', () => clearInterval(timer));
    } else if (path === '/declared-huge') res.writeHead(200, { 'Content-Length': String(50 * 1024 * 1024) }).write('x');
    else if (path === '/hang') {
      /* never answers */
    } else res.writeHead(500).end();
  });
  pki = makeTestPki('HTTP Test Root');
  const leaf = pki.issueLeaf('https-server', { san: ['IP:127.0.0.1'] });
  https = await localHttpsServer((_req, res) => res.writeHead(200).end('secure'), { cert: leaf.pem, key: readFileSync(leaf.keyPath, 'utf8') });
});

after(async () => {
  await server?.close();
  await https?.close();
});

test('200: the body, the content type and the final URL', async () => {
  const r = await httpFetch({ url: `${server.url}/ok` });
  assert.equal(r.status, 200);
  assert.deepEqual([...r.body], [1, 2, 3]);
  assert.equal(r.contentType, 'application/pkix-cert');
  assert.equal(r.url, `${server.url}/ok`);
});

test('POST sends the body with its content type', async () => {
  const r = await httpFetch({ url: `${server.url}/echo`, method: 'POST', body: new TextEncoder().encode('hello'), contentType: 'application/ocsp-request' });
  assert.equal(Buffer.from(r.body).toString(), 'POST application/ocsp-request hello');
});

test('HTTP 404 is NETWORK naming the host and the status', async () => {
  const e = await rejectsWith(httpFetch({ url: `${server.url}/missing` }), 'NETWORK');
  assert.match(e.message, /127\.0\.0\.1:\d+ answered HTTP 404 Not Found/);
  assert.ok(e.hint.length > 0);
  assert.equal(isHttpStatusError(e), true);
});

test('redirects are followed (relative and absolute) and the final URL reported', async () => {
  const r = await httpFetch({ url: `${server.url}/hop1` });
  assert.equal(r.url, `${server.url}/ok`);
  assert.deepEqual([...r.body], [1, 2, 3]);
});

test('307 keeps the POST and its body; 303 turns it into a GET', async () => {
  const body = new TextEncoder().encode('req');
  const kept = await httpFetch({ url: `${server.url}/post-307`, method: 'POST', body, contentType: 'application/ocsp-request' });
  assert.equal(Buffer.from(kept.body).toString(), 'POST application/ocsp-request req');
  const changed = await httpFetch({ url: `${server.url}/post-303`, method: 'POST', body, contentType: 'application/ocsp-request' });
  assert.equal(Buffer.from(changed.body).toString(), 'GET undefined ');
});

test('a redirect loop stops after maxRedirects with NETWORK', async () => {
  const before = server.requests.filter((r) => r.path === '/loop').length;
  const e = await rejectsWith(httpFetch({ url: `${server.url}/loop` }), 'NETWORK');
  assert.match(e.message, /redirected more than 3 times/);
  assert.equal(server.requests.filter((r) => r.path === '/loop').length - before, 4);
  await rejectsWith(httpFetch({ url: `${server.url}/loop`, maxRedirects: 0 }), 'NETWORK');
});

test('a redirect to a non-http scheme or without Location is NETWORK', async () => {
  assert.match((await rejectsWith(httpFetch({ url: `${server.url}/to-ftp` }), 'NETWORK')).message, /ftp: address/);
  assert.match((await rejectsWith(httpFetch({ url: `${server.url}/no-location` }), 'NETWORK')).message, /without saying where/);
});

test('a server that trickles bytes forever is cut off by the one timeout for the whole exchange', async () => {
  const started = Date.now();
  const e = await rejectsWith(httpFetch({ url: `${server.url}/trickle`, timeoutMs: 400 }), 'NETWORK');
  const took = Date.now() - started;
  assert.match(e.message, /Timed out after 0\.4 s waiting for 127\.0\.0\.1/);
  assert.ok(took >= 390 && took < 2000, `took ${took} ms`);
});

test('a server that never answers times out too', async () => {
  await rejectsWith(httpFetch({ url: `${server.url}/hang`, timeoutMs: 300 }), 'NETWORK');
});

test('a huge body stops at the size cap and the connection is closed', async () => {
  const e = await rejectsWith(httpFetch({ url: `${server.url}/huge`, maxBytes: 256 * 1024 }), 'NETWORK');
  assert.match(e.message, /too large: more than 256 KiB/);
  // The server sees its side closed: reading stopped rather than draining the endless body.
  for (let i = 0; i < 50 && !serverClosed.includes('/huge'); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(serverClosed.includes('/huge'));
});

test('a declared Content-Length over the cap fails before reading', async () => {
  const e = await rejectsWith(httpFetch({ url: `${server.url}/declared-huge` }), 'NETWORK');
  assert.match(e.message, /more than 10 MiB/);
});

test('a refused port is NETWORK saying refused', async () => {
  const port = await freePort();
  const e = await rejectsWith(httpFetch({ url: `http://127.0.0.1:${port}/x.crt` }), 'NETWORK');
  assert.match(e.message, new RegExp(`127\\.0\\.0\\.1 refused the connection on port ${port}`));
  assert.equal(isHttpStatusError(e), false);
});

test('schemes other than http and https are INVALID_ARGUMENT naming the scheme', async () => {
  for (const url of ['ldap://ldap.example/cn=CA?cACertificate', 'file:///etc/passwd', 'ftp://127.0.0.1/ca.crt']) {
    const e = await rejectsWith(httpFetch({ url }), 'INVALID_ARGUMENT');
    assert.match(e.message, new RegExp(url.split(':')[0] + ':'));
  }
  await rejectsWith(httpFetch({ url: 'not a url' }), 'INVALID_ARGUMENT');
});

test('aborting the signal cancels the exchange', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const e = await rejectsWith(httpFetch({ url: `${server.url}/hang`, signal: controller.signal }), 'CANCELLED');
  assert.match(e.message, /cancelled/);
  await rejectsWith(httpFetch({ url: `${server.url}/ok`, signal: AbortSignal.abort() }), 'CANCELLED');
});

test('https: trusted through `ca`; without it a TLS failure in NETWORK words', async () => {
  const r = await httpFetch({ url: `${https.url}/x`, ca: [pki.pem] });
  assert.equal(Buffer.from(r.body).toString(), 'secure');
  const e = await rejectsWith(httpFetch({ url: `${https.url}/x` }), 'NETWORK');
  assert.match(e.message, /TLS failure talking to 127\.0\.0\.1/);
});

/** The browser host refuses everything that is not the page it served, talking JSON, with its token. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, TOKEN_HEADER, MAX_BODY_BYTES, type Host } from './host';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let host: Host;
let root: string;

function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      // An event stream that was let in never ends: its status is the answer.
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: -1, headers: {}, body: '' }) : reject(e)));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const good = () => ({ Host: `127.0.0.1:${host.port}`, Origin: host.origin, 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token });
const call = (headers: Record<string, string>, body = JSON.stringify({ method: 'documents.list', request: {} })) =>
  send({ method: 'POST', path: '/api/call', headers, body });

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'certbench-host-'));
  const site = join(root, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Certbench</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
  host = await startHost({ staticDir: site });
});
after(() => host.close());

test('binds 127.0.0.1 only and puts a 64-hex-digit token in the URL fragment', () => {
  assert.equal(host.address, '127.0.0.1');
  assert.match(host.token, /^[0-9a-f]{64}$/);
  assert.equal(host.url, `http://127.0.0.1:${host.port}/#token=${host.token}`);
});

test('a well-formed call returns the dispatcher envelope', async () => {
  const r = await call(good());
  assert.equal(r.status, 200);
  assert.deepEqual(JSON.parse(r.body), { ok: true, value: { documents: [], matchGroups: [] } });
});

test('missing or wrong token: 401, and nothing runs', async () => {
  const { [TOKEN_HEADER]: _dropped, ...noToken } = good();
  const open = JSON.stringify({ method: 'documents.openText', request: { name: 'x.pem', text: 'not a certificate' } });
  for (const headers of [noToken, { ...good(), [TOKEN_HEADER]: 'f'.repeat(64) }, { ...good(), [TOKEN_HEADER]: host.token.slice(1) }, { ...good(), [TOKEN_HEADER]: host.token.toUpperCase() }]) {
    const r = await call(headers, open);
    assert.equal(r.status, 401, JSON.stringify(headers));
    assert.match(r.body, /token/i);
  }
  assert.deepEqual(JSON.parse((await call(good())).body).value.documents, [], 'no refused call opened a document');
});

test('Host header must be exactly 127.0.0.1:PORT (DNS rebinding): 421', async () => {
  for (const h of [`localhost:${host.port}`, 'evil.example', `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
    assert.equal((await call({ ...good(), Host: h })).status, 421, h);
    assert.equal((await send({ path: '/', headers: { Host: h } })).status, 421, `static ${h}`);
  }
});

test('a foreign Origin with the right token: 403; missing Origin on POST refused', async () => {
  assert.equal((await call({ ...good(), Origin: 'http://evil.example' })).status, 403);
  assert.equal((await call({ ...good(), Origin: `http://localhost:${host.port}` })).status, 403);
  assert.equal((await call({ ...good(), Origin: 'null' })).status, 403);
  const { Origin: _o, ...noOrigin } = good();
  assert.equal((await call(noOrigin)).status, 403);
  assert.equal((await call({ ...good(), 'Sec-Fetch-Site': 'cross-site' })).status, 403);
});

test('JSON only: other content types get 415, malformed JSON 400', async () => {
  assert.equal((await call({ ...good(), 'Content-Type': 'text/plain' })).status, 415);
  assert.equal((await call({ ...good(), 'Content-Type': 'application/x-www-form-urlencoded' }, 'method=documents.list')).status, 415);
  assert.equal((await call({ ...good(), 'Content-Type': 'application/json; charset=utf-8' })).status, 200);
  assert.equal((await call(good(), '{not json')).status, 400);
  assert.equal((await send({ path: '/api/call', headers: good() })).status, 405);
});

test('bodies over the cap get 413: declared too long, or streamed past the cap', async () => {
  // Headers only, then wait: the declared length alone is refused, before any byte of the body is read.
  const declared = await new Promise<Reply>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/call', headers: { ...good(), 'Content-Length': String(MAX_BODY_BYTES + 1) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
  assert.equal(declared.status, 413);
  assert.match(declared.body, /too large/);
  // Chunked, no length: the host reads past the cap, drops it, and answers 413 (not a reset) when the body ends.
  const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20);
  const streamed = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/call', headers: { ...good(), 'Transfer-Encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(big);
  });
  assert.equal(streamed, 413);
  // The host is still answering.
  assert.equal((await call(good())).status, 200);
});

test('text/plain and other content types get 415 even with every other check passed', async () => {
  const r = await call({ ...good(), 'Content-Type': 'text/plain' });
  assert.equal(r.status, 415);
  assert.match(r.body, /application\/json/);
  assert.equal((await call({ ...good(), 'Content-Type': 'text/plain;charset=UTF-8' })).status, 415);
  assert.equal((await call({ ...good(), 'Content-Type': 'multipart/form-data; boundary=x' })).status, 415);
});

test('unknown method and bad request: INVALID_ARGUMENT envelopes', async () => {
  const unknown = JSON.parse((await call(good(), JSON.stringify({ method: 'fs.readFile', request: { path: '/etc/passwd' } }))).body);
  assert.equal(unknown.ok, false);
  assert.equal(unknown.error.code, 'INVALID_ARGUMENT');
  const bad = JSON.parse((await call(good(), JSON.stringify({ method: 'documents.close', request: { documentId: 7 } }))).body);
  assert.equal(bad.error.code, 'INVALID_ARGUMENT');
  assert.ok(!('stack' in bad.error));
});

test('static files carry the CSP; traversal is refused with 404', async () => {
  const index = await send({ path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
  assert.equal(index.status, 200);
  assert.match(String(index.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/);
  assert.match(String(index.headers['content-security-policy']), /object-src 'none'/);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/a/../../secret.txt', '/nope.js', '/%00']) {
    const r = await send({ path: p, headers: { Host: `127.0.0.1:${host.port}` } });
    assert.ok(r.status === 404 || r.status === 400, `${p}: ${r.status}`);
    assert.ok(!r.body.includes('outside the site'), p);
  }
});

const streamHeaders = (extra: Record<string, string> = {}) => ({ Host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token, ...extra });

test('event stream needs the token header and the right Host', async () => {
  assert.equal((await send({ path: '/api/events', headers: { Host: `127.0.0.1:${host.port}` } })).status, 401);
  assert.equal((await send({ path: '/api/events', headers: streamHeaders({ [TOKEN_HEADER]: 'a'.repeat(64) }) })).status, 401);
  assert.equal((await send({ path: '/api/events', headers: streamHeaders({ Origin: 'http://evil.example' }) })).status, 403);
  assert.equal((await send({ path: '/api/events', headers: streamHeaders({ Host: `localhost:${host.port}` }) })).status, 421);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: streamHeaders() }, (res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
  assert.equal(status, 200);
});

test('the token is never accepted in a URL: query string or path', async () => {
  const { [TOKEN_HEADER]: _dropped, ...noToken } = good();
  const list = JSON.stringify({ method: 'documents.list', request: {} });
  assert.equal((await send({ path: `/api/events?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } })).status, 401);
  assert.equal((await send({ path: `/api/events?x-certbench-token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } })).status, 401);
  assert.equal((await send({ method: 'POST', path: `/api/call?token=${host.token}`, headers: noToken, body: list })).status, 401);
  assert.equal((await send({ method: 'POST', path: `/api/call/${host.token}`, headers: noToken, body: list })).status, 404);
  assert.equal((await send({ path: `/api/events/${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } })).status, 404);
  // A wrong header is not rescued by a right token in the URL.
  assert.equal((await send({ method: 'POST', path: `/api/call?token=${host.token}`, headers: { ...good(), [TOKEN_HEADER]: 'f'.repeat(64) }, body: list })).status, 401);
});

test('events reach the page over the stream, as named SSE events', async () => {
  const received = await new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: streamHeaders() }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString('utf8');
        if (text.includes('event: progress')) {
          resolve(text);
          req.destroy();
        }
      });
      void call(good(), JSON.stringify({ method: 'documents.openText', request: { name: 'x.pem', text: 'not pem' } }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
  assert.match(received, /event: progress\ndata: \{.*"operationId"/);
});

test('no path is opened on a request\'s say-so: system files, .., relative, the site\'s own files, a real certificate', async () => {
  await call(good(), JSON.stringify({ method: 'documents.closeAll', request: {} }));
  const refusals = new Set<string>();
  const attempts = [
    ['/etc/passwd'],
    ['/etc/shadow'],
    ['/proc/self/environ'],
    ['/proc/self/cmdline'],
    [join(root, 'site', '..', 'secret.txt')],
    [join(root, 'site', '..', '..', '..', '..', '..', '..', 'etc', 'passwd')],
    ['../../../../../../../../etc/passwd'],
    ['secret.txt'],
    [join(root, 'site', 'index.html')],
    [join(__dirname, '..', 'test', 'fixtures', 'x509', 'leaf.pem')],
    [join(root, 'no-such-file.pem')],
    ['/dev/zero'],
  ];
  const canaries = ['root:', 'outside the site', 'Certbench</title>', 'BEGIN CERTIFICATE', process.env.PATH ?? 'PATH=', process.execPath];
  for (const paths of attempts) {
    const r = await call(good(), JSON.stringify({ method: 'documents.openPaths', request: { paths } }));
    assert.equal(r.status, 200, paths[0]);
    const envelope = JSON.parse(r.body);
    assert.equal(envelope.ok, false, paths[0]);
    assert.equal(envelope.error.code, 'INVALID_ARGUMENT', paths[0]);
    for (const canary of canaries) assert.ok(!r.body.includes(canary), `${paths[0]}: the answer quotes ${canary}`);
    assert.ok(!r.body.includes(paths[0]!), `${paths[0]}: the answer names the path`);
    refusals.add(r.body);
  }
  assert.equal(refusals.size, 1, 'the same answer whether or not the file exists');
  const list = JSON.parse((await call(good())).body);
  assert.deepEqual(list.value.documents, [], 'not even an error document was made');
});

test('the browser way still works: bytes the page sends open, and a bad file quotes its own start', async () => {
  const text = 'Dear support, the certificate is attached.\n';
  const r = await call(good(), JSON.stringify({ method: 'documents.openData', request: { name: 'notes.txt', dataBase64: Buffer.from(text).toString('base64') } }));
  const doc = JSON.parse(r.body).value.documents.at(-1);
  assert.equal(doc.error.code, 'UNRECOGNIZED_FORMAT');
  assert.match(doc.error.message, /Dear support/);
  await call(good(), JSON.stringify({ method: 'documents.closeAll', request: {} }));
});

/**
 * checkRevocation over whole paths made by `openssl ca`, with `openssl ocsp` responders and a node CRL server
 * on 127.0.0.1: OCSP by GET (and POST when GET fails), stapled answers, CRL downloads handed to checkCrls,
 * unreachable responders, the modes, cancellation. OCSP outcomes are cross-checked with openssl's client.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, localHttpServer, type LocalServer } from '../../../test/helpers/local-http';
import { startOcspResponder, type OcspResponder } from '../../../test/helpers/ocsp-responder';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { makeTestPki, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { chainCert, type ChainCert } from '../chain/chain-cert';
import { parsePemBlocks } from '../formats/pem-blocks';
import { httpFetch } from '../net/http-fetch';
import { nodeNetwork } from '../net/node-network';
import { checkRevocation, type RevocationCheckOptions } from './check';
import { ocspRequest } from './ocsp-request';

const cc = (pem: string): ChainCert => chainCert(parsePemBlocks(pem)[0].der);
const crlDer = (pem: string) => new Uint8Array(execFileSync('openssl', ['crl', '-outform', 'DER'], { input: pem }));

let crlServer: LocalServer;
let getRefuser: LocalServer;
const crlFiles = new Map<string, Buffer>();
let root: TestCaHandle, ca: TestCaHandle, proxied: TestCaHandle, dead: TestCaHandle;
let good: IssuedCert, revoked: IssuedCert, proxiedLeaf: IssuedCert, deadLeaf: IssuedCert;
let rootResponder: OcspResponder, caResponder: OcspResponder, proxiedResponder: OcspResponder;
const responders: OcspResponder[] = [];

before(async () => {
  crlServer = await localHttpServer((req, res) => {
    const body = crlFiles.get(req.url ?? '');
    if (body) res.writeHead(200, { 'Content-Type': 'application/pkix-crl' }).end(body);
    else res.writeHead(404).end();
  });
  // Answers GET with an error and passes POSTs on to the real responder: the fallback must find it.
  getRefuser = await localHttpServer((req, res, body) => {
    if (req.method !== 'POST') return void res.writeHead(500).end('GET not supported here');
    httpFetch({ url: proxiedResponder.url, method: 'POST', body, contentType: 'application/ocsp-request' }).then(
      (r) => res.writeHead(200, { 'Content-Type': 'application/ocsp-response' }).end(Buffer.from(r.body)),
      () => res.writeHead(502).end(),
    );
  });
  const [rootPort, caPort, proxiedPort, deadPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const at = (port: number) => `http://127.0.0.1:${port}`;
  root = makeTestPki('Revocation Root', { publish: { ocsp: at(rootPort), crl: `${crlServer.url}/root.crl` } });
  ca = root.issueCa('Revocation CA', { publish: { ocsp: at(caPort), crl: `${crlServer.url}/ca.crl` } });
  proxied = root.issueCa('Revocation Proxied CA', { publish: { ocsp: `${getRefuser.url}/ocsp`, crl: `${crlServer.url}/none.crl` } });
  dead = root.issueCa('Revocation Dead CA', { publish: { ocsp: at(deadPort), crl: `${crlServer.url}/dead.crl` } });
  good = ca.issueLeaf('good');
  revoked = ca.issueLeaf('revoked');
  proxiedLeaf = proxied.issueLeaf('proxied');
  deadLeaf = dead.issueLeaf('dead');
  ca.revoke(revoked, 'superseded');
  dead.revoke(deadLeaf, 'keyCompromise');
  crlFiles.set('/root.crl', Buffer.from(crlDer(root.crl())));
  crlFiles.set('/ca.crl', Buffer.from(ca.crl()));
  crlFiles.set('/dead.crl', Buffer.from(dead.crl()));
  // Each kept as soon as it runs, so after() stops it even when a later one fails to start.
  const start = async (...args: Parameters<typeof startOcspResponder>) => {
    const responder = await startOcspResponder(...args);
    responders.push(responder);
    return responder;
  };
  rootResponder = await start(root, { port: rootPort, ndays: 1 });
  caResponder = await start(ca, { port: caPort, ndays: 1 });
  proxiedResponder = await start(proxied, { port: proxiedPort });
});

after(async () => {
  await Promise.all(responders.map((r) => r.close()));
  await crlServer?.close();
  await getRefuser?.close();
});

const options = (mode: RevocationCheckOptions['mode'], extra: Partial<RevocationCheckOptions> = {}): RevocationCheckOptions => ({ mode, at: Date.now(), net: nodeNetwork, ...extra });
const pathOf = (leaf: IssuedCert, issuer: TestCaHandle) => [cc(leaf.pem), cc(issuer.pem), cc(root.pem)];

function opensslSays(issuer: TestCaHandle, cert: { certPath: string }, url: string): string {
  const out = execFileSync('openssl', ['ocsp', '-issuer', issuer.certPath, '-cert', cert.certPath, '-url', url, '-CAfile', root.certPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return /: (good|revoked|unknown)/.exec(out)![1];
}

/** `openssl verify -crl_check_all` over the same CRLs the server serves: "OK" or its error line. */
function opensslVerifyWithCrls(leaf: IssuedCert, issuer: TestCaHandle): string {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-crls-'));
  const files = [...crlFiles.entries()].map(([name, body]) => {
    const file = join(dir, name.slice(1));
    writeFileSync(file, body.toString('latin1').startsWith('-----') ? body : Buffer.from(execFileSync('openssl', ['crl', '-inform', 'DER'], { input: body })));
    return file;
  });
  try {
    execFileSync('openssl', ['verify', '-crl_check_all', '-CAfile', root.certPath, '-untrusted', issuer.certPath, ...files.flatMap((f) => ['-CRLfile', f]), leaf.certPath], { stdio: 'pipe' });
    return 'OK';
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    return /error \d+ at \d+ depth lookup: (.*)/.exec(`${stdout}${stderr}`)?.[1] ?? 'failed';
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test("'ocsp': leaf and intermediate good from their AIA responders by GET; the anchor is not checked", async () => {
  const before = caResponder.requestLines().length;
  const r = await checkRevocation(pathOf(good, ca), options('ocsp'));
  assert.deepEqual(r.results.map((x) => x && [x.status, x.method, x.url]), [
    ['good', 'ocsp', caResponder.url],
    ['good', 'ocsp', rootResponder.url],
    null,
  ]);
  assert.deepEqual(r.fetched.map((f) => [f.kind, f.ok]), [['ocsp', true], ['ocsp', true]]);
  assert.match(r.fetched[0].detail, /^GET: 200, [\d,]+ bytes, application\/ocsp-response: good$/);
  assert.match(await caResponder.requestLine(before), /^GET \/[A-Za-z0-9%]+ HTTP/);
  assert.equal(opensslSays(ca, good, caResponder.url), 'good');
  assert.equal(opensslSays(root, ca, rootResponder.url), 'good');
});

test("'ocsp': a revoked leaf is revoked with its reason, as openssl's client says", async () => {
  const r = await checkRevocation(pathOf(revoked, ca), options('ocsp'));
  assert.equal(r.results[0]?.status, 'revoked');
  assert.equal(r.results[0]?.reason, 'superseded');
  assert.equal(r.results[1]?.status, 'good');
  assert.equal(opensslSays(ca, revoked, caResponder.url), 'revoked');
});

test('a responder that fails GET is asked again by POST', async () => {
  const r = await checkRevocation(pathOf(proxiedLeaf, proxied), options('ocsp'));
  assert.equal(r.results[0]?.status, 'good', r.results[0]?.detail);
  const leafAttempts = r.fetched.filter((f) => f.url === `${getRefuser.url}/ocsp`);
  assert.deepEqual(leafAttempts.map((f) => [f.ok, f.detail.split(':')[0]]), [[false, 'GET'], [true, 'POST']]);
  assert.match(leafAttempts[0].detail, /HTTP 500/);
  assert.deepEqual(getRefuser.requests.map((q) => q.method), ['GET', 'POST']);
  assert.equal(getRefuser.requests[1].contentType, 'application/ocsp-request');
});

test('an unreachable responder never throws: unknown with the reason (asked once, not again by POST), then the CRL is downloaded and checked', async () => {
  const r = await checkRevocation(pathOf(deadLeaf, dead), options('ocsp'));
  const leaf = r.fetched.filter((f) => f.url.startsWith(dead.publish!.ocsp!) || f.url.endsWith('/dead.crl'));
  assert.deepEqual(leaf.map((f) => [f.kind, f.ok]), [['ocsp', false], ['crl', true]]);
  assert.match(leaf[0].detail, /^GET: .*refused the connection/);
  assert.match(leaf[1].detail, /^200, [\d,]+ bytes, application\/pkix-crl, CRL$/);
  // The CRL (openssl ca -gencrl, PEM) lists it: revoked, as openssl verify -crl_check_all says.
  assert.deepEqual([r.results[0]?.status, r.results[0]?.method, r.results[0]?.reason], ['revoked', 'crl', 'keyCompromise']);
  assert.equal(r.results[0]?.url, `${crlServer.url}/dead.crl`);
  assert.equal(opensslVerifyWithCrls(deadLeaf, dead), 'certificate revoked');
});

test("'crl': only CRLs, from the distribution points (PEM and DER), and openssl verify -crl_check_all agrees", async () => {
  const r = await checkRevocation(pathOf(good, ca), options('crl'));
  assert.deepEqual(r.fetched.map((f) => [f.kind, f.ok, f.url.replace(crlServer.url, '')]), [['crl', true, '/ca.crl'], ['crl', true, '/root.crl']]);
  assert.deepEqual(r.results.map((x) => x && [x.status, x.method]), [['good', 'crl'], ['good', 'crl'], null]);
  assert.equal(r.results[0]?.url, `${crlServer.url}/ca.crl`);
  assert.equal(opensslVerifyWithCrls(good, ca), 'OK');

  const gone = await checkRevocation(pathOf(revoked, ca), options('crl'));
  assert.deepEqual([gone.results[0]?.status, gone.results[0]?.method, gone.results[0]?.reason], ['revoked', 'crl', 'superseded']);
  assert.equal(opensslVerifyWithCrls(revoked, ca), 'certificate revoked');
});

test('a stapled good answer for the leaf is used without asking its responder; a stapled answer about another certificate is not', async () => {
  const request = ocspRequest(cc(good.pem), cc(ca.pem));
  const stapled = (await httpFetch({ url: caResponder.url, method: 'POST', body: request, contentType: 'application/ocsp-request' })).body;
  const r = await checkRevocation(pathOf(good, ca), options('ocsp', { stapled }));
  assert.equal(r.results[0]?.method, 'stapled-ocsp');
  assert.equal(r.results[0]?.status, 'good');
  assert.deepEqual(r.fetched.map((f) => f.url), [rootResponder.url]);

  const wrong = await checkRevocation(pathOf(revoked, ca), options('ocsp', { stapled }));
  assert.equal(wrong.results[0]?.method, 'ocsp');
  assert.equal(wrong.results[0]?.status, 'revoked');
});

test("'none' asks nothing; a one-certificate path has nothing to check", async () => {
  const r = await checkRevocation(pathOf(good, ca), options('none'));
  assert.deepEqual(r, { results: [null, null, null], fetched: [] });
  assert.deepEqual(await checkRevocation([cc(root.pem)], options('both')), { results: [null], fetched: [] });
});

test("'both' asks OCSP and the CRLs", async () => {
  const r = await checkRevocation(pathOf(revoked, ca), options('both'));
  assert.equal(r.results[0]?.status, 'revoked');
  const good2 = await checkRevocation(pathOf(good, ca), options('both'));
  assert.deepEqual(new Set(good2.fetched.map((f) => f.kind)), new Set(['ocsp', 'crl']));
  assert.equal(good2.results[0]?.status, 'good');
  assert.equal(good2.results[0]?.method, 'ocsp');
  assert.match(good2.results[0]!.detail, /says good.*; the CRL agrees\.$/);
});

test('an aborted signal stops the check with CANCELLED', async () => {
  await rejectsWith(checkRevocation(pathOf(good, ca), options('both', { signal: AbortSignal.abort() })), 'CANCELLED');
});

test('a long path is checked three certificates at a time, results in path order', async () => {
  let inFlight = 0;
  let most = 0;
  const slow = await localHttpServer((_req, res) => {
    most = Math.max(most, ++inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(503).end();
    }, 150);
  });
  try {
    const top = makeTestPki('Deep Root', { publish: { ocsp: `${slow.url}/ocsp` } });
    const cas = [top];
    for (let i = 1; i <= 4; i++) cas.push(cas[i - 1].issueCa(`Deep CA ${i}`, { publish: { ocsp: `${slow.url}/ocsp` } }));
    const leaf = cas[4].issueLeaf('deep');
    const path = [cc(leaf.pem), ...cas.slice().reverse().map((c) => cc(c.pem))];
    const r = await checkRevocation(path, options('ocsp'));
    assert.equal(most, 3);
    assert.deepEqual(r.results.map((x) => x?.status ?? null), ['unknown', 'unknown', 'unknown', 'unknown', 'unknown', null]);
    // Each certificate asked by GET, then by POST after the HTTP error.
    assert.equal(slow.requests.length, 10);
    assert.ok(r.results.slice(0, 5).every((x) => /HTTP 503/.test(x!.detail)));
  } finally {
    await slow.close();
  }
});

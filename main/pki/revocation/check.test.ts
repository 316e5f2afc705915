/**
 * checkRevocation over whole paths made by `openssl ca`, with `openssl ocsp` responders and a node CRL server
 * on 127.0.0.1: OCSP by GET (and POST when GET fails), stapled answers, CRL downloads handed to checkCrls,
 * unreachable responders, the modes, cancellation. OCSP outcomes are cross-checked with openssl's client.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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
import { checkCrls } from './crl-check';
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
  rootResponder = await startOcspResponder(root, { port: rootPort, ndays: 1 });
  caResponder = await startOcspResponder(ca, { port: caPort, ndays: 1 });
  proxiedResponder = await startOcspResponder(proxied, { port: proxiedPort });
  responders.push(rootResponder, caResponder, proxiedResponder);
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
  assert.match(caResponder.requestLines().slice(before)[0], /^GET \/[A-Za-z0-9%]+ HTTP/);
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
  const path = pathOf(deadLeaf, dead);
  const r = await checkRevocation(path, options('ocsp'));
  const leaf = r.fetched.filter((f) => f.url.startsWith(dead.publish!.ocsp!) || f.url.endsWith('/dead.crl'));
  assert.deepEqual(leaf.map((f) => [f.kind, f.ok]), [['ocsp', false], ['crl', true]]);
  assert.match(leaf[0].detail, /^GET: .*refused the connection/);
  assert.match(leaf[1].detail, /^200, [\d,]+ bytes, application\/pkix-crl, CRL$/);
  // What the CRL says is checkCrls's verdict on exactly the CRL the server sent (openssl ca -gencrl).
  const expected = checkCrls({ cert: path[0], issuer: path[1], path, crls: [crlDer(dead.crl())], at: Date.now() });
  if (expected.status === 'good' || expected.status === 'revoked') {
    assert.equal(r.results[0]?.status, expected.status);
    assert.equal(r.results[0]?.method, 'crl');
  } else {
    assert.equal(r.results[0]?.status, 'unknown');
    assert.match(r.results[0]!.detail, /refused the connection/);
    assert.ok(r.results[0]!.detail.includes(expected.detail), r.results[0]!.detail);
  }
});

test("'crl': only CRLs, from the distribution points, DER and PEM", async () => {
  const r = await checkRevocation(pathOf(good, ca), options('crl'));
  assert.deepEqual(r.fetched.map((f) => [f.kind, f.ok, f.url.replace(crlServer.url, '')]), [['crl', true, '/ca.crl'], ['crl', true, '/root.crl']]);
  assert.equal(r.results[2], null);
  for (const result of r.results.slice(0, 2)) assert.ok(result && result.method === 'crl');
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
});

test('an aborted signal stops the check with CANCELLED', async () => {
  await rejectsWith(checkRevocation(pathOf(good, ca), options('both', { signal: AbortSignal.abort() })), 'CANCELLED');
});

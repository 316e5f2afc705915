/**
 * Failures in words: an untrusted CA certificate, a refused port, a URL that is no ACME directory, a bad
 * account key, an HTTP-01 challenge nobody answers, cancellation and the polling limit (pebble); and the
 * transport's retry policy for 503 / 429 with Retry-After, against a loopback server that answers like a
 * busy CA (pebble never rate-limits).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { opensslCsrDer, opensslKey } from '../../../test/helpers/acme-kit';
import { freePort, localHttpServer, type LocalServer } from '../../../test/helpers/local-http';
import { startPebble, type Pebble } from '../../../test/helpers/pebble';
import { connectAcme } from './acme-connection';
import { AcmeRefusal, problemOf } from './acme-problem';

let pebble: Pebble;
const accountKeyPem = opensslKey('ec');
before(async () => {
  pebble = await startPebble();
});
after(() => pebble?.stop());

type Coded = Error & { code?: string; hint?: string };

test('the CA\'s TLS certificate not trusted (no caPem): NETWORK, with the --ca-file hint', async () => {
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, accountKeyPem });
  await assert.rejects(acme.directory(), (e: Coded) => {
    assert.equal(e.code, 'NETWORK');
    assert.match(e.message, /TLS certificate of the ACME server at 127\.0\.0\.1:\d+ is not trusted/);
    assert.match(e.hint!, /--ca-file/);
    assert.match(e.hint!, /"CA certificate" field/);
    return true;
  });
});

test('a refused port: NETWORK within 5 seconds', async () => {
  const port = await freePort();
  const started = Date.now();
  await assert.rejects(connectAcme({ directoryUrl: `https://127.0.0.1:${port}/dir`, accountKeyPem }).directory(), (e: Coded) => {
    assert.equal(e.code, 'NETWORK');
    assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port}: the connection was refused`));
    return true;
  });
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
});

test('bad input: not a URL, a URL that is no ACME directory, an account key that is not a key', async () => {
  assert.throws(() => connectAcme({ directoryUrl: 'acme.example.test', accountKeyPem }), (e: Coded) => e.code === 'INVALID_ARGUMENT');
  assert.throws(() => connectAcme({ directoryUrl: 'ftp://acme.example.test/dir', accountKeyPem }), (e: Coded) => e.code === 'INVALID_ARGUMENT' && /https:\/\//.test(e.message));
  const notDir = connectAcme({ directoryUrl: pebble.directoryUrl.replace(/\/dir$/, '/nothing-here'), caPem: pebble.caPem, accountKeyPem });
  await assert.rejects(notDir.directory(), (e: Coded) => e.code === 'INVALID_ARGUMENT' && /answered HTTP 404/.test(e.message));
  assert.throws(() => connectAcme({ directoryUrl: pebble.directoryUrl, accountKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }), (e: Coded) => e.code === 'INVALID_ARGUMENT' && /account key/.test(e.message));
});

test('an HTTP-01 challenge nobody serves: CHALLENGE_FAILED with pebble\'s connection error, the name, and the port-80 hint; the order then says the same', async () => {
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem, pollMs: 50 });
  await acme.account({ agreeTos: true });
  const order = await acme.newOrder(['nobody.example.test']);
  const authz = await acme.authorization(order.authorizations[0]);
  const challenge = authz.challenges.find((c) => c.type === 'http-01')!;
  await acme.answer(challenge.url);
  const expectFailure = (e: unknown) => {
    assert.ok(e instanceof AcmeRefusal);
    const p = problemOf(e);
    assert.equal(p.code, 'CHALLENGE_FAILED');
    assert.equal(p.caType, 'connection');
    assert.match(p.message, /^The CA could not validate nobody\.example\.test \(http-01\): .*connection refused/);
    assert.deepEqual(p.subproblems.map((s) => s.identifier), ['nobody.example.test']);
    assert.match(p.subproblems[0].detail, new RegExp(`/\\.well-known/acme-challenge/${challenge.token}`));
    assert.match(p.hint, /^Port 80 of nobody\.example\.test must reach this machine/);
    assert.doesNotMatch(JSON.stringify(p), /PRIVATE KEY|at .*\.ts:\d+/, 'no key, no stack trace');
    return true;
  };
  await assert.rejects(acme.waitForAuthorization(authz.url), expectFailure);
  const failed = await acme.authorization(authz.url);
  assert.equal(failed.challenges.find((c) => c.type === 'http-01')?.status, 'invalid');
  assert.match(failed.challenges.find((c) => c.type === 'http-01')?.error ?? '', /connection refused/);
  await assert.rejects(acme.waitForOrder(order.url), expectFailure);
  await assert.rejects(acme.finalize(order.url, opensslCsrDer(['nobody.example.test'], opensslKey('ec'))), expectFailure, 'finalizing the invalid order names the failed challenge');
});

test('the CA refuses names: ACME_REFUSED quoting its detail, caType without the urn prefix, a hint about the names', async () => {
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem });
  await acme.account({ agreeTos: true });
  await assert.rejects(acme.newOrder(['1.2.3.4']), (e: unknown) => {
    assert.ok(e instanceof AcmeRefusal);
    assert.equal(e.code, 'ACME_REFUSED');
    assert.equal(e.problem.caType, 'malformed');
    assert.match(e.message, /^The CA refused while creating the order: ".*IP address.*1\.2\.3\.4/);
    assert.match(e.hint, /check the names/);
    return true;
  });
  const stranger = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem: opensslKey('ec'), accountUrl: pebble.directoryUrl.replace(/\/dir$/, '/my-account/none') });
  await assert.rejects(stranger.newOrder(['a.example.test']), (e: unknown) => e instanceof AcmeRefusal && e.problem.caType === 'accountDoesNotExist' && /registers a new account/.test(e.hint));
});

test('cancel: a step stops with CANCELLED at once, even mid-wait; later steps on the aborted connection say CANCELLED too', async () => {
  const controller = new AbortController();
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem, pollMs: 10_000, signal: controller.signal });
  await acme.account({ agreeTos: true });
  const order = await acme.newOrder(['waiting.example.test']);
  const started = Date.now();
  setTimeout(() => controller.abort(), 200);
  await assert.rejects(acme.waitForAuthorization(order.authorizations[0]), (e: Coded) => e.code === 'CANCELLED');
  assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  const before = pebble.log().length;
  await assert.rejects(acme.order(order.url), (e: Coded) => e.code === 'CANCELLED');
  assert.equal(pebble.log().length, before, 'pebble logged no request for the cancelled step');
});

test('polling gives up after maxWaitMs with NETWORK (the order stays at the CA)', async () => {
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem, pollMs: 100, maxWaitMs: 400 });
  await acme.account({ agreeTos: true });
  const order = await acme.newOrder(['never.example.test']);
  await assert.rejects(acme.waitForAuthorization(order.authorizations[0]), (e: Coded) => e.code === 'NETWORK' && /had not finished waiting for the validation/.test(e.message) && /check it again later/.test(e.hint!));
});

const userAgents = new Set<string>();

/** A loopback CA that is busy: 503 + Retry-After: 1 once on newAccount, then 429 + Retry-After: 3600 on newOrder. */
async function busyCa(): Promise<LocalServer> {
  let accountCalls = 0;
  let slowSince: number | undefined;
  const server: LocalServer = await localHttpServer((req, res) => {
    userAgents.add(String(req.headers['user-agent']));
    const base = server.url;
    const problem = (status: number, headers: Record<string, string>, type: string, detail: string) =>
      res.writeHead(status, { 'Content-Type': 'application/problem+json', 'Replay-Nonce': `n${Date.now()}`, ...headers }).end(JSON.stringify({ type: `urn:ietf:params:acme:error:${type}`, detail, status }));
    if (req.url === '/dir') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ newNonce: `${base}/nonce`, newAccount: `${base}/acct`, newOrder: `${base}/order`, revokeCert: `${base}/revoke`, meta: { termsOfService: `${base}/terms` } }));
    } else if (req.url === '/nonce') {
      res.writeHead(200, { 'Replay-Nonce': `n${Date.now()}` }).end();
    } else if (req.url === '/acct') {
      if (++accountCalls === 1) problem(503, { 'Retry-After': '1' }, 'serverInternal', 'busy, come back in a second');
      else res.writeHead(201, { 'Content-Type': 'application/json', Location: `${base}/acct/1`, 'Replay-Nonce': 'n' }).end('{"status":"valid"}');
    } else if (req.url === '/order/slow') {
      // processing with Retry-After: 1 until a second has passed, then valid
      const ready = Date.now() - (slowSince ??= Date.now()) >= 1000;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Replay-Nonce': 'n', ...(ready ? {} : { 'Retry-After': '1' }) })
        .end(JSON.stringify({ status: ready ? 'valid' : 'processing', identifiers: [{ type: 'dns', value: 'slow.example.test' }], authorizations: [], finalize: `${base}/fin`, ...(ready ? { certificate: `${base}/cert` } : {}) }));
    } else if (req.url === '/order') {
      problem(429, { 'Retry-After': '3600' }, 'rateLimited', 'too many new orders recently');
    } else if (req.url === '/revoke') {
      problem(403, { Link: `<${base}/new-terms>;rel="terms-of-service"` }, 'userActionRequired', 'the terms have changed');
    } else res.writeHead(404).end();
  });
  return server;
}

test('transport: 503 with a short Retry-After is waited and retried; 429 with an hour is not waited but explained; polls wait the CA\'s Retry-After', async () => {
  const ca = await busyCa();
  try {
    const acme = connectAcme({ directoryUrl: `${ca.url}/dir`, accountKeyPem });
    const started = Date.now();
    assert.equal(await acme.account({ agreeTos: true }), `${ca.url}/acct/1`);
    const took = Date.now() - started;
    assert.ok(took >= 900 && took < 3000, `waited the CA's Retry-After of 1 s (took ${took} ms)`);
    assert.equal(ca.requests.filter((r) => r.path === '/acct').length, 2);
    assert.match(ca.requests.find((r) => r.path === '/acct')!.contentType ?? '', /application\/jose\+json/);

    const orderStarted = Date.now();
    await assert.rejects(acme.newOrder(['www.example.test']), (e: unknown) => {
      assert.ok(e instanceof AcmeRefusal);
      assert.equal(e.code, 'ACME_REFUSED');
      assert.equal(e.problem.caType, 'rateLimited');
      assert.match(e.message, /too many new orders recently/);
      assert.match(e.hint, /Try again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in 60 minutes\)/);
      return true;
    });
    assert.ok(Date.now() - orderStarted < 1000, 'an hour-long Retry-After is not slept');
    assert.equal(ca.requests.filter((r) => r.path === '/order').length, 1);

    const pollStarted = Date.now();
    const slow = await connectAcme({ directoryUrl: `${ca.url}/dir`, accountKeyPem, accountUrl: `${ca.url}/acct/1`, pollMs: 50 }).waitForOrder(`${ca.url}/order/slow`);
    assert.equal(slow.status, 'valid');
    assert.equal(slow.certificate, `${ca.url}/cert`);
    const polls = ca.requests.filter((r) => r.path === '/order/slow').length;
    assert.ok(polls <= 3, `the CA's Retry-After of 1 s was waited, not pollMs 50 ms (${polls} polls in ${Date.now() - pollStarted} ms)`);

    assert.deepEqual([...userAgents], ['Certbench (ACME over acme-client 5.4.0)'], 'every request names Certbench');
    await assert.rejects(acme.revoke(SOME_CERT), (e: unknown) => e instanceof AcmeRefusal && e.problem.caType === 'userActionRequired' && e.hint.includes(`${ca.url}/new-terms`));
  } finally {
    await ca.close();
  }
});

/** Any certificate will do for the refused revoke (the busy CA never reads it): a tiny self-signed one by openssl. */
const SOME_CERT = execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', '/dev/null', '-subj', '/CN=revoke.example.test', '-days', '1'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

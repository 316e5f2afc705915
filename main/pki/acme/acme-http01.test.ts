/**
 * A full issuance from pebble over HTTP-01 answered by Certbench's responder, then what follows it: resume
 * on a new connection from URLs, revoke (twice: alreadyRevoked), deactivate. The chain is verified by openssl
 * against pebble's root.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { opensslCsrDer, opensslKey, opensslPublicKeys, opensslSans, opensslVerify, pemCertificates } from '../../../test/helpers/acme-kit';
import { startPebble, type Pebble } from '../../../test/helpers/pebble';
import { connectAcme, type AcmeConnection, type AcmeOrderSnapshot } from './acme-connection';
import { AcmeRefusal } from './acme-problem';
import { startHttp01Responder, type Http01Responder } from './challenges';

let pebble: Pebble;
let responder: Http01Responder;
const accountKeyPem = opensslKey('ec');
let accountUrl = '';
let issued: { order: AcmeOrderSnapshot; chains: string[]; certKeyPem: string } | null = null;

before(async () => {
  pebble = await startPebble();
  responder = await startHttp01Responder({ port: pebble.httpPort, address: '127.0.0.1' });
});
after(async () => {
  await responder?.close();
  await pebble?.stop();
});

const connect = (extra: { accountUrl?: string } = {}) => connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem, pollMs: 50, ...extra });

async function validateHttp01(acme: AcmeConnection, order: AcmeOrderSnapshot): Promise<void> {
  for (const url of order.authorizations) {
    const authz = await acme.authorization(url);
    const challenge = authz.challenges.find((c) => c.type === 'http-01');
    assert.ok(challenge, `pebble offers http-01 for ${authz.identifier}`);
    responder.set(challenge.token, await acme.keyAuthorization(challenge.token));
    await acme.answer(challenge.url);
    const done = await acme.waitForAuthorization(url);
    assert.equal(done.status, 'valid');
    responder.remove(challenge.token);
  }
}

test('directory meta: pebble names its terms and needs no EAB', async () => {
  const dir = await connect().directory();
  assert.equal(dir.directoryUrl, pebble.directoryUrl);
  assert.match(dir.termsOfService ?? '', /^data:/);
  assert.equal(dir.externalAccountRequired, false);
});

test('the terms not agreed: INVALID_ARGUMENT naming the terms URL, before any account exists', async () => {
  const acme = connect();
  const terms = (await acme.directory()).termsOfService!;
  await assert.rejects(acme.account({ agreeTos: false }), (e: Error & { code?: string }) => e.code === 'INVALID_ARGUMENT' && e.message.includes(terms));
});

test('HTTP-01 issuance: account, order, challenges served by Certbench, finalize, download; openssl verifies the chain', async () => {
  const acme = connect();
  accountUrl = await acme.account({ agreeTos: true, email: 'ops@example.test' });
  assert.match(accountUrl, /^https:\/\/127\.0\.0\.1:\d+\//);
  assert.equal(await acme.account({ agreeTos: true }), accountUrl, 'the same account on a second call');

  const domains = ['www.example.test', 'example.test', 'api.example.test'];
  const order = await acme.newOrder(domains);
  assert.equal(order.status, 'pending');
  assert.deepEqual([...order.identifiers].sort(), [...domains].sort());
  assert.equal(order.authorizations.length, 3);
  await validateHttp01(acme, order);
  assert.equal((await acme.order(order.url)).status, 'ready');

  const certKeyPem = opensslKey('rsa');
  const finalized = await acme.finalize(order.url, opensslCsrDer(domains, certKeyPem));
  assert.ok(['processing', 'valid'].includes(finalized.status));
  const valid = await acme.waitForOrder(order.url);
  assert.equal(valid.status, 'valid');
  assert.ok(valid.certificate);

  const chains = await acme.download(valid.certificate);
  const requests = pebble.log().split('\n');
  const posts = requests.filter((l) => / POST \//.test(l)).length;
  const nonceHeads = requests.filter((l) => /HEAD \/nonce-plz/.test(l)).length;
  assert.ok(nonceHeads <= 6 && posts >= 15, `each answer's nonce is reused: ${nonceHeads} newNonce requests for ${posts} POSTs`);
  assert.equal(chains.length, 1, 'pebble without alternate roots offers one chain');
  const [leaf, ...intermediates] = pemCertificates(chains[0]);
  assert.ok(intermediates.length >= 1, 'the chain carries the intermediate');
  assert.match(opensslVerify(chains[0], await pebble.rootPem(0)), /leaf\.pem: OK/);
  assert.deepEqual(opensslSans(leaf), domains, 'the SANs as ordered');
  const keys = opensslPublicKeys(leaf, certKeyPem);
  assert.equal(keys.cert, keys.key, 'the certificate is for the CSR key');
  issued = { order: valid, chains, certKeyPem };

  // finalizing again (a resumed runner) returns the order instead of a CA error
  assert.equal((await acme.finalize(order.url, opensslCsrDer(domains, certKeyPem))).status, 'valid');
});

test('resume from URLs on a new connection with the same key and accountUrl: no newAccount, the same order', async () => {
  assert.ok(issued);
  const acme = connect({ accountUrl });
  assert.equal(await acme.account({ agreeTos: false }), accountUrl, 'a known account needs no terms again');
  const order = await acme.order(issued.order.url);
  assert.equal(order.status, 'valid');
  assert.equal(order.certificate, issued.order.certificate);
  const authz = await acme.authorization(order.authorizations[0]);
  assert.equal(authz.status, 'valid');
  assert.deepEqual(await acme.download(order.certificate!), issued.chains);
});

test('revoke with the account key, then a second revoke says alreadyRevoked', async () => {
  assert.ok(issued);
  const acme = connect({ accountUrl });
  await acme.revoke(issued.chains[0], 4);
  await assert.rejects(acme.revoke(issued.chains[0]), (e: unknown) => {
    assert.ok(e instanceof AcmeRefusal);
    assert.equal(e.code, 'ACME_REFUSED');
    assert.equal(e.problem.caType, 'alreadyRevoked');
    assert.match(e.hint, /already revoked/);
    return true;
  });
});

test('deactivate an authorization: the CA reports it deactivated', async () => {
  const acme = connect({ accountUrl });
  const order = await acme.newOrder(['deactivate.example.test']);
  await acme.deactivate(order.authorizations[0]);
  assert.equal((await acme.authorization(order.authorizations[0])).status, 'deactivated');
  await assert.rejects(acme.waitForAuthorization(order.authorizations[0]), (e: Error & { code?: string }) => e.code === 'ACME_REFUSED' && /deactivated/.test(e.message));
});

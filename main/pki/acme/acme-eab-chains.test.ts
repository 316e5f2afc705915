/**
 * A CA that requires external account binding (pebble with EAB keys): refused without, refused with a wrong
 * HMAC key, registered with the right one. And a CA offering an alternate chain (PEBBLE_ALTERNATE_ROOTS):
 * download() gives both, each verified by openssl against its own pebble root.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { opensslCsrDer, opensslField, opensslKey, opensslVerify, pemCertificates } from '../../../test/helpers/acme-kit';
import { startPebble, type Pebble } from '../../../test/helpers/pebble';
import { connectAcme } from './acme-connection';
import { AcmeRefusal } from './acme-problem';
import { dns01TxtName } from './challenges';

const randomBytesBase64url = (n: number) => randomBytes(n).toString('base64url');
const KID = 'kid-certbench';
const HMAC = randomBytesBase64url(32);
let eabPebble: Pebble;
let altPebble: Pebble;
before(async () => {
  [eabPebble, altPebble] = await Promise.all([startPebble({ eab: { [KID]: HMAC } }), startPebble({ alternateRoots: 1 })]);
});
after(async () => {
  await eabPebble?.stop();
  await altPebble?.stop();
});

type Coded = Error & { code?: string };
const connectTo = (pebble: Pebble) => connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem: opensslKey('ec'), pollMs: 50 });

test('EAB required: the directory says so; no binding → externalAccountRequired with the --eab-kid hint', async () => {
  const acme = connectTo(eabPebble);
  assert.equal((await acme.directory()).externalAccountRequired, true);
  await assert.rejects(acme.account({ agreeTos: true }), (e: unknown) => {
    assert.ok(e instanceof AcmeRefusal);
    assert.equal(e.code, 'ACME_REFUSED');
    assert.equal(e.problem.caType, 'externalAccountRequired');
    assert.match(e.message, /^The CA refused while creating the account/);
    assert.match(e.hint, /--eab-kid and --eab-hmac-key/);
    return true;
  });
});

test('EAB with a wrong HMAC key or an unknown kid is refused by the CA; an empty one is bad input', async () => {
  await assert.rejects(connectTo(eabPebble).account({ agreeTos: true, eab: { kid: KID, hmacKey: randomBytesBase64url(32) } }), (e: unknown) => e instanceof AcmeRefusal && e.code === 'ACME_REFUSED');
  await assert.rejects(connectTo(eabPebble).account({ agreeTos: true, eab: { kid: 'nobody', hmacKey: HMAC } }), (e: unknown) => e instanceof AcmeRefusal && e.code === 'ACME_REFUSED');
  await assert.rejects(connectTo(eabPebble).account({ agreeTos: true, eab: { kid: ' ', hmacKey: HMAC } }), (e: Coded) => e.code === 'INVALID_ARGUMENT');
  await assert.rejects(connectTo(eabPebble).account({ agreeTos: true, eab: { kid: KID, hmacKey: 'not base64!' } }), (e: Coded) => e.code === 'INVALID_ARGUMENT');
});

test('EAB with the right kid and HMAC key: the account is registered and can order', async () => {
  const acme = connectTo(eabPebble);
  const url = await acme.account({ agreeTos: true, email: 'eab@example.test', eab: { kid: KID, hmacKey: HMAC } });
  assert.match(url, /\/my-account\//);
  assert.equal((await acme.newOrder(['eab.example.test'])).status, 'pending');
});

test('alternate chains: download() gives the default chain then the alternate, distinct top issuers, each verified against its root', async () => {
  const acme = connectTo(altPebble);
  await acme.account({ agreeTos: true });
  const domains = ['alt.example.test'];
  const order = await acme.newOrder(domains);
  const authz = await acme.authorization(order.authorizations[0]);
  const challenge = authz.challenges.find((c) => c.type === 'dns-01')!;
  await altPebble.setTxt(dns01TxtName(authz.identifier), await acme.dnsValue(challenge.token));
  await acme.answer(challenge.url);
  await acme.waitForAuthorization(authz.url);
  await acme.finalize(order.url, opensslCsrDer(domains, opensslKey('ec')));
  const valid = await acme.waitForOrder(order.url);
  const chains = await acme.download(valid.certificate!);
  assert.equal(chains.length, 2);
  const leaves = chains.map((c) => pemCertificates(c)[0]);
  assert.equal(leaves[0], leaves[1], 'the same leaf in both chains');
  const tops = chains.map((c) => opensslField(pemCertificates(c).at(-1)!, 'issuer'));
  assert.notEqual(tops[0], tops[1], `distinct top issuers: ${tops.join(' / ')}`);
  const rootZero = await altPebble.rootPem(0);
  for (const [i, chain] of chains.entries()) assert.match(opensslVerify(chain, await altPebble.rootPem(i)), /OK/, `chain ${i} verifies against root ${i}`);
  assert.throws(() => opensslVerify(chains[1], rootZero), /unable to get local issuer|unable to get issuer/, 'the alternate chain does not verify against the default root');
});

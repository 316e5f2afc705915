/**
 * DNS-01 against pebble: a wildcard and its base name validated through TXT records that a certbot-style hook
 * sets in challtestsrv (run by runHook, so the hook sees CERTBENCH_* and CERTBOT_*), checked by checkDnsTxt
 * first; and a wrong TXT value, which the CA refuses (CHALLENGE_FAILED with its words and the name).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { opensslCsrDer, opensslKey, opensslSans, opensslVerify, pemCertificates } from '../../../test/helpers/acme-kit';
import { startPebble, type Pebble } from '../../../test/helpers/pebble';
import { connectAcme } from './acme-connection';
import { AcmeRefusal } from './acme-problem';
import { checkDnsTxt, dns01TxtName, runHook } from './challenges';

let pebble: Pebble;
before(async () => {
  pebble = await startPebble();
});
after(() => pebble?.stop());

const accountKeyPem = opensslKey('ec');
const connect = () => connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem, pollMs: 50 });

/** A hook as a user would write it: it only knows its environment (certbot's names for the domain, ours for the value). */
const hook = (path: 'set-txt' | 'clear-txt') =>
  `node -e 'const e = process.env; fetch("${pebble.challtestUrl}/${path}", { method: "POST", body: JSON.stringify({ host: "_acme-challenge." + e.CERTBOT_DOMAIN + ".", value: e.CERTBENCH_VALIDATION }) })` +
  `.then((r) => { console.log("${path}", e.CERTBENCH_DOMAIN, e.CERTBENCH_TOKEN === e.CERTBOT_TOKEN ? "tokens agree" : "tokens differ"); process.exit(r.ok ? 0 : 1); })'`;

test('dns01TxtName drops the wildcard label', () => {
  assert.equal(dns01TxtName('*.example.com'), '_acme-challenge.example.com');
  assert.equal(dns01TxtName('example.com'), '_acme-challenge.example.com');
  assert.equal(dns01TxtName('www.example.com.'), '_acme-challenge.www.example.com');
});

test('a wildcard and its base name over DNS-01, TXT records set by a hook; openssl verifies the chain', async () => {
  const acme = connect();
  await acme.account({ agreeTos: true });
  const domains = ['*.example.test', 'example.test'];
  const order = await acme.newOrder(domains);
  const seen: string[] = [];
  for (const url of order.authorizations) {
    const authz = await acme.authorization(url);
    const challenge = authz.challenges.find((c) => c.type === 'dns-01');
    assert.ok(challenge, `pebble offers dns-01 for ${authz.identifier}`);
    if (authz.wildcard) assert.equal(authz.identifier, '*.example.test', 'a wildcard authorization keeps its "*." as ordered');
    const value = await acme.dnsValue(challenge.token);
    assert.match(value, /^[A-Za-z0-9_-]{43}$/, 'base64url SHA-256');
    const run = await runHook({ command: hook('set-txt'), domain: authz.identifier, validation: value, token: challenge.token });
    assert.equal(run.output.trim(), 'set-txt example.test tokens agree', 'the hook saw the base domain and the same token under both names');
    const check = await checkDnsTxt(dns01TxtName(authz.identifier), value, [pebble.dnsServer]);
    assert.equal(check.ok, true, check.message);
    assert.ok(check.seen.includes(value));
    seen.push(...check.seen);
    await acme.answer(challenge.url);
    assert.equal((await acme.waitForAuthorization(url)).status, 'valid');
  }
  assert.equal(new Set(seen).size, 2, 'the second check saw both values at the one TXT name (wildcard + base)');
  await runHook({ command: hook('clear-txt'), domain: 'example.test', validation: '', token: '' });
  assert.equal((await checkDnsTxt('_acme-challenge.example.test', 'x', [pebble.dnsServer])).ok, false, 'the cleanup hook removed the records');

  const finalized = await acme.finalize(order.url, opensslCsrDer(domains, opensslKey('ec')));
  const valid = finalized.status === 'valid' ? finalized : await acme.waitForOrder(order.url);
  const [chain] = await acme.download(valid.certificate!);
  assert.match(opensslVerify(chain, await pebble.rootPem(0)), /OK/);
  assert.deepEqual(opensslSans(pemCertificates(chain)[0]), domains);
});

test('a wrong TXT value: CHALLENGE_FAILED with pebble\'s detail, the name, and a hint naming the record and the value', async () => {
  const acme = connect();
  await acme.account({ agreeTos: true });
  const order = await acme.newOrder(['wrong.example.test']);
  const authz = await acme.authorization(order.authorizations[0]);
  const challenge = authz.challenges.find((c) => c.type === 'dns-01')!;
  const value = await acme.dnsValue(challenge.token);
  await pebble.setTxt('_acme-challenge.wrong.example.test', 'not-the-value');
  const check = await checkDnsTxt('_acme-challenge.wrong.example.test', value, [pebble.dnsServer]);
  assert.equal(check.ok, false);
  assert.deepEqual(check.seen, ['not-the-value']);
  assert.match(check.message, /holds "not-the-value", not the expected value/);
  await acme.answer(challenge.url);
  await assert.rejects(acme.waitForAuthorization(authz.url), (e: unknown) => {
    assert.ok(e instanceof AcmeRefusal);
    assert.equal(e.code, 'CHALLENGE_FAILED');
    assert.match(e.message, /wrong\.example\.test \(dns-01\)/);
    assert.match(e.message, /Correct value not found for DNS challenge/i, 'pebble\'s own words');
    assert.equal(e.problem.caType, 'unauthorized');
    assert.deepEqual(e.problem.subproblems.map((s) => s.identifier), ['wrong.example.test']);
    assert.ok(e.hint.includes(`_acme-challenge.wrong.example.test must hold "${value}"`), e.hint);
    return true;
  });
  const after = await acme.order(order.url);
  assert.equal(after.status, 'invalid');
  await assert.rejects(acme.waitForOrder(order.url), (e: Error & { code?: string }) => e.code === 'CHALLENGE_FAILED' && /wrong\.example\.test \(dns-01\)/.test(e.message), 'the invalid order names the failed challenge');
});

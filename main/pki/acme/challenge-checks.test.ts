/**
 * The live checks against real peers: TXT records served by pebble-challtestsrv (the DNS), and the HTTP-01
 * URL fetched from Certbench's responder with the name resolved through that DNS.
 */
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { after, before, test } from 'node:test';
import { freePort } from '../../../test/helpers/local-http';
import { startPebble, type Pebble } from '../../../test/helpers/pebble';
import { checkDnsTxt, checkHttp01, startHttp01Responder, type Http01Responder } from './challenges';

let pebble: Pebble;
let responder: Http01Responder;
before(async () => {
  pebble = await startPebble();
  responder = await startHttp01Responder({ port: 0, address: '127.0.0.1' });
});
after(async () => {
  await responder?.close();
  await pebble?.stop();
});

test('checkDnsTxt: the expected value, beside another one, a wrong one, none', async () => {
  const name = '_acme-challenge.check.example.test';
  const none = await checkDnsTxt(name, 'v1', [pebble.dnsServer]);
  assert.equal(none.ok, false);
  assert.deepEqual(none.seen, []);
  assert.match(none.message, /no TXT record at _acme-challenge\.check\.example\.test yet/i);

  await pebble.setTxt(name, 'other');
  const wrong = await checkDnsTxt(name, 'v1', [pebble.dnsServer]);
  assert.equal(wrong.ok, false);
  assert.deepEqual(wrong.seen, ['other']);
  assert.match(wrong.message, /holds "other", not the expected value/);

  await pebble.setTxt(name, 'v1');
  const both = await checkDnsTxt(name, 'v1', [pebble.dnsServer]);
  assert.equal(both.ok, true, both.message);
  assert.deepEqual([...both.seen].sort(), ['other', 'v1']);
  assert.match(both.message, /expected value \(beside 1 other value/);
  assert.ok(!Number.isNaN(Date.parse(both.at)));

  await pebble.clearTxt(name);
  await pebble.setTxt(name, 'v1');
  const only = await checkDnsTxt(name, 'v1', [pebble.dnsServer]);
  assert.equal(only.ok, true);
  assert.equal(only.message, `The TXT record at ${name} has the expected value.`);
});

test('checkDnsTxt: a DNS server that does not answer, and servers that are not addresses', async () => {
  const silent = createSocket('udp4');
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  try {
    const started = Date.now();
    const r = await checkDnsTxt('_acme-challenge.example.test', 'v', [`127.0.0.1:${silent.address().port}`]);
    assert.equal(r.ok, false);
    assert.match(r.message, /DNS servers did not answer \(asked 127\.0\.0\.1:\d+\)/);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  } finally {
    silent.close();
  }
  await assert.rejects(checkDnsTxt('x.example.test', 'v', ['not a server']), (e: Error & { code?: string }) => e.code === 'INVALID_ARGUMENT');
});

test('checkHttp01: the responder answers the key authorization for a name resolved through challtestsrv', async () => {
  responder.set('tok-ok', 'tok-ok.thumb');
  const r = await checkHttp01('www.example.test', 'tok-ok', 'tok-ok.thumb', { port: responder.port, servers: [pebble.dnsServer] });
  assert.equal(r.ok, true, r.message);
  assert.equal(r.message, `http://www.example.test:${responder.port}/.well-known/acme-challenge/tok-ok answers the expected content.`);
  assert.deepEqual(r.seen, ['tok-ok.thumb']);
  const byAddress = await checkHttp01('127.0.0.1', 'tok-ok', 'tok-ok.thumb', { port: responder.port });
  assert.equal(byAddress.ok, true, 'without servers the name is used as it is');
});

test('checkHttp01: other content, a missing file, nothing listening, a wildcard', async () => {
  responder.set('tok-wrong', 'something else');
  const wrong = await checkHttp01('www.example.test', 'tok-wrong', 'tok-wrong.thumb', { port: responder.port, servers: [pebble.dnsServer] });
  assert.equal(wrong.ok, false);
  assert.deepEqual(wrong.seen, ['something else']);
  assert.match(wrong.message, /answered HTTP 200, but not with the expected content/);

  const missing = await checkHttp01('www.example.test', 'tok-none', 'x', { port: responder.port, servers: [pebble.dnsServer] });
  assert.equal(missing.ok, false);
  assert.match(missing.message, /answered HTTP 404: the file is not there/);

  const port = await freePort();
  const refused = await checkHttp01('www.example.test', 'tok-ok', 'x', { port, servers: [pebble.dnsServer] });
  assert.equal(refused.ok, false);
  assert.match(refused.message, new RegExp(`Nothing answers on port ${port} of www\\.example\\.test \\(127\\.0\\.0\\.1\\)`));

  await assert.rejects(checkHttp01('*.example.test', 't', 'x', { servers: [pebble.dnsServer] }), (e: Error & { code?: string; hint?: string }) => e.code === 'INVALID_ARGUMENT' && /DNS-01/.test(e.hint ?? ''));
});

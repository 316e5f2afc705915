/** The pebble harness itself: directory over TLS trusted by caFile, roots from the management port, TXT records through challtestsrv. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resolver } from 'node:dns/promises';
import { execFileSync } from 'node:child_process';
import { get } from 'node:https';
import { startPebble } from './pebble';

test('pebble harness: directory, root CA, and TXT records answered by challtestsrv', async () => {
  const pebble = await startPebble();
  try {
    const directory = await new Promise<Record<string, unknown>>((resolve, reject) => {
      get(pebble.directoryUrl, { ca: pebble.caPem }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      }).on('error', reject);
    });
    assert.match(String(directory.newOrder), /^https:\/\/127\.0\.0\.1:\d+\//);
    const root = await pebble.rootPem();
    const text = execFileSync('openssl', ['x509', '-noout', '-subject', '-ext', 'basicConstraints'], { input: root }).toString();
    assert.match(text, /Pebble Root CA/);
    assert.match(text, /CA:TRUE/);

    await pebble.setTxt('_acme-challenge.example.test', 'abc123');
    const resolver = new Resolver();
    resolver.setServers([pebble.dnsServer]);
    assert.deepEqual(await resolver.resolveTxt('_acme-challenge.example.test'), [['abc123']]);
    assert.deepEqual(await resolver.resolve4('anything.example.test'), ['127.0.0.1']);
    await pebble.clearTxt('_acme-challenge.example.test');
    await assert.rejects(resolver.resolveTxt('_acme-challenge.example.test'));
  } finally {
    await pebble.stop();
  }
});

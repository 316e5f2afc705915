/**
 * generateKey against OpenSSL: every key type's PKCS#8 is read by `openssl pkey` (RSA and EC keys pass
 * `-check`), with the size, curve and public exponent asked; key generation leaves the event loop free, and
 * an aborted signal gives CANCELLED.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { KeySpecName } from '../../api/dto';
import { openssl, opensslBytes, Scratch } from '../../../test/helpers/openssl-req';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { privateKeyFacts } from '../crypto';
import { generateKey } from './generate';

const scratch = new Scratch();
after(() => scratch.remove());

const EXPECTED: Record<KeySpecName, RegExp> = {
  'rsa:2048': /Private-Key: \(2048 bit, 2 primes\)[\s\S]*publicExponent: 65537 \(0x10001\)/,
  'rsa:3072': /Private-Key: \(3072 bit, 2 primes\)[\s\S]*publicExponent: 65537 \(0x10001\)/,
  'rsa:4096': /Private-Key: \(4096 bit, 2 primes\)[\s\S]*publicExponent: 65537 \(0x10001\)/,
  'ec:P-256': /Private-Key: \(256 bit\)[\s\S]*NIST CURVE: P-256/,
  'ec:P-384': /Private-Key: \(384 bit\)[\s\S]*NIST CURVE: P-384/,
  'ec:P-521': /Private-Key: \(521 bit\)[\s\S]*NIST CURVE: P-521/,
  ed25519: /ED25519 Private-Key:/,
};

for (const spec of Object.keys(EXPECTED) as KeySpecName[]) {
  test(`${spec}: openssl reads the PKCS#8 key${spec === 'ed25519' ? '' : ' and its -check passes'}`, async () => {
    // Timers keep running while the key is made (libuv's thread pool, not the event loop): checked on the slowest.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    let ticksWhenDone = -1;
    const key = await generateKey(spec)
      .then((k) => ((ticksWhenDone = ticks), k))
      .finally(() => clearInterval(timer));
    if (spec === 'rsa:4096') assert.ok(ticksWhenDone > 0, 'the event loop was blocked while the key was made');
    const file = scratch.write('key.der', key);
    const text = openssl(['pkey', '-inform', 'DER', '-in', file, '-noout', '-text']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, EXPECTED[spec]);
    const asn1 = openssl(['asn1parse', '-inform', 'DER', '-in', file]);
    assert.match(asn1.stdout.split('\n')[1], /INTEGER\s+:00/, 'PKCS#8 version 0');
    if (spec !== 'ed25519') {
      const check = openssl(['pkey', '-inform', 'DER', '-in', file, '-noout', '-check']);
      assert.equal(check.status, 0, check.stderr);
      assert.match(check.stdout + check.stderr, /Key is valid/);
    }
    const spki = opensslBytes(['pkey', '-inform', 'DER', '-in', file, '-pubout', '-outform', 'DER']);
    assert.equal(Buffer.from(privateKeyFacts(key).spki).toString('hex'), spki.toString('hex'), 'the public half openssl derives');
  });
}

test('two keys of the same type differ', async () => {
  const [a, b] = await Promise.all([generateKey('ec:P-256'), generateKey('ec:P-256')]);
  assert.notDeepEqual(a, b);
});

test('an aborted signal gives CANCELLED, before or during generation', async () => {
  const before = new AbortController();
  before.abort();
  await rejectsWith(generateKey('rsa:2048', { signal: before.signal }), 'CANCELLED');
  const during = new AbortController();
  const pending = generateKey('rsa:3072', { signal: during.signal });
  setImmediate(() => during.abort());
  const e = await rejectsWith(pending, 'CANCELLED');
  assert.match(e.message, /cancelled/);
});

test('an unknown key type is INVALID_ARGUMENT', async () => {
  await rejectsWith(generateKey('rsa:1024' as KeySpecName), 'INVALID_ARGUMENT');
  await rejectsWith(generateKey('toString' as KeySpecName), 'INVALID_ARGUMENT');
});

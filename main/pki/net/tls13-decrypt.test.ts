/** HKDF-Expand-Label against OpenSSL's own TLS13-KDF (`openssl kdf ... TLS13-KDF`) and RFC 8448's example keys. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { randomBytes } from '../crypto';
import { hkdfExpandLabel } from './tls13-decrypt';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function opensslExpandLabel(digest: 'SHA256' | 'SHA384', secret: Uint8Array, label: string, context: Uint8Array, length: number): string {
  const out = execFileSync(
    'openssl',
    ['kdf', '-keylen', String(length), '-kdfopt', `digest:${digest}`, '-kdfopt', 'mode:EXPAND_ONLY', '-kdfopt', `hexkey:${hex(secret)}`, '-kdfopt', 'prefix:tls13 ', '-kdfopt', `label:${label}`, '-kdfopt', `hexdata:${hex(context)}`, 'TLS13-KDF'],
    { encoding: 'utf8' },
  );
  return out.trim().replace(/:/g, '').toLowerCase();
}

test('RFC 8448 section 3: the server handshake write key and iv', () => {
  const secret = Buffer.from('b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38', 'hex');
  assert.equal(hex(hkdfExpandLabel('sha256', secret, 'key', new Uint8Array(0), 16)), '3fce516009c21727d0f2e4e86ee403bc');
  assert.equal(hex(hkdfExpandLabel('sha256', secret, 'iv', new Uint8Array(0), 12)), '5d313eb2671276ee13000b30');
});

test('equals OpenSSL TLS13-KDF for SHA-256 and SHA-384, several labels, contexts and lengths', () => {
  const cases: [('sha256' | 'sha384'), string, number, number][] = [
    ['sha256', 'key', 0, 16],
    ['sha256', 'iv', 0, 12],
    ['sha256', 'key', 0, 32],
    ['sha384', 'key', 0, 32],
    ['sha384', 'iv', 0, 12],
    ['sha384', 'finished', 0, 48],
    ['sha256', 'c hs traffic', 32, 32],
    ['sha384', 'derived', 48, 100],
  ];
  for (const [hash, label, contextLength, length] of cases) {
    const secret = randomBytes(hash === 'sha256' ? 32 : 48);
    const context = randomBytes(contextLength);
    const ours = hex(hkdfExpandLabel(hash, secret, label, context, length));
    assert.equal(ours, opensslExpandLabel(hash === 'sha256' ? 'SHA256' : 'SHA384', secret, label, context, length), `${hash} ${label} ${length}`);
  }
});

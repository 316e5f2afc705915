/** PEM output checked by OpenSSL: the same certificates, in the same order, byte-equal to its own PEM. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { parsePemBlocks } from './pem-blocks';
import { certificatesPem, pemBlock } from './pem-write';

const dir = mkdtempSync(join(tmpdir(), 'pem-write-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', env: { ...process.env, OPENSSL_CONF: '/dev/null' } });
const ders = (path: string) => parsePemBlocks(readFileSync(path, 'latin1')).map((b) => b.der);

test('certificatesPem: OpenSSL lists the same certificates in the same order, and its own PEM of each is byte-equal', () => {
  // Shuffled on purpose: the writer keeps the order it is given.
  const chain = ders(fixture('x509', 'chain.pem'));
  const given = [chain[2], chain[0], chain[1], ders(fixture('corpus', 'letsencrypt', 'isrgrootx1.pem'))[0]];
  const text = certificatesPem(given);
  const file = join(dir, 'given.pem');
  writeFileSync(file, text);
  const listed = openssl('crl2pkcs7', '-nocrl', '-certfile', file).trim();
  const printed = execFileSync('openssl', ['pkcs7', '-print_certs'], { input: listed, encoding: 'utf8' });
  const reread = parsePemBlocks(printed).map((b) => Buffer.from(b.der).toString('hex'));
  assert.deepEqual(reread, given.map((d) => Buffer.from(d).toString('hex')));
  // Each block is exactly what `openssl x509` writes for that certificate (64 columns, LF, trailing newline).
  for (const der of given) {
    const derFile = join(dir, 'one.der');
    writeFileSync(derFile, der);
    assert.equal(pemBlock('CERTIFICATE', der), openssl('x509', '-inform', 'DER', '-in', derFile));
  }
  assert.ok(text.endsWith('-----END CERTIFICATE-----\n'));
  assert.ok(!text.includes('\r'));
  assert.ok(text.split('\n').every((l) => l.length <= 64));
});

test('certificatesPem of nothing is the empty string; pemBlock keeps any label', () => {
  assert.equal(certificatesPem([]), '');
  const block = pemBlock('PKCS7', new Uint8Array([0x30, 0x00]));
  assert.equal(block, '-----BEGIN PKCS7-----\nMAA=\n-----END PKCS7-----\n');
});

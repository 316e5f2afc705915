/**
 * P7B output byte-equal to `openssl crl2pkcs7 -nocrl` for the same certificates in the same order, listed
 * back by `openssl pkcs7 -print_certs` (PEM and DER) and by our reader.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixture, fixtureBytes } from '../../../test/helpers/fixtures';
import { digest } from '../crypto';
import { readBytes } from '../read';
import { parsePemBlocks } from './pem-blocks';
import { certificatesPem } from './pem-write';
import { certsOnlyPkcs7, pkcs7Pem } from './pkcs7-write';

const dir = mkdtempSync(join(tmpdir(), 'pkcs7-write-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, OPENSSL_CONF: '/dev/null' };
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const certsIn = (path: string) => parsePemBlocks(readFileSync(path, 'latin1')).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);

const chain = certsIn(fixture('x509', 'chain.pem'));
const le = ['isrgrootx1.pem', 'lets-encrypt-r3.pem', 'isrg-root-x2.pem', '2024/e5.pem'].map((f) => certsIn(fixture('corpus', 'letsencrypt', f))[0]);
const CASES: [string, Uint8Array[]][] = [
  ['the fixture chain as written', chain],
  ['the fixture chain reversed', [...chain].reverse()],
  ["Let's Encrypt roots and intermediates, RSA and EC, shuffled", [le[2], le[0], le[3], le[1]]],
  ['one certificate', [chain[1]]],
  ['no certificates', []],
];

for (const [name, certs] of CASES) {
  test(`${name}: byte-equal to openssl crl2pkcs7 -nocrl, and listed back in the same order`, () => {
    const ours = certsOnlyPkcs7(certs);
    const pemIn = join(dir, 'in.pem');
    writeFileSync(pemIn, certificatesPem(certs));
    const peerArgs = ['crl2pkcs7', '-nocrl', '-outform', 'DER', ...(certs.length > 0 ? ['-certfile', pemIn] : [])];
    const peer = execFileSync('openssl', peerArgs, { env });
    assert.equal(hex(ours), hex(peer));
    const pem = pkcs7Pem(ours);
    const peerPem = execFileSync('openssl', peerArgs.filter((a) => a !== '-outform' && a !== 'DER'), { env, encoding: 'utf8' });
    assert.equal(pem, peerPem);
    for (const [file, bytes, inform] of [['out.p7b', pem, 'PEM'], ['out-der.p7b', ours, 'DER']] as const) {
      writeFileSync(join(dir, file), bytes);
      const printed = execFileSync('openssl', ['pkcs7', '-print_certs', '-inform', inform, '-in', join(dir, file)], { env, encoding: 'utf8' });
      assert.deepEqual(parsePemBlocks(printed).map((b) => hex(b.der)), certs.map(hex), `openssl pkcs7 -print_certs -inform ${inform}`);
    }
  });
}

test('the committed OpenSSL-made chain.p7b / chain-der.p7b are what we write for chain.pem', async () => {
  assert.equal(hex(certsOnlyPkcs7(chain)), hex(fixtureBytes('x509', 'chain-der.p7b')));
  assert.equal(pkcs7Pem(certsOnlyPkcs7(chain)), readFileSync(fixture('x509', 'chain.p7b'), 'utf8'));
  const back = await readBytes(certsOnlyPkcs7(chain));
  assert.equal(back.format, 'pkcs7');
  assert.deepEqual(back.objects.map((o) => (o.kind === 'certificate' ? hex(o.der) : o.kind)), chain.map(hex));
});

test('every pyca certificate OpenSSL reads, in one bundle (written as PEM for OpenSSL): our P7B byte-equal to that of crl2pkcs7, listed back in order', async () => {
  const rows = readFileSync(fixture('corpus', 'pyca', 'x509-manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const certs: Uint8Array[] = [];
  const expected: string[] = [];
  for (const [path, kind, sha256] of rows) {
    if (kind !== 'certificate') continue;
    const read = await readBytes(fixtureBytes('corpus', 'pyca', path));
    const cert = read.objects.find((o) => o.kind === 'certificate');
    assert.ok(cert && cert.kind === 'certificate', path);
    certs.push(cert.der);
    expected.push(sha256.toLowerCase());
  }
  assert.ok(certs.length > 100, `${certs.length} certificates`);
  const pemIn = join(dir, 'all.pem');
  writeFileSync(pemIn, certificatesPem(certs));
  const peer = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', pemIn, '-outform', 'DER'], { env, maxBuffer: 64 << 20 });
  assert.equal(hex(certsOnlyPkcs7(certs)), hex(peer));
  writeFileSync(join(dir, 'all.p7b'), certsOnlyPkcs7(certs));
  const printed = execFileSync('openssl', ['pkcs7', '-print_certs', '-inform', 'DER', '-in', join(dir, 'all.p7b')], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const fps = parsePemBlocks(printed).map((b) => Buffer.from(digest('sha256', b.der)).toString('hex'));
  assert.deepEqual(fps, expected);
});

/** The ROCA fingerprint test against roca-detect's own vectors, a modulus built as the paper describes, and openssl keys. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { peerDir } from '../../../test/helpers/csr-peer';
import { fixture, fixtureJson } from '../../../test/helpers/fixtures';
import { keyFactsForSpki } from '../x509/lints';
import { parseCsr } from '../x509/csr';
import { isRocaVulnerable, rocaMarkers } from './roca';

interface Vectors {
  vulnerable: Record<string, string>;
  notVulnerable: Record<string, string>;
  fakeModuli: { decimal: string[] };
}
const vectors = fixtureJson<Vectors>('roca', 'vectors.json');
const peer = peerDir();
after(() => peer.cleanup());

/** The modulus of a PEM public or private key, as openssl prints it. */
function opensslModulus(path: string, pub: boolean): bigint {
  const args = ['rsa', ...(pub ? ['-pubin'] : ['-passin', 'pass:not-the-password']), '-in', path, '-noout', '-modulus'];
  const out = execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return BigInt('0x' + out.trim().replace('Modulus=', ''));
}

const spkiOf = (path: string, pub: boolean) => new Uint8Array(execFileSync('openssl', ['pkey', ...(pub ? ['-pubin'] : []), '-in', path, '-pubout', '-outform', 'DER']));

test("the markers are roca-detect's published ones (3 → 6, 5 → 30, 7 → 126 ...)", () => {
  const m = rocaMarkers();
  assert.equal(m.length, 38);
  assert.deepEqual(
    m.slice(0, 8).map((x) => [x.prime, x.marker]),
    [[3, 6n], [5, 30n], [7, 126n], [11, 1026n], [13, 5658n], [17, 107286n], [19, 199410n], [23, 8388606n]],
  );
  assert.equal(m[m.length - 1].prime, 167);
});

test("roca-detect's vulnerable moduli are flagged, its clean ones are not", () => {
  for (const [name, hex] of Object.entries(vectors.vulnerable)) assert.equal(isRocaVulnerable(BigInt(hex)), true, name);
  for (const [name, hex] of Object.entries(vectors.notVulnerable)) assert.equal(isRocaVulnerable(BigInt(hex)), false, name);
  assert.equal(isRocaVulnerable(opensslModulus(fixture('roca', 'pubkey03.pem'), true)), true, 'pubkey03.pem');
  assert.equal(isRocaVulnerable(opensslModulus(fixture('roca', 'pubkey01.pem'), true)), false, 'pubkey01.pem');
});

test('moduli built to fool the markers alone are rejected by the discrete-log test', () => {
  assert.equal(vectors.fakeModuli.decimal.length, 10);
  for (const d of vectors.fakeModuli.decimal) assert.equal(isRocaVulnerable(BigInt(d)), false, d.slice(0, 20));
});

test('a modulus built as the paper describes (p, q = k·M + 65537^a mod M) is flagged', () => {
  // M: the primorial of the first 39 primes, as RSALib uses for 512-bit keys (paper, section 2.1).
  const primes: bigint[] = [];
  for (let n = 2n; primes.length < 39; n++) if (primes.every((p) => n % p !== 0n)) primes.push(n);
  const M = primes.reduce((a, p) => a * p, 1n);
  let g = 1n;
  const power = (a: number) => {
    g = 1n;
    for (let i = 0; i < a; i++) g = (g * 65537n) % M;
    return g;
  };
  const p = 3n * M + power(12);
  const q = 4n * M + power(13);
  assert.equal(isRocaVulnerable(p * q), true);
  // One step off the structure and the fingerprint is gone.
  assert.equal(isRocaVulnerable(p * q + 2n), false);
});

test('keys made by openssl are never flagged (the key and x509 fixtures, fresh keys)', () => {
  const paths: string[] = [];
  for (const dir of [fixture('keys'), fixture('x509')])
    for (const f of readdirSync(dir)) if (/\.(pem|key)$/.test(f) && /PRIVATE KEY/.test(readFileSync(join(dir, f), 'latin1'))) paths.push(join(dir, f));
  let checked = 0;
  for (const path of paths) {
    let n: bigint;
    try {
      n = opensslModulus(path, false);
    } catch {
      continue; // not RSA, or encrypted under a password we do not pass
    }
    assert.equal(isRocaVulnerable(n), false, path);
    checked++;
  }
  for (let i = 0; i < 4; i++) {
    assert.equal(isRocaVulnerable(opensslModulus(peer.key(`rsa:${2048 + i * 8}`), false)), false);
    checked++;
  }
  assert.ok(checked >= 9, `${checked} openssl RSA keys checked`);
});

test('random odd 2048-bit numbers are not flagged (markers have no practical false positives)', () => {
  let seed = 0x2545f4914f6cdd1dn;
  const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
  for (let i = 0; i < 2000; i++) {
    let n = 1n;
    for (let w = 0; w < 32; w++) n = (n << 64n) | next();
    assert.equal(isRocaVulnerable(n | 1n), false);
  }
});

test('a CSR that openssl makes with the ROCA test key says so in its problems (the opened-CSR path)', () => {
  const der = peer.req(fixture('roca', 'privkey05.pem'), ['-subj', '/CN=www.example.com', '-addext', 'subjectAltName=DNS:www.example.com']);
  assert.equal(peer.opensslVerifies(der), true);
  const csr = parseCsr(der);
  const roca = csr.problems.filter((p) => p.code === 'RSA_KEY_ROCA');
  assert.deepEqual(roca.map((p) => [p.severity, (p as { rule?: string }).rule, (p as { field?: string }).field]), [['error', 'ROCA (CVE-2017-15361)', 'key']]);
  // And the same key, reused from the workbench on the form path.
  assert.equal(keyFactsForSpki(spkiOf(fixture('roca', 'privkey05.pem'), false)).modulus, opensslModulus(fixture('roca', 'privkey05.pem'), false));
  const clean = parseCsr(peer.req('rsa:2048', ['-subj', '/CN=www.example.com', '-addext', 'subjectAltName=DNS:www.example.com']));
  assert.deepEqual(clean.problems, []);
});

test('one check costs little: a clean 4096-bit modulus in well under a millisecond', () => {
  const n = opensslModulus(peer.key('rsa:4096'), false);
  isRocaVulnerable(n);
  const t = performance.now();
  for (let i = 0; i < 200; i++) isRocaVulnerable(n);
  const each = (performance.now() - t) / 200;
  assert.ok(each < 0.5, `${each.toFixed(3)} ms per check`);
});

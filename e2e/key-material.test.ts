/**
 * The private-key audit's detector, proved on the key material itself: it knows every key the fixtures hold
 * (as OpenSSL and keytool extracted them), finds every secret component whole or in part in every encoding
 * and alignment, and stays silent on certificates, CSRs, CRLs and public keys.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectedSources, loadFixtureSecrets, manifestKeySpkis, RSA_COMPONENTS } from './fixture-secrets';
import { keyDetector, MIN_LEAK_CHARS, ROOT } from './key-material';

const secrets = loadFixtureSecrets();
const detector = keyDetector();
const distinct = [...new Map(secrets.keys.map((k) => [k.spkiSha256, k])).values()];

/** The way PEM carries bytes: base64 in 64-character lines. */
const pemLines = (b: Buffer) => b.toString('base64').match(/.{1,64}/g)!.join('\n');

test('the detector loads every key of secrets.json, and secrets.json covers every fixture that may hold one', () => {
  assert.equal(detector.keyCount, secrets.keyCount);
  assert.equal(detector.distinctKeys, new Set(secrets.keys.map((k) => k.spkiSha256)).size);
  const sources = new Set(secrets.sources.map((s) => s.path));
  for (const path of expectedSources()) assert.ok(sources.has(path), path);
  const spkis = new Set(secrets.keys.map((k) => k.spkiSha256));
  for (const spki of manifestKeySpkis()) assert.ok(spkis.has(spki), spki);
  // The keys keytool generated inside the Java keystores are there.
  for (const entry of ['e2e/fixtures/keystore.jks#shop', 'test/fixtures/keystores/server.jks#server', 'test/fixtures/keystores/keys.jceks#client', 'test/fixtures/keystores/ec.jks#ec', 'test/fixtures/keystores/unicode.jks#uni', 'test/fixtures/keystores/keypass.jks#locked']) {
    assert.equal(secrets.sources.find((s) => s.path === entry)?.keys, 1, entry);
  }
  // And the AES keys Java keeps as secret keys (JCEKS, and a PKCS#12 secretBag), decrypted by OpenSSL's pieces.
  for (const entry of ['test/fixtures/keystores/keys.jceks#aes', 'test/fixtures/pkcs12/java-secret.p12']) {
    assert.equal(secrets.sources.find((s) => s.path === entry)?.keys, 1, entry);
  }
  assert.deepEqual(secrets.keys.filter((k) => k.secrets.secret).map((k) => k.secrets.secret!.length).sort(), [32, 64], 'AES-128 and AES-256');
});

test('every secret component of every key is found whole, in hex (any case, colons, line breaks)', () => {
  for (const key of distinct) {
    for (const [name, hex] of Object.entries(key.secrets)) {
      const what = `${name} of ${key.source}`;
      assert.ok(detector.find(`x ${hex} y`), what);
      assert.ok(detector.find(hex.toUpperCase()), what);
      const colons = hex.toUpperCase().match(/../g)!;
      // openssl -text style: 15 bytes a line, indented.
      const lines = colons.map((c, i) => (i % 15 === 14 ? `${c}:\n    ` : `${c}:`)).join('');
      assert.ok(detector.find(lines), what);
    }
  }
});

test('every secret component is found inside other bytes, in base64 at each alignment, PEM lines and base64url', () => {
  for (const key of distinct) {
    for (const [name, hex] of Object.entries(key.secrets)) {
      const component = Buffer.from(hex, 'hex');
      for (let before = 0; before < 3; before++) {
        const wrapped = Buffer.concat([randomBytes(before + 9), component, randomBytes(7)]);
        const what = `${name} of ${key.source} after ${before + 9} bytes`;
        assert.ok(detector.find(JSON.stringify({ dataBase64: wrapped.toString('base64') })), what);
        assert.ok(detector.find(`-----BEGIN SOMETHING-----\n${pemLines(wrapped)}\n-----END SOMETHING-----`), what);
        assert.ok(detector.find(wrapped.toString('base64url')), what);
        assert.match(detector.find(JSON.stringify({ value: wrapped.toString('hex') })) ?? '', new RegExp(name), what);
      }
    }
  }
});

test('a part of a component is found wherever it is cut from: the middle and the end, not only the start', () => {
  for (const key of distinct) {
    for (const [name, hex] of Object.entries(key.secrets)) {
      const b = Buffer.from(hex, 'hex');
      if (b.length < 32) continue; // a 16-byte AES key is searched whole (the tests above)
      const middle = b.subarray(Math.floor(b.length / 3), Math.floor(b.length / 3) + 24);
      const tail = b.subarray(b.length - 24);
      for (const part of [middle, tail]) {
        assert.ok(detector.find(part.toString('hex')), `${name} of ${key.source}`);
        assert.ok(detector.find(Buffer.concat([randomBytes(5), part, randomBytes(5)]).toString('base64')), `${name} of ${key.source}`);
      }
    }
  }
  // The limit is stated, and holds: a stretch of MIN_LEAK_CHARS hex characters from deep inside d is found.
  const d = distinct.find((k) => k.secrets.privateExponent)!.secrets.privateExponent!;
  assert.ok(detector.find(d.slice(101, 101 + MIN_LEAK_CHARS + (MIN_LEAK_CHARS % 2))));
});

test('real key files in every form (PEM, DER as base64 and hex, JWK members) are found', () => {
  const der = readFileSync(join(ROOT, 'test/fixtures/keys/rsa2048.pkcs8.der'));
  assert.match(detector.find(pemLines(der)) ?? '', /private key bytes/);
  assert.match(detector.find(der.toString('hex').toUpperCase()) ?? '', /private key bytes/);
  for (const file of ['test/fixtures/keys/rsa2048.pkcs1.pem', 'test/fixtures/keys/ec-p-384.sec1.pem', 'test/fixtures/keys/ed25519.pkcs8.pem', 'test/fixtures/keys/dsa.pkcs8.pem', 'e2e/fixtures/server.key']) {
    const pem = readFileSync(join(ROOT, file), 'utf8');
    assert.equal(detector.find(pem), 'a PEM private key header', file);
    assert.match(detector.find(pem.replace(/-----[A-Z ]+-----/g, '')) ?? '', /private key bytes/, file);
    if (file.includes('dsa')) continue; // node exports no JWK for DSA
    const jwk = createPrivateKey(pem).export({ format: 'jwk' }) as Record<string, string>;
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi'].filter((m) => jwk[m])) assert.match(detector.find(jwk[member]) ?? '', /private key bytes/, `${file} ${member}`);
  }
  assert.match(detector.audit([JSON.stringify({ ok: true, value: { pem: der.toString('base64') } })])[0] ?? '', /private key bytes/);
});

test('RSA keys carry all six secret components, the others their private value, secret keys their bytes', () => {
  for (const key of secrets.keys) {
    const names = Object.keys(key.secrets).sort();
    if (/primes\)$/.test(key.type)) assert.deepEqual(names, [...RSA_COMPONENTS].sort(), key.source);
    else if (key.type.startsWith('secret key')) assert.deepEqual(names, ['secret'], key.source);
    else assert.deepEqual(names, ['priv'], key.source);
  }
});

function publicFiles(): string[] {
  const dirs = ['e2e/fixtures', 'test/fixtures/x509', 'test/fixtures/keys', 'test/fixtures/keystores'];
  return dirs.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((n) => /\.(pem|der|crt|cer|csr|crl|p7b)$/.test(n))
      .map((n) => join(dir, n))
      .filter((p) => !readFileSync(join(ROOT, p)).includes('PRIVATE KEY') && !/\/(rsa2048|ec-|ed|dsa|brainpool|secp|rsa-pss)[^/]*\.(pkcs|sec1|trad|with)/.test(p)),
  );
}

test('certificates, CSRs, CRLs and public keys are not flagged, as text, base64 or hex', () => {
  const files = publicFiles();
  assert.ok(files.length > 30, `${files.length} public files`);
  for (const file of files) {
    const bytes = readFileSync(join(ROOT, file));
    assert.equal(detector.find(bytes.toString('latin1')), null, file);
    assert.equal(detector.find(bytes.toString('base64')), null, file);
    assert.equal(detector.find(bytes.toString('hex')), null, file);
  }
  assert.deepEqual(detector.audit(files.map((f) => JSON.stringify({ ok: true, value: { text: readFileSync(join(ROOT, f), 'latin1') } }))), []);
});

test('the audit is fast enough to run on every flow: 10 MB of certificate JSON', () => {
  const cert = readFileSync(join(ROOT, 'e2e/fixtures/bundle.pem'), 'utf8');
  // Distinct strings: the audit scans each distinct string once.
  const bodies = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ ok: true, value: { pem: `${i}\n${cert}`, hex: `${i}:${Buffer.from(cert).toString('hex')}` } }));
  const started = performance.now();
  assert.deepEqual(detector.audit(bodies), []);
  const ms = performance.now() - started;
  console.log(`# audit of ${(bodies.join('').length / 1e6).toFixed(1)} MB: ${ms.toFixed(0)} ms`);
  assert.ok(ms < 20_000, `${ms} ms`);
});

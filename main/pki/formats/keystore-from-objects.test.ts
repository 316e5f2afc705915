/**
 * Open objects → keystore model, over files OpenSSL and keytool made: a PFX, a JKS, and a PEM set (key,
 * fullchain, an extra CA, a CSR) read with readBytes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureBytes, fixtureJson } from '../../../test/helpers/fixtures';
import { digest, privateKeyFacts } from '../crypto';
import type { RawObject } from '../model';
import { readBytes } from '../read';
import { parseCertificate } from '../x509/certificate';
import type { KeyPairEntry, TrustedCertEntry } from './keystore-model';
import { modelFromObjects } from './keystore-from-objects';

const sha = (b: Uint8Array) => Buffer.from(digest('sha256', b)).toString('hex');
const pfxManifest = fixtureJson<{ files: Record<string, { password: string; certificates: string[]; keys: string[] }> }>('pkcs12', 'manifest.json').files;
const x509Manifest = fixtureJson('x509', 'manifest.json');
const jksManifest = fixtureJson<{ stores: Record<string, { password: string; entries: { alias: string; type: string; certSha256: string[] }[] }> }>('keystores', 'manifest.json').stores;
const colonless = (s: string) => s.replace(/:/g, '').toLowerCase();

async function objectsOf(...files: [string, string, string?][]): Promise<RawObject[]> {
  const out: RawObject[] = [];
  for (const [dir, name, password] of files) out.push(...(await readBytes(fixtureBytes(dir, name), { password })).objects);
  return out;
}

for (const name of ['modern-rsa.pfx', 'modern-ec.pfx', 'legacy-rsa.pfx']) {
  test(`${name}: one key pair under its friendly name, the chain leaf → root as openssl listed it; reversed input gives the same`, async () => {
    const m = pfxManifest[name];
    const objects = await objectsOf(['pkcs12', name, m.password]);
    for (const input of [objects, [...objects].reverse()]) {
      const { model, leftOut, warnings } = modelFromObjects(input);
      assert.equal(model.entries.length, 1);
      const entry = model.entries[0] as KeyPairEntry;
      assert.equal(entry.type, 'privateKey');
      assert.equal(entry.alias, name.startsWith('modern-ec') ? 'leaf-ec' : 'leaf-rsa');
      assert.deepEqual(entry.chain.map(sha), m.certificates);
      assert.equal(sha(privateKeyFacts(entry.pkcs8).spki), m.keys[0]);
      assert.deepEqual(leftOut, []);
      assert.deepEqual(warnings, []);
    }
  });
}

test('a PEM set (key, fullchain, an extra CA, a CSR, the key\'s older certificate): ordered chain, the CA trusted, the CSR and the old certificate left out', async () => {
  const objects = await objectsOf(
    ['x509', 'host.csr'],
    ['x509', 'chain.pem'], // leaf, intermediate, root
    ['corpus', 'letsencrypt/isrgrootx1.pem'],
    ['x509', 'short-lived.pem'], // the same key as leaf.pem, expired
    ['x509', 'leaf.key'],
  );
  const kinds = objects.map((o) => o.kind);
  assert.deepEqual(kinds, ['csr', 'certificate', 'certificate', 'certificate', 'certificate', 'certificate', 'privateKey']);
  const { model, leftOut, warnings } = modelFromObjects(objects);
  assert.deepEqual(model.entries.map((e) => [e.type, e.alias]), [['privateKey', 'www.example.test'], ['trustedCert', 'isrg root x1']]);
  const key = model.entries[0] as KeyPairEntry;
  assert.deepEqual(key.chain.map((d) => sha(d).toUpperCase()), ['leaf.pem', 'inter.pem', 'root.pem'].map((f) => x509Manifest[f].sha256));
  assert.equal(sha(privateKeyFacts(key.pkcs8).spki).toUpperCase(), x509Manifest['leaf.key'].spkiSha256);
  assert.equal(parseCertificate((model.entries[1] as TrustedCertEntry).der).subject, 'CN=ISRG Root X1,O=Internet Security Research Group,C=US');
  assert.deepEqual(leftOut.map((l) => l.index), [0, 5]);
  assert.match(leftOut[0].reason, /certificate request/);
  assert.match(leftOut[1].reason, /another certificate for the private key "www\.example\.test"/);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /2 certificates hold the private key's public key/);
  // Without the root, the chain stops at the intermediate and the root is listed as left out.
  const noRoot = modelFromObjects(objects, { includeRoot: false, alias: 'web' });
  assert.equal(noRoot.model.entries[0].alias, 'web');
  assert.equal((noRoot.model.entries[0] as KeyPairEntry).chain.length, 2);
  assert.deepEqual(noRoot.model.entries.map((e) => e.type), ['privateKey', 'trustedCert']);
  assert.match(noRoot.leftOut.find((l) => l.index === 3)?.reason ?? '', /the root of a key's chain \(Certbench Test Root\), left out as asked/);
});

test('a JKS keystore (keytool): the key pair keeps its alias and chain, the trusted root stays a trusted entry under its alias', async () => {
  const store = jksManifest['server.jks'];
  const objects = await objectsOf(['keystores', 'server.jks', store.password]);
  const { model, leftOut } = modelFromObjects(objects);
  const expected = [...store.entries].sort((a, b) => (a.type === 'PrivateKeyEntry' ? -1 : 1) - (b.type === 'PrivateKeyEntry' ? -1 : 1));
  assert.deepEqual(model.entries.map((e) => e.alias), expected.map((e) => e.alias));
  const key = model.entries[0] as KeyPairEntry;
  assert.deepEqual(key.chain.map(sha), expected[0].certSha256.map(colonless));
  assert.equal(sha((model.entries[1] as TrustedCertEntry).der), colonless(expected[1].certSha256[0]));
  // The root appears twice in the keystore (trusted entry and chain): written in both roles, counted once.
  assert.equal(leftOut.length, 1);
  assert.match(leftOut[0].reason, /the same certificate as object \d+, written once/);
});

test('a key with no certificate: an empty chain and a warning; unique aliases; things a keystore cannot hold are left out', async () => {
  const objects = await objectsOf(['pkcs12', 'key-only.pfx', pfxManifest['key-only.pfx'].password], ['keys', 'ec-p-256.pkcs8.pem'], ['keys', 'ec-p-256.pub.pem'], ['x509', 'inter.crl']);
  // The container's alias wins; the alias option is for the first key only, so the second is just "key".
  const { model, leftOut, warnings } = modelFromObjects(objects, { alias: 'Mine' });
  assert.deepEqual(model.entries.map((e) => [e.alias, (e as KeyPairEntry).chain.length]), [['only-key', 0], ['key', 0]]);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /The private key "only-key" has no certificate among these objects: a PKCS#12 file can hold it alone, a JKS or JCEKS keystore cannot\./);
  assert.deepEqual(leftOut.map((l) => l.reason.split(':')[0]), ['a public key on its own', 'a certificate revocation list']);
  // Colliding names become name-2, name-3 (ignoring case, as Java does).
  const same = await objectsOf(['x509', 'root.pem'], ['x509', 'root-trusted.pem'], ['corpus', 'letsencrypt/isrgrootx1.pem'], ['corpus', 'letsencrypt/isrg-root-x1-cross-signed.pem']);
  const named = modelFromObjects(same);
  assert.deepEqual(named.model.entries.map((e) => e.alias), ['certbench test root', 'isrg root x1', 'isrg root x1-2']);
  assert.equal(named.leftOut.length, 1, 'root-trusted.pem holds the same certificate as root.pem');
});

test('unreadable and locked objects are left out with their reasons, never thrown', () => {
  const objects: RawObject[] = [
    { kind: 'certificate', der: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]) },
    { kind: 'unsupported', what: 'Private key (locked)', code: 'PASSWORD_REQUIRED', message: "The private key 'x' needs the keystore password.", hint: '' },
    { kind: 'secretKey', algorithm: 'AES', sizeBits: 256, alias: 'aes' },
  ];
  const { model, leftOut } = modelFromObjects(objects);
  assert.deepEqual(model.entries, []);
  assert.deepEqual(leftOut.map((l) => l.index), [0, 1, 2]);
  assert.match(leftOut[0].reason, /^a certificate Certbench cannot read/);
  assert.equal(leftOut[1].reason, "Private key (locked): The private key 'x' needs the keystore password.");
  assert.match(leftOut[2].reason, /^a secret key/);
});

test("pyjks keystores (JKS and JCEKS): key chains equal pyjks's expected ones, trusted entries keep their aliases, a key left out takes its chain with it", async () => {
  const expected = (name: string) => JSON.parse(Buffer.from(fixtureBytes('corpus', 'pyjks', 'expected', `${name}.json`)).toString('utf8')) as { certs_der_hex: string[] };
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  for (const kind of ['jks', 'jceks']) {
    const rsa1024 = modelFromObjects(await objectsOf(['corpus', `pyjks/${kind}/RSA1024.${kind}`, '12345678']));
    assert.deepEqual(rsa1024.model.entries.map((e) => [e.type, e.alias]), [['privateKey', 'mykey']]);
    assert.deepEqual((rsa1024.model.entries[0] as KeyPairEntry).chain.map(hex), expected('RSA1024').certs_der_hex);
    assert.deepEqual([rsa1024.leftOut, rsa1024.warnings], [[], []]);
    // pyjks stored three self-signed certificates of one key as a "chain": none issued another, so the chain is
    // the first of them and the other two are left out, saying so (a chain is by signature, not by input).
    const three = expected('RSA2048_3certs').certs_der_hex;
    const rsa3 = modelFromObjects(await objectsOf(['corpus', `pyjks/${kind}/RSA2048_3certs.${kind}`, '12345678']));
    assert.deepEqual((rsa3.model.entries[0] as KeyPairEntry).chain.map(hex), [three[0]]);
    assert.equal(rsa3.leftOut.length, 2);
    for (const l of rsa3.leftOut) assert.match(l.reason, /another certificate for the private key "mykey"/);
    assert.match(rsa3.warnings.join('\n'), /3 certificates hold the private key's public key/);
    const trusted = modelFromObjects(await objectsOf(['corpus', `pyjks/${kind}/3certs.${kind}`, '12345678']));
    assert.deepEqual(trusted.model.entries.map((e) => [e.type, e.alias]).sort(), [['trustedCert', 'cert1'], ['trustedCert', 'cert2'], ['trustedCert', 'cert3']]);
    // custom_entry_passwords: the key entry "private" has its own password, not given here.
    const custom = modelFromObjects(await objectsOf(['corpus', `pyjks/${kind}/custom_entry_passwords.${kind}`, 'store_password']));
    assert.deepEqual(custom.model.entries.map((e) => [e.type, e.alias]), [['trustedCert', 'cert']], `${kind}/custom_entry_passwords`);
    const reasons = custom.leftOut.map((l) => l.reason);
    assert.ok(reasons.some((r) => /^Private key \(its own password differs/.test(r)), reasons.join('\n'));
    // Its chain certificate is the trusted entry "cert" itself: written once, as trusted.
    assert.ok(reasons.some((r) => /^the same certificate as object \d+, written once$/.test(r)), reasons.join('\n'));
    // DSA keys are not supported: the key and its certificate are left out together.
    const dsa = modelFromObjects(await objectsOf(['corpus', `pyjks/${kind}/DSA2048.${kind}`, '12345678']));
    assert.deepEqual(dsa.model.entries, []);
    assert.deepEqual(dsa.leftOut.map((l) => l.reason.replace(/:.*/s, '')), ['DSA private key', 'in the chain of the entry "mykey", whose key is left out (it is locked or cannot be used)']);
  }
});

test('every pyca PKCS#12 vector: each key gets its own certificate (found by key, whatever the bag order), every other certificate is trusted, nothing lost', async () => {
  const expected = fixtureJson<Record<string, { password: string | null; certificates: string[]; keys: string[] }>>('corpus', 'pyca', 'pkcs12', 'expected.json');
  const CA_CERT = '432db726d36f427f569a5f90b0043c38717abd7d48f42214a93f948350d0529e';
  let files = 0;
  for (const [name, want] of Object.entries(expected)) {
    const objects = await objectsOf(['corpus', `pyca/pkcs12/${name}`, want.password ?? undefined]);
    const { model, leftOut } = modelFromObjects(objects);
    const keys = model.entries.filter((e): e is KeyPairEntry => e.type === 'privateKey');
    const trusted = model.entries.filter((e): e is TrustedCertEntry => e.type === 'trustedCert');
    assert.deepEqual(keys.map((k) => sha(privateKeyFacts(k.pkcs8).spki)), want.keys, name);
    for (const k of keys) assert.deepEqual(k.chain.map(sha), want.certificates.includes(CA_CERT) ? [CA_CERT] : [], `${name}: the key's chain`);
    const written = [...keys.flatMap((k) => k.chain), ...trusted.map((t) => t.der)].map(sha).sort();
    assert.deepEqual(written, [...want.certificates].sort(), `${name}: every certificate written once`);
    assert.deepEqual(leftOut, [], name);
    // Friendly names become aliases (pyca's "name-unicode" files carry non-ASCII ones).
    for (const o of objects) {
      if (o.kind === 'privateKey' && o.alias !== undefined) assert.ok(keys.some((k) => k.alias === o.alias), `${name}: key alias ${o.alias}`);
      const asTrusted = o.kind === 'certificate' ? trusted.find((t) => sha(t.der) === sha(o.der)) : undefined;
      if (asTrusted && o.alias !== undefined) assert.equal(asTrusted.alias, o.alias, `${name}: certificate alias`);
    }
    files++;
  }
  assert.ok(files >= 25, `${files} files`);
});

test("a key without a name takes its certificate's container name (a PKCS#12 whose friendlyName is on the certificate bag only)", async () => {
  const [cert] = await objectsOf(['x509', 'leaf.pem']);
  const [key] = await objectsOf(['x509', 'leaf.key']);
  assert.equal(modelFromObjects([key, { ...cert, alias: 'from-cert' }], { alias: 'option' }).model.entries[0].alias, 'from-cert');
  assert.equal(modelFromObjects([{ ...key, alias: 'from-key' }, { ...cert, alias: 'from-cert' }]).model.entries[0].alias, 'from-key');
  assert.equal(modelFromObjects([key, cert], { alias: 'option' }).model.entries[0].alias, 'option');
  assert.equal(modelFromObjects([key, { ...cert, alias: 'ca', trusted: true }]).model.entries.map((e) => e.alias).join(), 'www.example.test,ca');
});

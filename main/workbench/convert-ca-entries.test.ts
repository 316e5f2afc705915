/**
 * convert's caEntries (FIELD-NOTES job 2): a Java keystore with the key under its alias and its full chain,
 * plus each CA of that chain as a trustedCertEntry under its own alias, as keytool leaves it after importing a
 * CA reply. Checked with keytool -list and with java.security.KeyStore (KeystoreProbe).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture } from '../../test/helpers/fixtures';
import { JAVA_ENV, probeKeystore } from '../../test/helpers/java-probe';
import type { ConvertOptionsDto, ConvertTarget } from '../api/dto';
import { createWorkbench } from '.';

const PIECES = ['root.pem', 'leaf.key', 'inter.pem', 'leaf.pem'].map((f) => fixture('x509', f));
const LEAF = 'CN=www.example.test,OU=Support,O=Example\\, Inc.,L=Eden Prairie,ST=Minnesota,C=US';
const INTER = 'CN=Certbench Test Intermediate EC,O=Certbench Test,C=US';
const ROOT_CA = 'CN=Certbench Test Root,O=Certbench Test,C=US';

async function convert(target: ConvertTarget, options: ConvertOptionsDto) {
  const wb = createWorkbench();
  wb.grants.grant(PIECES);
  const state = await wb.handlers['documents.openPaths']({ paths: PIECES });
  const folder = mkdtempSync(join(tmpdir(), 'ca-entries-'));
  wb.folders.grant(folder);
  const source = { documentIds: state.documents.map((d) => d.id) };
  const preview = await wb.handlers['convert.preview']({ source, target, options });
  const { written } = await wb.handlers['convert.run']({ source, target, options, destination: { folder }, password: 'changeit' });
  return { path: written[0].path, preview };
}

function keytoolList(path: string, type: string): string {
  return execFileSync('keytool', ['-list', '-keystore', path, '-storetype', type, '-storepass', 'changeit'], { env: JAVA_ENV, encoding: 'utf8' });
}

for (const [target, storeType] of [['jks', 'JKS'], ['jceks', 'JCEKS']] as const) {
  test(`${target} with caEntries: the key under its alias with the full chain, each CA also a trustedCertEntry of its own`, async () => {
    const { path, preview } = await convert(target, { alias: 'client', caEntries: true });
    assert.match(preview.files[0].describe, /key pair 'client' with 3 certificates, 2 trusted certificates/);
    const entries = await probeKeystore(storeType, path, 'changeit');
    const key = entries.find((e) => e.type === 'key');
    assert.equal(key?.alias, 'client');
    assert.deepEqual(key?.chain, [LEAF, INTER, ROOT_CA]);
    assert.equal(key?.keyMatchesLeaf, true);
    const trusted = entries.filter((e) => e.type === 'trusted').map((e) => [e.alias, e.subject]).sort();
    assert.deepEqual(trusted, [
      ['certbench test intermediate ec', INTER],
      ['certbench test root', ROOT_CA],
    ]);
    const listed = keytoolList(path, storeType);
    assert.match(listed, /Your keystore contains 3 entries/);
    assert.match(listed, /^client, .*PrivateKeyEntry,/m);
    assert.match(listed, /^certbench test root, .*trustedCertEntry,/m);
    assert.match(listed, /^certbench test intermediate ec, .*trustedCertEntry,/m);
  });
}

test('without caEntries the CAs are only in the key chain: one entry (the default is unchanged)', async () => {
  const { path } = await convert('jks', { alias: 'client' });
  const entries = await probeKeystore('JKS', path, 'changeit');
  assert.deepEqual(entries.map((e) => [e.alias, e.type]), [['client', 'key']]);
  assert.equal(entries[0].chain?.length, 3);
});

test('a PFX with the java profile and caEntries: Java sees the key entry and the CAs as trusted entries', async () => {
  const { path } = await convert('pfx', { alias: 'client', caEntries: true, profile: 'java' });
  const entries = await probeKeystore('PKCS12', path, 'changeit');
  const key = entries.find((e) => e.type === 'key');
  assert.equal(key?.alias, 'client');
  assert.deepEqual(key?.chain, [LEAF, INTER, ROOT_CA]);
  assert.deepEqual(entries.filter((e) => e.type === 'trusted').map((e) => e.subject).sort(), [INTER, ROOT_CA].sort());
});

test('a modern PFX says caEntries needs the java profile, and keeps the CAs in the chain', async () => {
  const { path, preview } = await convert('pfx', { alias: 'client', caEntries: true });
  assert.ok(preview.warnings.some((w) => w.code === 'CA_ENTRIES_JAVA_ONLY'));
  const pem = execFileSync('openssl', ['pkcs12', '-in', path, '-passin', 'pass:changeit', '-nokeys'], { encoding: 'utf8' });
  assert.equal(pem.match(/BEGIN CERTIFICATE/g)?.length, 3);
});

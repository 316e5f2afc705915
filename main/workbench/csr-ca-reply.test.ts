/**
 * csr.caReply with keys and CSRs made by openssl and replies signed by an openssl CA: the held key is found,
 * the chain ordered by signature, problems said; then convert.run writes what the server or client needs,
 * read back by openssl and Java.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { probeKeystore } from '../../test/helpers/java-probe';
import { makeCa, openssl, type TestCa } from '../../test/helpers/openssl-ca';
import { rejectsWith } from '../../test/helpers/pki-errors';
import { createWorkbench } from '.';

const ca = makeCa();

/** A key and CSR made by openssl, and the CA's reply (leaf + intermediate in one PEM, as CAs send it). */
function request(ca: TestCa, cn: string, options: { extensions?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'reply-'));
  const key = join(dir, `${cn}.key`);
  const csr = join(dir, `${cn}.csr`);
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/O=Example/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn}`]);
  const leaf = ca.sign(csr, cn, options);
  const reply = join(dir, `${cn}-reply.pem`);
  writeFileSync(reply, readFileSync(leaf, 'utf8') + readFileSync(ca.interPem, 'utf8'));
  return { dir, key, csr, leaf, reply };
}

async function open(wb: ReturnType<typeof createWorkbench>, ...paths: string[]) {
  wb.grants.grant(paths);
  const state = await wb.handlers['documents.openPaths']({ paths });
  return state.documents.slice(-paths.length).map((d) => d.id);
}

const modulus = (args: string[]) => openssl(args).trim();

test('the reply finds the key that is open elsewhere, orders leaf → intermediate → root, and converts to a PFX whose key openssl matches', async () => {
  const r = request(ca, 'reply.example');
  const wb = createWorkbench();
  const [keyDoc] = await open(wb, r.key);
  const [replyDoc] = await open(wb, r.reply);
  await open(wb, ca.rootPem);
  const answer = await wb.handlers['csr.caReply']({ documentIds: [replyDoc] });
  assert.equal(answer.keyObjectId, `${keyDoc}/0`);
  assert.equal(answer.keyLabel, 'reply.example.key');
  assert.deepEqual(answer.chain.map((c) => [c.label, c.role]), [
    ['reply.example', 'leaf'],
    ['Certbench Reply Test Intermediate', 'intermediate'],
    ['Certbench Reply Test Root', 'root'],
  ]);
  assert.deepEqual(answer.problems, []);
  assert.deepEqual(answer.objectIds, [answer.keyObjectId, ...answer.chain.map((c) => c.objectId)]);

  const folder = mkdtempSync(join(tmpdir(), 'reply-out-'));
  wb.folders.grant(folder);
  const { written } = await wb.handlers['convert.run']({ source: { objectIds: answer.objectIds }, target: 'pfx', destination: { folder }, password: 'pfx-pass' });
  const pem = openssl(['pkcs12', '-in', written[0].path, '-passin', 'pass:pfx-pass', '-nodes']);
  assert.equal(pem.match(/BEGIN CERTIFICATE/g)?.length, 3);
  const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n/.exec(pem)![0];
  assert.equal(openssl(['rsa', '-noout', '-modulus'], keyPem), modulus(['x509', '-noout', '-modulus', '-in', r.leaf]) + '\n');
  openssl(['verify', '-CAfile', ca.rootPem, '-untrusted', ca.interPem, r.leaf]);
});

test('the certbot set and a JKS with caEntries: client under the key alias with its chain, the CAs as trusted entries', async () => {
  const r = request(ca, 'client.example', { extensions: 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n' });
  const wb = createWorkbench();
  await open(wb, r.key, r.reply, ca.rootPem);
  const replyIds = wb.session.collect({ documentIds: [wb.session.state().documents[1].id] }).map((o) => o.id);
  const answer = await wb.handlers['csr.caReply']({ objectIds: replyIds });
  const folder = mkdtempSync(join(tmpdir(), 'reply-out-'));
  wb.folders.grant(folder);
  const certbot = await wb.handlers['convert.run']({ source: { objectIds: answer.objectIds }, target: 'certbot', destination: { folder }, password: 'key-pass' });
  assert.deepEqual(certbot.written.map((w) => w.path.split('/').pop()), ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
  assert.equal(readFileSync(join(folder, 'cert.pem'), 'utf8'), readFileSync(r.leaf, 'utf8'));
  assert.equal(openssl(['rsa', '-noout', '-modulus', '-in', join(folder, 'privkey.pem'), '-passin', 'pass:key-pass']).trim(), modulus(['x509', '-noout', '-modulus', '-in', r.leaf]));

  const jks = await wb.handlers['convert.run']({ source: { objectIds: answer.objectIds }, target: 'jks', options: { alias: 'client', caEntries: true }, destination: { folder }, password: 'changeit' });
  const entries = await probeKeystore('JKS', jks.written[0].path, 'changeit');
  const key = entries.find((e) => e.type === 'key')!;
  assert.equal(key.alias, 'client');
  assert.equal(key.keyMatchesLeaf, true);
  assert.deepEqual(key.chain, ['CN=client.example,O=Example', 'CN=Certbench Reply Test Intermediate,O=Certbench Reply Test', 'CN=Certbench Reply Test Root,O=Certbench Reply Test']);
  assert.deepEqual(entries.filter((e) => e.type === 'trusted').map((e) => e.alias).sort(), ['certbench reply test intermediate', 'certbench reply test root']);
});

test('a reply for another key: NO_MATCHING_KEY, with a hint about the key the CSR was made with', async () => {
  const mine = request(ca, 'mine.example');
  const theirs = request(ca, 'theirs.example');
  const wb = createWorkbench();
  await open(wb, mine.key);
  const [replyDoc] = await open(wb, theirs.reply);
  const e = await rejectsWith(wb.handlers['csr.caReply']({ documentIds: [replyDoc] }), 'NO_MATCHING_KEY');
  assert.match(e.message, /theirs\.example/);
  assert.match(e.hint, /Open the key you made the CSR with/);
  assert.match(e.hint, /'theirs\.example \(not saved\)' was closed/);
});

test('a reply without its intermediate says which issuer is missing; expired and CA leaves are problems', async () => {
  const r = request(ca, 'alone.example');
  const wb = createWorkbench({ now: () => new Date(Date.now() + 400 * 86_400_000) });
  await open(wb, r.key);
  const [leafDoc] = await open(wb, r.leaf);
  const answer = await wb.handlers['csr.caReply']({ documentIds: [leafDoc] });
  assert.deepEqual(answer.chain.map((c) => c.role), ['leaf']);
  const codes = answer.problems.map((p) => p.code);
  assert.deepEqual(codes, ['MISSING_INTERMEDIATE', 'EXPIRED']);
  assert.match(answer.problems[0].message, /the certificate of its issuer, CN=Certbench Reply Test Intermediate,O=Certbench Reply Test, is not open/);

  const caLeaf = request(ca, 'ca-as-leaf.example', { extensions: 'basicConstraints=critical,CA:TRUE\n' });
  const wb2 = createWorkbench();
  await open(wb2, caLeaf.key, ca.rootPem);
  const [replyDoc] = await open(wb2, caLeaf.reply);
  const caAnswer = await wb2.handlers['csr.caReply']({ documentIds: [replyDoc] });
  assert.deepEqual(caAnswer.problems.map((p) => p.code), ['LEAF_IS_CA']);
});

test('a reply with no certificate in it is refused in words', async () => {
  const r = request(ca, 'nocert.example');
  const wb = createWorkbench();
  const [csrDoc] = await open(wb, r.csr);
  await rejectsWith(wb.handlers['csr.caReply']({ documentIds: [csrDoc] }), 'INVALID_ARGUMENT');
});

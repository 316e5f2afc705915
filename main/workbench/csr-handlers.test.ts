/**
 * The csr.* api as the New CSR page calls it: check → create → save, the files read back by openssl (the CSR
 * verifies, the key decrypts and belongs to the CSR), lint errors refused, cancel, EXISTS, and a CSR made here,
 * signed by an openssl CA, coming back as a CA reply.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeCa, openssl } from '../../test/helpers/openssl-ca';
import { rejectsWith } from '../../test/helpers/pki-errors';
import type { ProgressEvent } from '../api/contract';
import type { CsrSpecDto, KeyChoiceDto } from '../api/dto';
import { createWorkbench } from '.';

const SPEC: CsrSpecDto = {
  subject: [
    { type: 'C', value: 'US' },
    { type: 'O', value: 'Example' },
    { type: 'CN', value: 'host.example.com' },
  ],
  san: [
    { type: 'DNS', value: 'www.example.com' },
    { type: 'IP', value: '192.0.2.10' },
  ],
  cnAsSan: true,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  extendedKeyUsage: ['serverAuth'],
  signatureHash: 'sha256',
};
const EC: KeyChoiceDto = { generate: 'ec:P-256' };

function setup() {
  const wb = createWorkbench();
  const folder = mkdtempSync(join(tmpdir(), 'csr-save-'));
  wb.folders.grant(folder);
  return { wb, folder };
}

/** The public key (SPKI, PEM) openssl reads out of a file. */
const publicKeyOf = (args: string[]) => openssl(args);

test('check: no errors for a good form, the same request as -subj, a config file and commands', async () => {
  const { wb } = setup();
  const check = await wb.handlers['csr.check']({ spec: SPEC, key: EC });
  assert.equal(check.ok, true, JSON.stringify(check.problems));
  assert.equal(check.subjectLine, '/C=US/O=Example/CN=host.example.com');
  assert.match(check.config, /prompt\s*=\s*no/);
  assert.match(check.config, /host\.example\.com/);
  assert.ok(check.commands.some((c) => c.tool === 'openssl' && /openssl req/.test(c.command)));
});

test('check and create refuse lint errors in plain words, and nothing is made', async () => {
  const { wb } = setup();
  const bad: CsrSpecDto = { ...SPEC, subject: [{ type: 'C', value: 'USA' }, { type: 'CN', value: 'host.example.com' }] };
  const check = await wb.handlers['csr.check']({ spec: bad, key: EC });
  assert.equal(check.ok, false);
  const error = check.problems.find((p) => p.severity === 'error');
  assert.equal(error?.field, 'subject.0');
  const e = await rejectsWith(wb.handlers['csr.create']({ spec: bad, key: EC }), 'INVALID_ARGUMENT');
  assert.match(e.message, /problem.* to fix first/);
  assert.ok(e.message.includes(error!.message.replace(/\.$/, '')));
  assert.equal((await wb.handlers['documents.list']({})).documents.length, 0);
});

test('create → save: an encrypted PKCS#8 key (0600) that openssl decrypts, and a CSR openssl verifies, for that key', async () => {
  const { wb, folder } = setup();
  const created = await wb.handlers['csr.create']({ spec: SPEC, key: EC });
  const doc = created.state.documents.find((d) => d.id === created.documentId)!;
  assert.equal(doc.name, 'host.example.com (not saved)');
  assert.deepEqual(doc.objects.map((o) => o.kind), ['csr', 'privateKey']);
  // They link by public key, so the Inspector shows the key belongs to the CSR.
  assert.ok(doc.objects[0].matchGroup && doc.objects[0].matchGroup === doc.objects[1].matchGroup);
  assert.equal(created.certificateObjectId, null);
  assert.match(created.csrPem, /^-----BEGIN CERTIFICATE REQUEST-----/);
  // The private key never goes into a response.
  const pkcs8 = wb.session.collect({ objectIds: [created.keyObjectId] })[0];
  assert.equal(pkcs8.raw.kind, 'privateKey');
  const keyB64 = Buffer.from((pkcs8.raw as { pkcs8: Uint8Array }).pkcs8).toString('base64');
  const json = JSON.stringify(created);
  assert.ok(!json.includes('PRIVATE KEY') && !json.includes(keyB64.slice(0, 40)));

  const { written } = await wb.handlers['csr.save']({ documentId: created.documentId, baseName: 'host', keyProtection: { form: 'pkcs8', password: 'key pass' }, destination: { folder } });
  assert.deepEqual(written.map((w) => [w.path.split('/').pop(), w.secret, w.encrypted]), [
    ['host.csr', false, false],
    ['host.key', true, true],
  ]);
  const csr = join(folder, 'host.csr');
  const key = join(folder, 'host.key');
  assert.equal(statSync(key).mode & 0o777, 0o600);
  assert.match(readFileSync(key, 'utf8'), /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  const text = openssl(['req', '-in', csr, '-verify', '-noout', '-text']);
  assert.match(text, /Subject: C\s?=\s?US, O\s?=\s?Example, CN\s?=\s?host\.example\.com/);
  assert.match(text, /DNS:www\.example\.com, IP Address:192\.0\.2\.10, DNS:host\.example\.com|DNS:host\.example\.com, DNS:www\.example\.com, IP Address:192\.0\.2\.10/);
  assert.match(text, /TLS Web Server Authentication/);
  assert.throws(() => openssl(['pkey', '-in', key, '-passin', 'pass:wrong', '-noout']));
  assert.equal(publicKeyOf(['pkey', '-in', key, '-passin', 'pass:key pass', '-pubout']), publicKeyOf(['req', '-in', csr, '-noout', '-pubkey']));
  const info = openssl(['asn1parse', '-in', key]);
  assert.match(info, /PBES2/);
  assert.match(info, /aes-256-cbc/);
});

test('save: a traditional key with DEK-Info AES-256-CBC, an unencrypted key only when asked, no key at all when left out', async () => {
  const { wb, folder } = setup();
  const created = await wb.handlers['csr.create']({ spec: SPEC, key: { generate: 'rsa:2048' }, name: 'legacy' });
  await wb.handlers['csr.save']({ documentId: created.documentId, baseName: 'trad', keyProtection: { form: 'traditional', password: 'old software' }, destination: { folder } });
  const trad = readFileSync(join(folder, 'trad.key'), 'utf8');
  assert.match(trad, /^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,[0-9A-F]{32}\n/);
  assert.equal(publicKeyOf(['pkey', '-in', join(folder, 'trad.key'), '-passin', 'pass:old software', '-pubout']), publicKeyOf(['req', '-in', join(folder, 'trad.csr'), '-noout', '-pubkey']));

  const plain = await wb.handlers['csr.save']({ documentId: created.documentId, baseName: 'plain', keyProtection: { form: 'pkcs8', password: null }, destination: { folder } });
  assert.equal(plain.written[1].encrypted, false);
  assert.match(readFileSync(join(folder, 'plain.key'), 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
  openssl(['pkey', '-in', join(folder, 'plain.key'), '-noout']);

  const csrOnly = await wb.handlers['csr.save']({ documentId: created.documentId, baseName: 'only', keyProtection: { form: 'pkcs8', password: 'x' }, includeKey: false, destination: { folder } });
  assert.deepEqual(csrOnly.written.map((w) => w.path.split('/').pop()), ['only.csr']);
  assert.deepEqual(readdirSync(folder).sort(), ['only.csr', 'plain.csr', 'plain.key', 'trad.csr', 'trad.key']);
});

test('save refuses to overwrite (EXISTS, nothing changed) unless asked; Ed25519 has no traditional form', async () => {
  const { wb, folder } = setup();
  const created = await wb.handlers['csr.create']({ spec: SPEC, key: EC });
  const save = (overwrite?: boolean) => wb.handlers['csr.save']({ documentId: created.documentId, baseName: 'host', keyProtection: { form: 'pkcs8', password: 'p' }, destination: { folder, overwrite } });
  await save();
  const before = readFileSync(join(folder, 'host.key'));
  await rejectsWith(save(), 'EXISTS');
  assert.deepEqual(readFileSync(join(folder, 'host.key')), before);
  await save(true);
  assert.notDeepEqual(readFileSync(join(folder, 'host.key')), before);

  const ed = await wb.handlers['csr.create']({ spec: { ...SPEC, subject: [{ type: 'CN', value: 'ed.example.com' }], san: [] }, key: { generate: 'ed25519' } });
  const e = await rejectsWith(wb.handlers['csr.save']({ documentId: ed.documentId, baseName: 'ed', keyProtection: { form: 'traditional', password: 'p' }, destination: { folder } }), 'INVALID_ARGUMENT');
  assert.match(e.hint, /PKCS#8/);
  assert.ok(!readdirSync(folder).some((f) => f.startsWith('ed.')));
  const other = mkdtempSync(join(tmpdir(), 'not-chosen-'));
  await rejectsWith(wb.handlers['csr.save']({ documentId: ed.documentId, baseName: 'ed', keyProtection: { form: 'pkcs8', password: 'p' }, destination: { folder: other } }), 'INVALID_ARGUMENT');
  assert.deepEqual(readdirSync(other), []);
});

test('making an RSA 4096 key reports progress and stops when cancelled: CANCELLED, no document', async () => {
  const { wb } = setup();
  const events: ProgressEvent[] = [];
  wb.events.on((event, payload) => {
    if (event !== 'progress') return;
    const p = payload as ProgressEvent;
    events.push(p);
    if (!p.done && events.length === 1) void wb.handlers['operations.cancel']({ operationId: p.operationId });
  });
  await rejectsWith(wb.handlers['csr.create']({ spec: SPEC, key: { generate: 'rsa:4096' } }), 'CANCELLED');
  assert.equal(events[0].label, 'Making an RSA 4096 key');
  assert.equal(events.at(-1)?.done, true);
  assert.equal((await wb.handlers['documents.list']({})).documents.length, 0);
});

test('a self-signed certificate from the same form: openssl verifies it, valid for the days asked', async () => {
  const { wb, folder } = setup();
  const created = await wb.handlers['csr.create']({ spec: SPEC, key: EC, selfSign: { days: 30, ca: true, pathLength: 0 } });
  assert.ok(created.certificateObjectId);
  assert.match(created.certificatePem ?? '', /^-----BEGIN CERTIFICATE-----/);
  await wb.handlers['csr.save']({ documentId: created.documentId, baseName: 'lab', keyProtection: { form: 'pkcs8', password: 'p' }, destination: { folder } });
  const crt = join(folder, 'lab.crt');
  assert.match(openssl(['verify', '-CAfile', crt, crt]), /OK/);
  const text = openssl(['x509', '-in', crt, '-noout', '-text', '-dates']);
  assert.match(text, /CA:TRUE, pathlen:0/);
  const [, from] = /notBefore=(.+)/.exec(text)!;
  const [, to] = /notAfter=(.+)/.exec(text)!;
  assert.equal(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000), 30);
  assert.equal(publicKeyOf(['x509', '-in', crt, '-noout', '-pubkey']), publicKeyOf(['req', '-in', join(folder, 'lab.csr'), '-noout', '-pubkey']));
});

test('a key open in the workbench (made by openssl) signs the CSR; a certificate is not a key; a closed one is NOT_FOUND', async () => {
  const { wb } = setup();
  const dir = mkdtempSync(join(tmpdir(), 'own-key-'));
  const keyPath = join(dir, 'own.key');
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', keyPath]);
  wb.grants.grant([keyPath]);
  const state = await wb.handlers['documents.openPaths']({ paths: [keyPath] });
  const keyId = state.documents[0].objects[0].id;
  const check = await wb.handlers['csr.check']({ spec: SPEC, key: { objectId: keyId } });
  assert.equal(check.ok, true);
  const created = await wb.handlers['csr.create']({ spec: SPEC, key: { objectId: keyId } });
  const csrPath = join(dir, 'own.csr');
  writeFileSync(csrPath, created.csrPem);
  openssl(['req', '-in', csrPath, '-verify', '-noout']);
  assert.equal(publicKeyOf(['req', '-in', csrPath, '-noout', '-pubkey']), publicKeyOf(['pkey', '-in', keyPath, '-pubout']));
  await rejectsWith(wb.handlers['csr.create']({ spec: SPEC, key: { objectId: created.csrObjectId } }), 'INVALID_ARGUMENT');
  await rejectsWith(wb.handlers['csr.check']({ spec: SPEC, key: { objectId: 'doc99/0' } }), 'NOT_FOUND');
});

test('the whole way: a CSR made here, signed by an openssl CA, comes back as a reply to the "(not saved)" key', async () => {
  const { wb, folder } = setup();
  const created = await wb.handlers['csr.create']({ spec: SPEC, key: EC });
  await wb.handlers['csr.save']({ documentId: created.documentId, baseName: 'host', keyProtection: { form: 'pkcs8', password: 'p' }, includeKey: false, destination: { folder } });
  const ca = makeCa('Certbench Round Trip');
  const leaf = ca.sign(join(folder, 'host.csr'), 'host');
  const reply = join(folder, 'reply.pem');
  writeFileSync(reply, readFileSync(leaf, 'utf8') + readFileSync(ca.interPem, 'utf8') + readFileSync(ca.rootPem, 'utf8'));
  wb.grants.grant([reply]);
  const state = await wb.handlers['documents.openPaths']({ paths: [reply] });
  const answer = await wb.handlers['csr.caReply']({ documentIds: [state.documents.at(-1)!.id] });
  assert.equal(answer.keyObjectId, created.keyObjectId);
  assert.equal(answer.keyLabel, 'host.example.com (not saved)');
  assert.deepEqual(answer.chain.map((c) => c.role), ['leaf', 'intermediate', 'root']);
  assert.deepEqual(answer.problems, []);
  const { written } = await wb.handlers['convert.run']({ source: { objectIds: answer.objectIds }, target: 'pfx', destination: { folder }, password: 'pfx-pass' });
  const pem = openssl(['pkcs12', '-in', written[0].path, '-passin', 'pass:pfx-pass', '-nodes']);
  const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n/.exec(pem)![0];
  assert.equal(openssl(['pkey', '-pubout'], keyPem), publicKeyOf(['x509', '-in', leaf, '-noout', '-pubkey']));
});

test('importConfig: an openssl req config fills the form; a file openssl would refuse is INVALID_ARGUMENT naming the line', async () => {
  const { wb } = setup();
  const text = ['[req]', 'prompt = no', 'distinguished_name = dn', 'req_extensions = ext', '[dn]', 'C = US', 'CN = app.example.com', '[ext]', 'subjectAltName = @alt', '[alt]', 'DNS.1 = app.example.com', 'IP.1 = 192.0.2.1', ''].join('\n');
  const imported = await wb.handlers['csr.importConfig']({ name: 'app.cnf', text });
  assert.deepEqual(imported.spec.subject, [
    { type: 'C', value: 'US' },
    { type: 'CN', value: 'app.example.com' },
  ]);
  assert.deepEqual(imported.spec.san, [
    { type: 'DNS', value: 'app.example.com' },
    { type: 'IP', value: '192.0.2.1' },
  ]);
  assert.equal(imported.selfSign, null, 'no x509_extensions or default_days: nothing for a self-signed certificate');
  const x509 = await wb.handlers['csr.importConfig']({ name: 'lab.cnf', text: text.replace('req_extensions = ext', 'x509_extensions = ext\ndefault_days = 730') });
  assert.equal(x509.selfSign?.days, 730);
  const e = await rejectsWith(wb.handlers['csr.importConfig']({ name: 'bad.cnf', text: text.replace('C = US', 'C = USA') }), 'INVALID_ARGUMENT');
  assert.match(e.message, /bad\.cnf.*6/);
});

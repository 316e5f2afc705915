/**
 * ACME orders through the acme.* handlers against pebble: HTTP-01 served by Certbench → issued, the certbot set
 * verified by openssl against pebble's root, events in order, the account reused; then save, open, renew,
 * revoke (pebble then says alreadyRevoked) and remove. A failing challenge leaves no files and keeps pebble's words.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AcmeIssueRequest, AcmeNoticeDto, AcmeOrderDto } from '../../api/dto';
import { connectAcme } from '../../pki/acme/acme-connection';
import { AcmeRefusal } from '../../pki/acme/acme-problem';
import { opensslPublicKeys, opensslSans, opensslVerify } from '../../../test/helpers/acme-kit';
import { freePort, startPebble, type Pebble } from '../../../test/helpers/pebble';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { createWorkbench, type Workbench } from '../index';

let pebble: Pebble;
let root: string;
const dataDir = mkdtempSync(join(tmpdir(), 'acme-orders-data-'));
const workbenches: Workbench[] = [];

before(async () => {
  pebble = await startPebble();
  root = await pebble.rootPem();
});
after(async () => {
  for (const wb of workbenches) await wb.acme.close();
  await pebble?.stop();
});

function bench(dir = dataDir) {
  const wb = createWorkbench({ dataDir: dir, acmePollMs: 100 });
  workbenches.push(wb);
  const orders: AcmeOrderDto[] = [];
  const notices: AcmeNoticeDto[] = [];
  wb.events.on((event, payload) => {
    if (event === 'acme.order') orders.push(payload as AcmeOrderDto);
    if (event === 'acme.notice') notices.push(payload as AcmeNoticeDto);
  });
  const caFile = pebble.caFile;
  wb.grants.grant([caFile]);
  return { wb, h: wb.handlers, orders, notices };
}

function outDir(wb: Workbench): string {
  const dir = mkdtempSync(join(tmpdir(), 'acme-out-'));
  wb.folders.grant(dir);
  return dir;
}

const request = (domains: string[], extra: Partial<AcmeIssueRequest> = {}): AcmeIssueRequest => ({
  directoryUrl: pebble.directoryUrl,
  caFile: pebble.caFile,
  domains,
  email: 'ops@example.test',
  agreeTos: true,
  challenge: 'http-01',
  mode: 'serve',
  httpPort: pebble.httpPort,
  httpAddress: '127.0.0.1',
  key: { generate: 'ec:P-256' },
  dnsServers: [pebble.dnsServer],
  ...extra,
});

function verifySet(dir: string, domains: string[]): void {
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  const chain = readFileSync(join(dir, 'chain.pem'), 'utf8');
  assert.equal(readFileSync(join(dir, 'fullchain.pem'), 'utf8'), cert + chain);
  assert.match(opensslVerify(cert + chain, root), /OK/);
  assert.deepEqual(opensslSans(cert).sort(), [...domains].sort());
  const key = readFileSync(join(dir, 'privkey.pem'), 'utf8');
  const pub = opensslPublicKeys(cert, key);
  assert.equal(pub.key, pub.cert, 'privkey.pem is the key of cert.pem');
  assert.equal(statSync(join(dir, 'privkey.pem')).mode & 0o777, 0o600);
}

let issuedId = '';
let issuedDir = '';

test('HTTP-01 served by Certbench: issued, the certbot set verified by openssl, events in order, orders.json holds no key', async () => {
  const { wb, h, orders, notices } = bench();
  const dir = outDir(wb);
  const first = await h['acme.issue']({ ...request(['www.example.test', 'example.test'], { key: { generate: 'rsa:2048' } }), destination: { folder: dir } });
  assert.equal(first.state, 'pending');
  assert.equal(first.busy, true);
  assert.equal(first.authorizations.length, 2);
  assert.ok(first.authorizations.every((a) => a.challenge?.type === 'http-01' && a.challenge.fileContent?.startsWith(a.challenge.token + '.')));
  const done = await wb.acme.settled(first.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  assert.equal(done.busy, false);
  verifySet(dir, ['www.example.test', 'example.test']);
  assert.match(execFileSync('openssl', ['x509', '-noout', '-subject'], { input: readFileSync(join(dir, 'cert.pem')) }).toString(), /www\.example\.test/);
  assert.deepEqual(done.result!.written.map((w) => w.path.split('/').pop()), ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
  assert.equal(done.result!.hasKey, true);
  assert.equal(done.result!.certificatePem, readFileSync(join(dir, 'cert.pem'), 'utf8'));
  // The states announced, in the order they happened (repeats collapsed).
  const states = orders.filter((o) => o.id === first.id).map((o) => o.state).filter((s, i, all) => s !== all[i - 1]);
  assert.deepEqual(states, ['pending', 'validating', 'ready', 'processing', 'issued']);
  assert.deepEqual(notices.map((n) => [n.ok, n.title]), [[true, 'Certificate issued for www.example.test']]);
  assert.match(notices[0].body, new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const stored = readFileSync(join(dataDir, 'acme', 'orders.json'), 'utf8');
  assert.doesNotMatch(stored, /PRIVATE KEY/);
  assert.doesNotMatch(JSON.stringify([orders, notices, done]), /PRIVATE KEY/);
  assert.equal(JSON.parse(stored).schemaVersion, 1);
  const keys = readdirSync(join(dataDir, 'acme', 'keys'));
  assert.equal(keys.length, 2, keys.join());
  for (const k of keys) assert.equal(statSync(join(dataDir, 'acme', 'keys', k)).mode & 0o777, 0o600);
  assert.ok(done.timeline.length >= 6);
  issuedId = first.id;
  issuedDir = dir;
});

test('a second order with the same CA and email reuses the account; ec:P-384 key', async () => {
  const { wb, h } = bench();
  const dir = outDir(wb);
  const placed = await h['acme.issue']({ ...request(['api.example.test'], { key: { generate: 'ec:P-384' } }), destination: { folder: dir } });
  const done = await wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  verifySet(dir, ['api.example.test']);
  assert.match(execFileSync('openssl', ['pkey', '-noout', '-text'], { input: readFileSync(join(dir, 'privkey.pem')) }).toString(), /384 bit/);
  const accounts = JSON.parse(readFileSync(join(dataDir, 'acme', 'accounts.json'), 'utf8'));
  assert.equal(accounts.accounts.length, 1);
  assert.equal(done.accountUrl, accounts.accounts[0].accountUrl);
  assert.ok(done.timeline.some((s) => /Using your .* account/.test(s.message)));
});

test('save writes the set again elsewhere (EXISTS unless overwrite); open shows certificate, chain and key in the workbench', async () => {
  const { wb, h } = bench();
  const dir = outDir(wb);
  const { written } = await h['acme.save']({ orderId: issuedId, destination: { folder: dir } });
  assert.equal(written.length, 4);
  verifySet(dir, ['www.example.test', 'example.test']);
  assert.deepEqual(readFileSync(join(dir, 'cert.pem')), readFileSync(join(issuedDir, 'cert.pem')));
  assert.ok(wb.grants.isGranted(join(dir, 'privkey.pem')));
  await rejectsWith(h['acme.save']({ orderId: issuedId, destination: { folder: dir } }), 'EXISTS');
  await h['acme.save']({ orderId: issuedId, destination: { folder: dir, overwrite: true } });
  await rejectsWith(h['acme.save']({ orderId: issuedId, destination: { folder: mkdtempSync(join(tmpdir(), 'not-chosen-')) } }), 'INVALID_ARGUMENT');

  const opened = await h['acme.open']({ orderId: issuedId });
  const doc = opened.state.documents.find((d) => d.id === opened.documentId)!;
  const kinds = doc.objects.map((o) => o.kind);
  assert.equal(kinds.filter((k) => k === 'certificate').length, 2);
  assert.equal(kinds.filter((k) => k === 'privateKey').length, 1);
  assert.doesNotMatch(JSON.stringify(opened), /PRIVATE KEY-----/);
});

test('renew: a new order with the same names and a new key, renewalOf set; revoke: pebble then says the certificate is revoked already', async () => {
  const { wb, h } = bench();
  const dir = outDir(wb);
  const renewal = await h['acme.renew']({ orderId: issuedId, destination: { folder: dir } });
  assert.equal(renewal.renewalOf, issuedId);
  assert.deepEqual(renewal.domains, ['www.example.test', 'example.test']);
  assert.equal(renewal.key, 'rsa:2048');
  const done = await wb.acme.settled(renewal.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  verifySet(dir, ['www.example.test', 'example.test']);
  const before = opensslPublicKeys(readFileSync(join(issuedDir, 'cert.pem'), 'utf8'), readFileSync(join(issuedDir, 'privkey.pem'), 'utf8')).key;
  assert.notEqual(opensslPublicKeys(readFileSync(join(dir, 'cert.pem'), 'utf8'), readFileSync(join(dir, 'privkey.pem'), 'utf8')).key, before, 'a renewal has a new key');

  const revoked = await h['acme.revoke']({ orderId: renewal.id, reason: 4 });
  assert.equal(revoked.state, 'revoked');
  await rejectsWith(h['acme.revoke']({ orderId: renewal.id }), 'INVALID_ARGUMENT');
  // Pebble's own answer: revoking the same certificate again is refused as alreadyRevoked.
  const accounts = JSON.parse(readFileSync(join(dataDir, 'acme', 'accounts.json'), 'utf8')).accounts;
  const accountKeyPem = readFileSync(join(dataDir, 'acme', 'keys', `account-${accounts[0].id}.key`), 'utf8');
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem, accountUrl: accounts[0].accountUrl });
  await assert.rejects(acme.revoke(readFileSync(join(dir, 'cert.pem'), 'utf8')), (e: unknown) => e instanceof AcmeRefusal && e.problem.caType === 'alreadyRevoked');
});

test('remove forgets orders and deletes their key files (the written files stay)', async () => {
  const { wb, h } = bench();
  const keyFile = join(dataDir, 'acme', 'keys', `cert-${issuedId}.key`);
  assert.ok(existsSync(keyFile));
  const { orders } = await h['acme.remove']({ orderIds: [issuedId] });
  assert.ok(!orders.some((o) => o.id === issuedId));
  assert.ok(!existsSync(keyFile));
  assert.ok(existsSync(join(issuedDir, 'privkey.pem')));
  assert.ok(!(await h['acme.orders']({})).orders.some((o) => o.id === issuedId));
  await rejectsWith(h['acme.remove']({ orderIds: [issuedId] }), 'NOT_FOUND');
  void wb;
});

test('a failing challenge: invalid with pebble\'s reason, a notice, and no files (no output, no certificate key)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-fail-data-'));
  const { wb, h, notices } = bench(dir);
  const out = outDir(wb);
  // Served on a port pebble does not fetch from: its validation finds nobody there.
  const placed = await h['acme.issue']({ ...request(['fail.example.test'], { httpPort: await freePort() }), destination: { folder: out } });
  const done = await wb.acme.settled(placed.id);
  assert.equal(done.state, 'invalid');
  assert.equal(done.problem?.code, 'CHALLENGE_FAILED');
  assert.match(done.problem!.message, /fail\.example\.test/);
  assert.match(done.problem!.message, /connect|refused|connection/i);
  assert.ok(done.problem!.hint.length > 0);
  assert.equal(done.authorizations[0].status, 'invalid');
  assert.match(done.authorizations[0].challenge?.error ?? '', /refused|connect/i);
  assert.deepEqual(readdirSync(out), []);
  assert.deepEqual(readdirSync(join(dir, 'acme', 'keys')).filter((k) => k.startsWith('cert-')), []);
  const notice = notices.find((n) => n.orderId === placed.id)!;
  assert.equal(notice.ok, false);
  assert.equal(notice.title, `${done.caName} refused fail.example.test`);
  await rejectsWith(h['acme.save']({ orderId: placed.id, destination: { folder: out } }), 'INVALID_ARGUMENT');
});

test('refused before anything is sent: wildcard over HTTP-01, serve with DNS-01, bad names, terms not agreed (with the terms URL)', async () => {
  const { h } = bench(mkdtempSync(join(tmpdir(), 'acme-refuse-')));
  const cases: [Partial<AcmeIssueRequest>, RegExp][] = [
    [{ domains: ['*.example.test'] }, /wildcard.*DNS-01/],
    [{ challenge: 'dns-01', mode: 'serve' }, /serve only HTTP-01/],
    [{ domains: ['a.example.test', 'A.example.test'] }, /same name/],
    [{ domains: ['not a name'] }, /not a DNS name/],
    [{ mode: 'hook' as const }, /command line/],
    [{ agreeTos: false }, /terms of service \(data:/],
  ];
  for (const [extra, why] of cases) {
    const e = await rejectsWith(h['acme.issue'](request(['ok.example.test'], extra)), 'INVALID_ARGUMENT');
    assert.match(e.message, why);
    assert.ok(e.hint.length > 0);
  }
  assert.deepEqual((await h['acme.orders']({})).orders, []);
});

test('the CA unreachable: NETWORK within seconds, and no order is kept', async () => {
  const { h } = bench(mkdtempSync(join(tmpdir(), 'acme-down-')));
  const port = await freePort();
  const started = Date.now();
  await rejectsWith(h['acme.issue'](request(['down.example.test'], { directoryUrl: `https://127.0.0.1:${port}/dir` })), 'NETWORK');
  assert.ok(Date.now() - started < 15_000);
  assert.deepEqual((await h['acme.orders']({})).orders, []);
});

test('preferred chain: pebble offers an alternate root; the order picks the chain up to the named one, and openssl verifies it against that root', async () => {
  const alt = await startPebble({ alternateRoots: 1 });
  try {
    const { wb, h } = bench(mkdtempSync(join(tmpdir(), 'acme-chains-')));
    wb.grants.grant([alt.caFile]);
    const altRequest = { ...request(['chain.example.test']), directoryUrl: alt.directoryUrl, caFile: alt.caFile, httpPort: alt.httpPort, dnsServers: [alt.dnsServer] };
    const first = await wb.acme.settled((await h['acme.issue'](altRequest)).id);
    assert.equal(first.state, 'issued', JSON.stringify(first.problem));
    assert.equal(first.result!.chains.length, 2);
    const wanted = first.result!.chains[1];
    const dir = outDir(wb);
    const picked = await wb.acme.settled((await h['acme.issue']({ ...altRequest, preferredChain: wanted, destination: { folder: dir } })).id);
    assert.equal(picked.state, 'issued', JSON.stringify(picked.problem));
    const chain = readFileSync(join(dir, 'fullchain.pem'), 'utf8');
    const roots = [await alt.rootPem(0), await alt.rootPem(1)];
    const rootOf = (pem: string) => execFileSync('openssl', ['x509', '-noout', '-subject'], { input: pem }).toString();
    const wantedRoot = roots.find((r) => rootOf(r).includes(wanted))!;
    assert.ok(wantedRoot, `one of pebble's roots is ${wanted}`);
    assert.match(opensslVerify(chain, wantedRoot), /OK/);
    const other = roots.find((r) => r !== wantedRoot)!;
    assert.throws(() => opensslVerify(chain, other), 'the chain does not lead to the other root');

    const unknown = await wb.acme.settled((await h['acme.issue']({ ...altRequest, preferredChain: 'No Such Root' })).id);
    assert.equal(unknown.state, 'issued');
    assert.ok(unknown.timeline.some((s) => /No chain up to "No Such Root" was offered .*kept the default chain/.test(s.message)));
  } finally {
    await alt.stop();
  }
});

test('without a data folder (orders and keys in memory only): issued, listed, and saved again with its key', async () => {
  const wb = createWorkbench({ acmePollMs: 100 });
  workbenches.push(wb);
  wb.grants.grant([pebble.caFile]);
  const dir = outDir(wb);
  const placed = await wb.handlers['acme.issue']({ ...request(['memory.example.test']), destination: { folder: dir } });
  const done = await wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  verifySet(dir, ['memory.example.test']);
  assert.deepEqual((await wb.handlers['acme.orders']({})).orders.map((o) => o.id), [placed.id]);
  const again = outDir(wb);
  await wb.handlers['acme.save']({ orderId: placed.id, destination: { folder: again } });
  verifySet(again, ['memory.example.test']);
});

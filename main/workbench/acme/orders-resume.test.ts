/**
 * ACME orders that wait and survive restarts, against pebble: manual DNS-01 for a wildcard (the TXT records set
 * in challtestsrv from the order's txtName/txtValue, acme.check, acme.continue), a waiting order picked up by a
 * second workbench on the same data folder, an order stopped after validation and finished by the next start,
 * cancel (pebble then has the authorization deactivated), the CA gone (error in words), the user's own CSR,
 * certbot-style hooks (CLI only), and an unreadable orders.json.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AcmeIssueRequest, AcmeNoticeDto, AcmeOrderDto } from '../../api/dto';
import { connectAcme } from '../../pki/acme/acme-connection';
import { checkDnsTxt } from '../../pki/acme/challenges';
import { opensslCsrDer, opensslKey, opensslPublicKeys, opensslSans, opensslVerify } from '../../../test/helpers/acme-kit';
import { startPebble, type Pebble } from '../../../test/helpers/pebble';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { pemBlock } from '../../pki/formats/pem-write';
import { createWorkbench, type Workbench } from '../index';

let pebble: Pebble;
let root: string;
const workbenches: Workbench[] = [];

before(async () => {
  pebble = await startPebble();
  root = await pebble.rootPem();
});
after(async () => {
  for (const wb of workbenches) await wb.acme.close();
  await pebble?.stop();
});

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function bench(dataDir: string) {
  const wb = createWorkbench({ dataDir, acmePollMs: 100 });
  workbenches.push(wb);
  const orders: AcmeOrderDto[] = [];
  const notices: AcmeNoticeDto[] = [];
  wb.events.on((event, payload) => {
    if (event === 'acme.order') orders.push(payload as AcmeOrderDto);
    if (event === 'acme.notice') notices.push(payload as AcmeNoticeDto);
  });
  wb.grants.grant([pebble.caFile]);
  return { wb, h: wb.handlers, orders, notices };
}

function outDir(...wbs: Workbench[]): string {
  const dir = tempDir('acme-out-');
  for (const wb of wbs) wb.folders.grant(dir);
  return dir;
}

const request = (domains: string[], extra: Partial<AcmeIssueRequest> = {}): AcmeIssueRequest => ({
  directoryUrl: pebble.directoryUrl,
  caFile: pebble.caFile,
  domains,
  agreeTos: true,
  challenge: 'dns-01',
  mode: 'manual',
  key: { generate: 'ec:P-256' },
  dnsServers: [pebble.dnsServer],
  ...extra,
});

function verifyChain(dir: string, domains: string[], withKey = true): void {
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  assert.match(opensslVerify(cert + readFileSync(join(dir, 'chain.pem'), 'utf8'), root), /OK/);
  assert.deepEqual(opensslSans(cert).sort(), [...domains].sort());
  if (withKey) {
    const pub = opensslPublicKeys(cert, readFileSync(join(dir, 'privkey.pem'), 'utf8'));
    assert.equal(pub.key, pub.cert);
  }
}

/** Sets the TXT records a waiting DNS-01 order shows, as a person would in their DNS console. */
async function setRecords(order: AcmeOrderDto): Promise<void> {
  for (const a of order.authorizations) await pebble.setTxt(a.challenge!.txtName!, a.challenge!.txtValue!);
}

test('manual DNS-01 for a wildcard and its base: waiting with the TXT name and value, check fails then passes, continue → issued', async () => {
  const { wb, h, notices } = bench(tempDir('acme-manual-'));
  const dir = outDir(wb);
  const placed = await h['acme.issue']({ ...request(['*.wild.example.test', 'wild.example.test']), destination: { folder: dir } });
  assert.equal(placed.state, 'waiting');
  assert.equal(placed.busy, false);
  assert.deepEqual(placed.authorizations.map((a) => [a.domain, a.wildcard, a.challenge?.txtName]).sort(), [
    ['*.wild.example.test', true, '_acme-challenge.wild.example.test'],
    ['wild.example.test', false, '_acme-challenge.wild.example.test'],
  ]);
  assert.ok(placed.authorizations.every((a) => /^[A-Za-z0-9_-]{43}$/.test(a.challenge!.txtValue!)));
  assert.match(placed.timeline.at(-1)!.message, /Waiting for you: set the TXT records/);

  const before = await h['acme.check']({ orderId: placed.id });
  assert.equal(before.state, 'waiting');
  assert.ok(before.authorizations.every((a) => a.challenge!.check && !a.challenge!.check.ok), 'nothing is set yet');

  await setRecords(placed);
  const checked = await h['acme.check']({ orderId: placed.id });
  assert.ok(checked.authorizations.every((a) => a.challenge!.check?.ok), JSON.stringify(checked.authorizations.map((a) => a.challenge!.check)));

  const continued = await h['acme.continue']({ orderId: placed.id });
  assert.equal(continued.state, 'validating');
  assert.equal(continued.busy, true);
  const done = await wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  verifyChain(dir, ['*.wild.example.test', 'wild.example.test']);
  assert.equal(notices.filter((n) => n.orderId === placed.id && n.ok).length, 1);
  await rejectsWith(h['acme.continue']({ orderId: placed.id }), 'INVALID_ARGUMENT');
  await pebble.clearTxt('_acme-challenge.wild.example.test');
});

test('restart while waiting: a second workbench on the same data folder shows the order waiting, and finishes it', async () => {
  const dataDir = tempDir('acme-restart-');
  const first = bench(dataDir);
  const placed = await first.h['acme.issue'](request(['later.example.test']));
  assert.equal(placed.state, 'waiting');
  await first.wb.acme.close();

  const second = bench(dataDir);
  await second.wb.acme.resumeUnfinished();
  const [again] = (await second.h['acme.orders']({})).orders;
  assert.equal(again.id, placed.id);
  assert.equal(again.state, 'waiting', 'a waiting order stays waiting after a restart');
  assert.deepEqual(again.authorizations, placed.authorizations);
  await setRecords(again);
  assert.ok((await second.h['acme.check']({ orderId: placed.id })).authorizations[0].challenge!.check!.ok);
  await second.h['acme.continue']({ orderId: placed.id });
  const done = await second.wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  assert.equal(done.result!.hasKey, true);
  const dir = outDir(second.wb);
  await second.h['acme.save']({ orderId: placed.id, destination: { folder: dir } });
  verifyChain(dir, ['later.example.test']);
});

test('restart after validation: the app closes when the order is ready; the next start finalizes with the CA and writes the set into the folder chosen before', async () => {
  const dataDir = tempDir('acme-restart-');
  const first = bench(dataDir);
  const dir = outDir(first.wb);
  let closing: Promise<void> | null = null;
  first.wb.events.on((event, payload) => {
    if (event === 'acme.order' && (payload as AcmeOrderDto).state === 'ready' && !closing) closing = first.wb.acme.close();
  });
  const placed = await first.h['acme.issue']({ ...request(['ready.example.test'], { challenge: 'http-01', mode: 'serve', httpPort: pebble.httpPort, httpAddress: '127.0.0.1' }), destination: { folder: dir } });
  await first.wb.acme.settled(placed.id);
  await closing;
  const stored = JSON.parse(readFileSync(join(dataDir, 'acme', 'orders.json'), 'utf8')).orders[0];
  assert.equal(stored.state, 'ready');
  assert.equal(stored.certificateUrl, null);
  assert.deepEqual(readdirSync(dir), []);

  // The second start was never given the folder: the order's own record of the user's choice is enough.
  const second = bench(dataDir);
  await second.wb.acme.resumeUnfinished();
  const done = await second.wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  assert.ok(done.timeline.some((s) => /Resumed: the CA has the order as ready/.test(s.message)));
  verifyChain(dir, ['ready.example.test']);
});

test('restart after the CA dropped the order: the next start marks it invalid with the words of the CA, and keeps no key', async () => {
  const dataDir = tempDir('acme-dropped-');
  const first = bench(dataDir);
  let closing: Promise<void> | null = null;
  first.wb.events.on((event, payload) => {
    if (event === 'acme.order' && (payload as AcmeOrderDto).state === 'ready' && !closing) closing = first.wb.acme.close();
  });
  const placed = await first.h['acme.issue'](request(['dropped.example.test'], { challenge: 'http-01', mode: 'serve', httpPort: pebble.httpPort, httpAddress: '127.0.0.1' }));
  await first.wb.acme.settled(placed.id);
  await closing;
  // Meanwhile another client of the same account deactivates the authorization: the CA's order is then invalid.
  const stored = JSON.parse(readFileSync(join(dataDir, 'acme', 'orders.json'), 'utf8')).orders[0];
  const account = JSON.parse(readFileSync(join(dataDir, 'acme', 'accounts.json'), 'utf8')).accounts[0];
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem: readFileSync(join(dataDir, 'acme', 'keys', `account-${account.id}.key`), 'utf8'), accountUrl: account.accountUrl });
  await acme.deactivate(stored.authorizations[0].authorizationUrl);
  const caSays = (await acme.order(stored.orderUrl)).status;

  const second = bench(dataDir);
  await second.wb.acme.resumeUnfinished();
  const done = await second.wb.acme.settled(placed.id);
  assert.equal(done.state, 'invalid', `pebble has the order as ${caSays}; ${JSON.stringify(done.problem)}`);
  assert.match(done.problem!.message, caSays === 'invalid' ? /invalid/ : new RegExp(`The CA dropped this order: it is ${caSays}`));
  assert.match(done.problem!.hint, /Renew/);
  assert.equal(second.notices.filter((n) => n.orderId === placed.id && !n.ok).length, 1);
  assert.deepEqual(readdirSync(join(dataDir, 'acme', 'keys')).filter((k) => k.startsWith('cert-')), []);
});

test('the HTTP-01 port taken: the order stops as error saying so; once the port is free, resume serves the file and issues', async () => {
  const { wb, h, notices } = bench(tempDir('acme-port-'));
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(pebble.httpPort, '127.0.0.1', resolve));
  let placed: AcmeOrderDto;
  try {
    placed = await h['acme.issue'](request(['port.example.test'], { challenge: 'http-01', mode: 'serve', httpPort: pebble.httpPort, httpAddress: '127.0.0.1' }));
    const stopped = await wb.acme.settled(placed.id);
    assert.equal(stopped.state, 'error');
    assert.match(stopped.problem!.message, new RegExp(String(pebble.httpPort)));
    assert.equal(stopped.authorizations[0].status, 'pending', 'the CA was not asked to validate');
    assert.equal(notices.find((n) => n.orderId === placed.id)?.ok, false);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
  const resumed = await h['acme.resume']({ orderId: placed.id });
  assert.equal(resumed.busy, true);
  const done = await wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  assert.equal(done.problem, null);
});

test('cancel deactivates the pending authorizations at the CA (pebble says so) and keeps no key', async () => {
  const dataDir = tempDir('acme-cancel-');
  const { h } = bench(dataDir);
  const placed = await h['acme.issue'](request(['cancel.example.test']));
  const cancelled = await h['acme.cancel']({ orderId: placed.id });
  assert.equal(cancelled.state, 'cancelled');
  assert.equal(cancelled.authorizations[0].status, 'deactivated');
  const stored = JSON.parse(readFileSync(join(dataDir, 'acme', 'orders.json'), 'utf8'));
  const account = JSON.parse(readFileSync(join(dataDir, 'acme', 'accounts.json'), 'utf8')).accounts[0];
  const acme = connectAcme({ directoryUrl: pebble.directoryUrl, caPem: pebble.caPem, accountKeyPem: readFileSync(join(dataDir, 'acme', 'keys', `account-${account.id}.key`), 'utf8'), accountUrl: account.accountUrl });
  assert.equal((await acme.authorization(stored.orders[0].authorizations[0].authorizationUrl)).status, 'deactivated');
  assert.deepEqual(readdirSync(join(dataDir, 'acme', 'keys')).filter((k) => k.startsWith('cert-')), []);
  await rejectsWith(h['acme.cancel']({ orderId: placed.id }), 'INVALID_ARGUMENT');
});

test('the CA gone while waiting: continue stops the order as error with the words of the network failure; resume tries again', async () => {
  const other = await startPebble();
  try {
    const { wb, h, notices } = bench(tempDir('acme-gone-'));
    wb.grants.grant([other.caFile]);
    const placed = await h['acme.issue'](request(['gone.example.test'], { directoryUrl: other.directoryUrl, caFile: other.caFile }));
    await other.stop();
    await h['acme.continue']({ orderId: placed.id });
    const stopped = await wb.acme.settled(placed.id);
    assert.equal(stopped.state, 'error');
    assert.equal(stopped.problem?.code, 'NETWORK');
    assert.ok(stopped.problem!.hint.length > 0);
    const notice = notices.find((n) => n.orderId === placed.id)!;
    assert.equal(notice.ok, false);
    assert.equal(notice.title, 'The order for gone.example.test stopped');
    await h['acme.resume']({ orderId: placed.id });
    assert.equal((await wb.acme.settled(placed.id)).state, 'error');
  } finally {
    await other.stop();
  }
});

test("the user's own CSR (made by openssl) over HTTP-01: issued for that key; no privkey.pem; a CSR with other names is refused", async () => {
  const { wb, h } = bench(tempDir('acme-csr-'));
  const keyPem = opensslKey('ec');
  const csrPem = pemBlock('CERTIFICATE REQUEST', opensslCsrDer(['csr.example.test', 'www.csr.example.test'], keyPem));
  const state = await h['documents.openText']({ name: 'request.csr', text: csrPem });
  const csrObjectId = state.documents.at(-1)!.objects.find((o) => o.kind === 'csr')!.id;
  const serve = { challenge: 'http-01' as const, mode: 'serve' as const, httpPort: pebble.httpPort, httpAddress: '127.0.0.1' };

  const e = await rejectsWith(h['acme.issue'](request(['csr.example.test'], { ...serve, key: { csrObjectId } })), 'INVALID_ARGUMENT');
  assert.match(e.message, /CSR names www\.csr\.example\.test which the order does not/);

  const dir = outDir(wb);
  const placed = await h['acme.issue']({ ...request(['www.csr.example.test', 'csr.example.test'], { ...serve, key: { csrObjectId } }), destination: { folder: dir } });
  assert.equal(placed.key, 'csr');
  const done = await wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  assert.equal(done.result!.hasKey, false);
  assert.deepEqual(readdirSync(dir).sort(), ['cert.pem', 'chain.pem', 'fullchain.pem']);
  verifyChain(dir, ['csr.example.test', 'www.csr.example.test'], false);
  const pub = opensslPublicKeys(readFileSync(join(dir, 'cert.pem'), 'utf8'), keyPem);
  assert.equal(pub.cert, pub.key, "the certificate is for the CSR's key");
});

test('hooks (command line only): the auth hook sets the TXT record in challtestsrv, the cleanup hook always removes it', async () => {
  const { wb, h } = bench(tempDir('acme-hook-'));
  const hook = (path: 'set-txt' | 'clear-txt') =>
    `node -e 'fetch("${pebble.challtestUrl}/${path}", { method: "POST", body: JSON.stringify({ host: "_acme-challenge." + process.env.CERTBENCH_DOMAIN + ".", value: process.env.CERTBENCH_VALIDATION }) }).then((r) => process.exit(r.ok ? 0 : 1))'`;
  const hooked = request(['*.hook.example.test'], { mode: 'hook', authHook: hook('set-txt'), cleanupHook: hook('clear-txt') });
  await rejectsWith(h['acme.issue'](hooked), 'INVALID_ARGUMENT');
  const dir = outDir(wb);
  const placed = await wb.acme.issue({ ...hooked, destination: { folder: dir } }, { allowHooks: true });
  const done = await wb.acme.settled(placed.id);
  assert.equal(done.state, 'issued', JSON.stringify(done.problem));
  verifyChain(dir, ['*.hook.example.test']);
  assert.ok(done.timeline.some((s) => /auth hook set the challenge for \*\.hook\.example\.test/.test(s.message)));
  assert.equal((await checkDnsTxt('_acme-challenge.hook.example.test', done.authorizations[0].challenge!.txtValue!, [pebble.dnsServer])).ok, false, 'the cleanup hook removed the record');
  await rejectsWith(h['acme.renew']({ orderId: placed.id }), 'INVALID_ARGUMENT');
});

test('an unreadable orders.json: moved aside with a notice saying where, the list starts empty, new orders work', async () => {
  const dataDir = tempDir('acme-corrupt-');
  mkdirSync(join(dataDir, 'acme'));
  writeFileSync(join(dataDir, 'acme', 'orders.json'), '{"schemaVersion": 1, "orders": [');
  const { wb, h, notices } = bench(dataDir);
  await wb.acme.resumeUnfinished();
  assert.deepEqual((await h['acme.orders']({})).orders, []);
  assert.equal(notices.length, 1);
  assert.match(notices[0].body, /not JSON.*moved to .*orders\.json\.unreadable-/);
  const aside = readdirSync(join(dataDir, 'acme')).find((f) => f.startsWith('orders.json.unreadable-'))!;
  assert.equal(readFileSync(join(dataDir, 'acme', aside), 'utf8'), '{"schemaVersion": 1, "orders": [');
  const placed = await h['acme.issue'](request(['fresh.example.test']));
  assert.deepEqual(JSON.parse(readFileSync(join(dataDir, 'acme', 'orders.json'), 'utf8')).orders.map((o: { id: string }) => o.id), [placed.id]);
});

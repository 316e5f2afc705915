/** orders.json and accounts.json: round trip, one write after another, and an unreadable or newer file moved aside (never overwritten, never a crash). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AcmeNoticeDto } from '../../api/dto';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { createWorkbench } from '../index';
import { AccountStore, ACCOUNTS_FILE } from './accounts';
import { ORDERS_FILE, OrderStore, type StoredOrder } from './store';

const now = () => new Date('2026-11-27T12:00:00Z');

function order(id: string): StoredOrder {
  return {
    id,
    name: 'www.example.test',
    directoryUrl: 'https://127.0.0.1:14000/dir',
    caName: '127.0.0.1:14000',
    staging: true,
    domains: ['www.example.test'],
    challenge: 'http-01',
    mode: 'serve',
    key: 'ec:P-256',
    email: null,
    state: 'pending',
    createdAt: now().toISOString(),
    updatedAt: now().toISOString(),
    orderUrl: 'https://127.0.0.1:14000/my-order/x',
    accountUrl: null,
    expiresAt: null,
    authorizations: [],
    timeline: [{ at: now().toISOString(), state: 'pending', message: 'Order placed' }],
    problem: null,
    result: null,
    renewalOf: null,
    settings: {
      directoryUrl: 'https://127.0.0.1:14000/dir', caPem: null, domains: ['www.example.test'], email: null, challenge: 'http-01', mode: 'serve',
      httpPort: 5002, httpAddress: null, authHook: null, cleanupHook: null, key: 'ec:P-256', dnsServers: null, preferredChain: null, destination: null, name: null,
    },
    accountId: 'a1',
    finalizeUrl: null,
    csrPem: null,
    certificateUrl: null,
  };
}

test('orders round trip: a new store reads what was written; schemaVersion 1; no temporary files left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
  const store = new OrderStore(dir, now);
  assert.deepEqual(await store.load(), { value: { schemaVersion: 1, orders: [] }, setAside: null });
  await store.save([order('o1'), order('o2')]);
  const again = await new OrderStore(dir, now).load();
  assert.equal(again.setAside, null);
  assert.deepEqual(again.value.orders.map((o) => o.id), ['o1', 'o2']);
  assert.deepEqual(again.value.orders[0], order('o1'));
  assert.equal(JSON.parse(readFileSync(join(dir, ORDERS_FILE), 'utf8')).schemaVersion, 1);
  assert.deepEqual(readdirSync(join(dir, 'acme')), ['orders.json']);
});

test('saves one after another: the last of twenty quick saves is what is on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
  const store = new OrderStore(dir, now);
  await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(Array.from({ length: i + 1 }, (_, j) => order(`o${j}`)))));
  assert.equal((await new OrderStore(dir, now).load()).value.orders.length, 20);
});

test('an unreadable orders.json is moved aside with the reason in words, and a new list starts (no throw)', async () => {
  const cases: [string, RegExp][] = [
    ['{"schemaVersion": 1, "orders": [', /not JSON/],
    ['[1, 2]', /does not hold an object/],
    ['{"orders": []}', /no schema version/],
    ['{"schemaVersion": 1, "orders": {}}', /no "orders" list/],
    ['{"schemaVersion": 1, "orders": [{"id": "x", "state": "flying", "domains": []}]}', /no known state/],
    ['{"schemaVersion": 2, "orders": [], "newThing": true}', /newer Certbench \(schema 2; this one reads 1\)/],
  ];
  for (const [text, why] of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, ORDERS_FILE), text);
    const store = new OrderStore(dir, now);
    const loaded = await store.load();
    assert.deepEqual(loaded.value.orders, []);
    assert.match(loaded.setAside ?? '', why);
    const aside = join(dir, 'acme', 'orders.json.unreadable-20261127T120000Z');
    assert.ok(loaded.setAside?.includes(aside), loaded.setAside ?? '');
    assert.equal(readFileSync(aside, 'utf8'), text, 'the unreadable file is kept as it was');
    await store.save([order('new')]);
    assert.deepEqual((await new OrderStore(dir, now).load()).value.orders.map((o) => o.id), ['new']);
    assert.equal(readFileSync(aside, 'utf8'), text, 'a later save does not touch it');
  }
});

test('without a data folder the orders live in memory', async () => {
  const store = new OrderStore(undefined);
  await store.save([order('m')]);
  assert.deepEqual((await store.load()).value.orders.map((o) => o.id), ['m']);
});

test('accounts: found by (directory, email), replaced by id, persisted without any key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
  const accounts = new AccountStore(dir);
  const a = { id: 'a1', directoryUrl: 'https://ca.test/dir', email: 'ops@example.test', accountUrl: null, createdAt: now().toISOString() };
  await accounts.put(a);
  await accounts.put({ ...a, id: 'a2', email: null });
  await accounts.put({ ...a, accountUrl: 'https://ca.test/acct/1' });
  const again = new AccountStore(dir);
  assert.equal((await again.find('https://ca.test/dir', 'ops@example.test'))?.accountUrl, 'https://ca.test/acct/1');
  assert.equal((await again.find('https://ca.test/dir', null))?.id, 'a2');
  assert.equal(await again.find('https://other.test/dir', null), null);
  const text = readFileSync(join(dir, ACCOUNTS_FILE), 'utf8');
  assert.equal(JSON.parse(text).schemaVersion, 1);
  assert.doesNotMatch(text, /PRIVATE KEY/);
  assert.equal(statSync(join(dir, ACCOUNTS_FILE)).isFile(), true);
});

test('an unreadable accounts.json is moved aside and reported, not thrown', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
  mkdirSync(join(dir, 'acme'));
  writeFileSync(join(dir, ACCOUNTS_FILE), 'garbage');
  const accounts = new AccountStore(dir, now);
  assert.equal(await accounts.find('https://ca.test/dir', null), null);
  assert.match((await accounts.setAside()) ?? '', /ACME account list .* not JSON.*moved to .*accounts\.json\.unreadable-/);
});

test('orders.json that cannot be read at all (a folder in its place): the start says why and goes on; acme.orders says CORRUPT until it is fixed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
  mkdirSync(join(dir, ORDERS_FILE), { recursive: true });
  const wb = createWorkbench({ dataDir: dir });
  const notices: AcmeNoticeDto[] = [];
  wb.events.on((event, payload) => event === 'acme.notice' && notices.push(payload as AcmeNoticeDto));
  await wb.acme.resumeUnfinished();
  assert.equal(notices.length, 1);
  assert.match(notices[0].body, /ACME order list .* cannot be read: EISDIR/);
  const e = await rejectsWith(wb.handlers['acme.orders']({}), 'CORRUPT');
  assert.ok(e.hint.length > 0);
  rmSync(join(dir, ORDERS_FILE), { recursive: true });
  assert.deepEqual((await wb.handlers['acme.orders']({})).orders, []);
});

test('a hook order found unfinished on start is not resumed by the app (hooks run commands): it stops as error saying so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
  const hooked = order('h1');
  hooked.state = 'validating';
  hooked.mode = 'hook';
  hooked.settings = { ...hooked.settings, challenge: 'dns-01', mode: 'hook', authHook: 'touch /tmp/should-not-run' };
  await new OrderStore(dir, now).save([hooked]);
  const wb = createWorkbench({ dataDir: dir });
  await wb.acme.resumeUnfinished();
  const [stopped] = await wb.acme.list();
  assert.equal(stopped.state, 'error');
  assert.equal(stopped.busy, false);
  assert.match(stopped.problem!.message, /hooks \(commands\), which only the command line runs/);
  assert.equal(JSON.parse(readFileSync(join(dir, ORDERS_FILE), 'utf8')).orders[0].state, 'error');
  await rejectsWith(wb.acme.resume('h1'), 'INVALID_ARGUMENT');
});

test('two processes on one data folder (the app and a CLI run): each save keeps the other\'s orders; the app lists what the CLI added; removed stays removed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'acme-store-'));
  const app = createWorkbench({ dataDir: dir });
  assert.deepEqual(await app.acme.list(), []);
  const cli = new OrderStore(dir, now);
  await cli.save([order('from-cli')]);
  const other = new OrderStore(dir, now);
  await other.save([order('from-other')]);
  assert.deepEqual((await new OrderStore(dir).load()).value.orders.map((o) => o.id).sort(), ['from-cli', 'from-other']);
  assert.deepEqual((await app.acme.list()).map((o) => o.id).sort(), ['from-cli', 'from-other']);
  await app.acme.remove(['from-cli']);
  await other.save([order('from-other')]);
  assert.deepEqual((await new OrderStore(dir).load()).value.orders.map((o) => o.id), ['from-other'], 'the app removed it; the other process did not bring it back since it never had it');
  assert.deepEqual((await app.acme.list()).map((o) => o.id), ['from-other']);
});

/**
 * The scanner over a real tree made by openssl and keytool (test/helpers/expiry-tree.ts) and real TLS servers on
 * 127.0.0.1: statuses, day counts and fingerprints as openssl sees them, keystores with and without their
 * password, error rows only where a certificate was promised, a symlink loop and a FIFO passed over, endpoints
 * serving chains, the concurrency limit, progress and cancel.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ExpiryRowDto, WatchTargetDto } from '../../api/dto';
import { nodeNetwork } from '../../pki/net/node-network';
import type { NetworkPort, TlsFetchResult } from '../../pki/net/port';
import { validityAt } from '../../pki/x509/certificate';
import { makeExpiryTree, opensslFacts, STORE_PASSWORD, type ExpiryTree } from '../../../test/helpers/expiry-tree';
import { LocalServers, derOf } from '../../../test/helpers/tls-servers';
import type { IssuedCert, TestCaHandle } from '../../../test/helpers/test-pki';
import { scanTargets, targetFromInput } from './scan';

const THRESHOLDS = [60, 30, 3];
let tree: ExpiryTree;
let now: Date;
let inter: TestCaHandle;
let served: IssuedCert;
const servers = new LocalServers();
let chainPort: number;

before(async () => {
  tree = makeExpiryTree();
  now = new Date(tree.made.getTime() + 3600_000);
  inter = tree.root.issueCa('Expiry Inter');
  served = inter.issueLeaf('served', { san: ['DNS:localhost', 'IP:127.0.0.1'] });
  const { readFileSync } = await import('node:fs');
  ({ port: chainPort } = await servers.tls({ key: readFileSync(served.keyPath), cert: served.pem + inter.pem }));
});
after(() => servers.closeAll());

const folder = (location: string, recursive = true): WatchTargetDto => targetFromInput({ kind: 'folder', location, recursive }, 'folder1', now);
const scan = (targets: WatchTargetDto[], extra: Partial<Parameters<typeof scanTargets>[1]> = {}) => scanTargets(targets, { net: nodeNetwork, thresholds: THRESHOLDS, now, ...extra });
const bySource = (rows: ExpiryRowDto[]) => new Map(rows.map((r) => [r.source.slice(tree.dir.length + 1), r]));

test('a folder tree: every certificate once per place it is stored, with openssl\'s fingerprint and notAfter, days as validityAt counts them', async () => {
  const result = await scan([folder(tree.dir)]);
  const rows = bySource(result.rows);
  const expect = { 'ok.pem': ['ok', null, 399], 'expired.pem': ['expired', null, -11], 'sub/d20.pem': ['expiring', 30, 19], 'sub/deeper/d2.cer': ['expiring', 3, 1] } as const;
  for (const [rel, [status, threshold, days]] of Object.entries(expect)) {
    const row = rows.get(rel);
    assert.ok(row, `a row for ${rel}: ${[...rows.keys()].join(', ')}`);
    const peer = opensslFacts(tree.files[rel].pem);
    assert.equal(row.sha256, peer.sha256, rel);
    assert.equal(row.notAfter, peer.notAfter, rel);
    assert.equal(row.daysLeft, validityAt(row.notBefore, row.notAfter, now).daysLeft, rel);
    assert.deepEqual([row.status, row.threshold, row.daysLeft], [status, threshold, days], rel);
    assert.equal(row.presence, 'stored');
    assert.equal(row.targetId, 'folder1');
    assert.equal(row.error, null);
  }
  // The bundle: two rows, one per PEM block; the d20 leaf is also a row of its own file (where matters).
  const bundle = result.rows.filter((r) => r.source.startsWith(join(tree.dir, 'bundle.pem')));
  assert.deepEqual(bundle.map((r) => r.sha256), [opensslFacts(tree.leaves.d20.pem).sha256, opensslFacts(tree.root.pem).sha256]);
  assert.ok(bundle.every((r) => /PEM block \d/.test(r.source)));
  assert.equal(bundle[1].isCA, true);
  assert.equal(result.rows.filter((r) => r.sha256 === opensslFacts(tree.leaves.d20.pem).sha256).length, 2);
});

test('keystores: the JKS is listed without its password (entry alias in the source); the PFX asks for one', async () => {
  const result = await scan([folder(tree.dir)]);
  const rows = bySource(result.rows);
  const jks = rows.get("sub/store.jks entry 'tomcat'");
  assert.ok(jks, [...rows.keys()].join(', '));
  assert.deepEqual([jks.status, jks.threshold, jks.sha256], ['expiring', 60, opensslFacts(tree.leaves.d50.pem).sha256]);
  const pfx = rows.get('store.pfx');
  assert.ok(pfx);
  assert.equal(pfx.status, 'error');
  assert.equal(pfx.error?.code, 'PASSWORD_REQUIRED');
  assert.match(pfx.error!.hint, /password/);
  assert.equal(pfx.sha256, '');
});

test('with the vault password the PFX opens; a wrong one is an error row that says so', async () => {
  const good = bySource((await scan([folder(tree.dir)], { passwordFor: (id) => (id === 'folder1' ? STORE_PASSWORD : undefined) })).rows);
  const pfx = good.get('store.pfx');
  assert.deepEqual([pfx?.status, pfx?.sha256, pfx?.daysLeft], ['expiring', opensslFacts(tree.leaves.d50.pem).sha256, 49]);
  const bad = bySource((await scan([folder(tree.dir)], { passwordFor: () => 'wrong' })).rows);
  assert.equal(bad.get('store.pfx')?.error?.code, 'WRONG_PASSWORD');
  // The JKS still lists without a password, so a wrong one does not hide its certificates.
  assert.equal(bad.get("sub/store.jks entry 'tomcat'")?.status, 'expiring');
});

test('what is passed over and what is reported: garbage named like a certificate is an error row, other files are counted quietly', async () => {
  const result = await scan([folder(tree.dir)]);
  const rows = bySource(result.rows);
  assert.equal(rows.get('broken.crt')?.error?.code, 'UNRECOGNIZED_FORMAT');
  assert.equal(rows.get('dangling.pem')?.error?.code, 'NOT_FOUND');
  for (const quiet of ['garbage.bin', 'notes.txt', 'sub/d20.key', 'sub/pipe.pem']) assert.equal(rows.has(quiet), false, quiet);
  // The loop (sub/loop -> ..) is entered never: every file appears once.
  assert.equal(result.rows.filter((r) => r.source.includes('/loop/')).length, 0);
  // Skipped: garbage.bin, notes.txt, d20.key, the FIFO, the loop.
  assert.equal(result.filesSkipped, 5);
  assert.equal(result.counts.error, 3);
  assert.equal(result.counts.expired, 1);
  assert.equal(result.counts.ok, 1 + 1 /* the root in the bundle */);
  assert.equal(result.counts.expiring, 4);
  assert.equal(result.rows.length, result.counts.ok + result.counts.expiring + result.counts.expired + result.counts.error);
  assert.equal(result.cancelled, false);
  assert.equal(result.endpointsScanned, 0);
});

test('not recursive: only the folder itself', async () => {
  const result = await scan([folder(tree.dir, false)]);
  assert.ok(result.rows.every((r) => !r.source.includes('/sub/')));
  assert.ok(result.rows.some((r) => r.source.endsWith('ok.pem')));
});

test('file targets: a missing file, a key without a certificate and a folder named as a file are error rows', async () => {
  const file = (location: string, id: string) => targetFromInput({ kind: 'file', location }, id, now);
  const result = await scan([file(join(tree.dir, 'ok.pem'), 'a'), file(join(tree.dir, 'gone.pem'), 'b'), file(join(tree.dir, 'sub', 'd20.key'), 'c'), file(join(tree.dir, 'sub'), 'd'), file(join(tree.dir, 'notes.txt'), 'e')]);
  assert.deepEqual(result.rows.map((r) => [r.targetId, r.status, r.error?.code ?? null]), [
    ['a', 'ok', null],
    ['b', 'error', 'NOT_FOUND'],
    ['c', 'error', 'INVALID_ARGUMENT'],
    ['d', 'error', 'INVALID_ARGUMENT'],
    ['e', 'error', 'UNRECOGNIZED_FORMAT'],
  ]);
  assert.match(result.rows[2].error!.message, /no certificate/);
  assert.equal(result.filesScanned, 5);
});

test('a missing folder is one error row for the target', async () => {
  const result = await scan([folder(join(tree.dir, 'nope'))]);
  assert.deepEqual(result.rows.map((r) => [r.source, r.error?.code]), [[join(tree.dir, 'nope'), 'NOT_FOUND']]);
});

test('an endpoint: a row per served certificate (presence served), in the order sent; a closed port is a NETWORK row', async () => {
  const closed = await servers.closedPort();
  const ep = (location: string, id: string) => targetFromInput({ kind: 'endpoint', location }, id, now);
  const result = await scan([ep(`127.0.0.1:${chainPort}`, 'up'), ep(`127.0.0.1:${closed}`, 'down')]);
  const up = result.rows.filter((r) => r.targetId === 'up');
  assert.deepEqual(up.map((r) => r.sha256), [opensslFacts(served.pem).sha256, opensslFacts(inter.pem).sha256]);
  assert.deepEqual(up.map((r) => r.source), [`127.0.0.1:${chainPort} certificate 1`, `127.0.0.1:${chainPort} certificate 2`]);
  assert.ok(up.every((r) => r.presence === 'served' && r.status === 'ok'));
  const down = result.rows.filter((r) => r.targetId === 'down');
  assert.deepEqual(down.map((r) => [r.status, r.error?.code, r.presence]), [['error', 'NETWORK', 'served']]);
  assert.equal(result.endpointsScanned, 2);
  void derOf;
});

/** A network double for scheduling only: it serves one certificate after `delayMs`, or waits for the abort. */
function scriptedNet(der: Uint8Array, delayMs: number, track: { active: number; max: number; calls: number }, hang = false): NetworkPort {
  return {
    http: () => Promise.reject(new Error('no http here')),
    tls: (target) =>
      new Promise<TlsFetchResult>((resolve, reject) => {
        track.calls++;
        track.active++;
        track.max = Math.max(track.max, track.active);
        const done = () => {
          track.active--;
        };
        target.signal?.addEventListener('abort', () => {
          done();
          reject(new Error('aborted'));
        });
        if (hang) return;
        setTimeout(() => {
          done();
          resolve({ host: target.host, port: target.port, address: target.host, servername: null, starttls: null, protocol: 'TLSv1.3', cipher: 'x', keyExchange: null, alpn: null, served: [der], stapledOcsp: null, clientCertificate: { requested: false, acceptedIssuers: null, note: null }, durationMs: delayMs, notes: [] });
        }, delayMs);
      }),
  };
}

test('concurrency: never more endpoints at once than the limit; progress ends at 1 and names what it read', async () => {
  const track = { active: 0, max: 0, calls: 0 };
  const targets = Array.from({ length: 12 }, (_, i) => targetFromInput({ kind: 'endpoint', location: `host${i}.example.test:443` }, `e${i}`, now));
  const progress: [number | null, string][] = [];
  const result = await scan(targets, { net: scriptedNet(derOf(served.pem), 20, track), concurrency: 3, onProgress: (f, p) => progress.push([f, p]) });
  assert.equal(track.calls, 12);
  assert.equal(track.max, 3);
  assert.equal(result.rows.length, 12);
  // Rows in target order, whatever order the fetches finished in.
  assert.deepEqual(result.rows.map((r) => r.targetId), targets.map((t) => t.id));
  assert.deepEqual(progress.at(-1), [1, 'host11.example.test:443']);
});

test('cancel: the scan stops, keeps what it found and says cancelled', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'expiry-cancel-'));
  copyFileSync(join(tree.dir, 'ok.pem'), join(dir, 'ok.pem'));
  writeFileSync(join(dir, 'expired.pem'), tree.leaves.expired.pem);
  const track = { active: 0, max: 0, calls: 0 };
  const controller = new AbortController();
  const targets = [
    targetFromInput({ kind: 'folder', location: dir }, 'f', now),
    ...Array.from({ length: 5 }, (_, i) => targetFromInput({ kind: 'endpoint', location: `stuck${i}.example.test:443` }, `s${i}`, now)),
  ];
  const running = scan(targets, { net: scriptedNet(derOf(served.pem), 0, track, true), concurrency: 2, signal: controller.signal });
  const started = Date.now();
  while (track.calls === 0) await new Promise((r) => setTimeout(r, 5));
  controller.abort();
  const result = await running;
  assert.ok(Date.now() - started < 5000);
  assert.equal(result.cancelled, true);
  assert.deepEqual(result.rows.map((r) => r.source).sort(), [join(dir, 'expired.pem'), join(dir, 'ok.pem')]);
  assert.ok(track.calls <= 2, `${track.calls} fetches started`);
  assert.equal(track.active, 0);
});

test('targetFromInput: paths made absolute, host:port parsed as the chain command does, bad input refused in words', async () => {
  const t = targetFromInput({ kind: 'folder', location: 'some/../certs/', label: '  Prod  ' }, 'x', now);
  assert.equal(t.location, join(process.cwd(), 'certs'));
  assert.deepEqual([t.label, t.recursive, t.endpoint, t.addedAt], ['Prod', true, null, now.toISOString()]);
  const e = targetFromInput({ kind: 'endpoint', location: 'Shop.Example.Test:8443', servername: 'alt.example.test', starttls: 'smtp' }, 'y', now);
  assert.deepEqual([e.location, e.endpoint], ['shop.example.test:8443', { host: 'shop.example.test', port: 8443, servername: 'alt.example.test', starttls: 'smtp' }]);
  const v6 = targetFromInput({ kind: 'endpoint', location: '[::1]:443' }, 'z', now);
  assert.deepEqual([v6.location, v6.endpoint?.host], ['[::1]:443', '::1']);
  for (const bad of ['shop.example.test', 'shop.example.test:99999', '::1:443', 'a b:443']) {
    assert.throws(() => targetFromInput({ kind: 'endpoint', location: bad }, 'q', now), (err: { code?: string; hint?: string }) => err.code === 'INVALID_ARGUMENT' && !!err.hint, bad);
  }
  assert.throws(() => targetFromInput({ kind: 'file', location: '/x.pem', starttls: 'smtp' }, 'q', now), /endpoints only/);
});

test('a thousand files: every one a row, progress announced at most every 100 ms (not once per file), nothing held open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'expiry-many-'));
  const { mkdirSync } = await import('node:fs');
  for (let d = 0; d < 10; d++) {
    mkdirSync(join(dir, `d${d}`));
    for (let f = 0; f < 100; f++) writeFileSync(join(dir, `d${d}`, `c${f}.pem`), (f % 2 ? tree.leaves.d20 : tree.leaves.ok).pem);
  }
  let events = 0;
  const started = performance.now();
  const result = await scan([folder(dir)], { onProgress: () => events++ });
  const elapsed = performance.now() - started;
  assert.equal(result.rows.length, 1000);
  assert.equal(result.filesScanned, 1000);
  assert.deepEqual([result.counts.ok, result.counts.expiring], [500, 500]);
  assert.ok(events <= 2 + Math.ceil(elapsed / 100), `${events} progress events in ${Math.round(elapsed)} ms`);
  // Sources are distinct: identical certificates in different places are separate rows.
  assert.equal(new Set(result.rows.map((r) => r.source)).size, 1000);
});

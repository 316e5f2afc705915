/**
 * The chain.* api as the Chain doctor page and the Inspector call it: open documents in (request order), a
 * local AIA server (node http on 127.0.0.1) for the missing intermediate, progress events, objectIds of open
 * certificates, the fixed chain saved (openssl verifies it; EXISTS without overwrite), offline verdicts per
 * document (a Let's Encrypt intermediate chains to Node's ISRG Root X1), schema checks and cancel.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixture } from '../../test/helpers/fixtures';
import { localHttpServer, type LocalServer } from '../../test/helpers/local-http';
import { rejectsWith } from '../../test/helpers/pki-errors';
import { makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../test/helpers/test-pki';
import type { ProgressEvent } from '../api/contract';
import { createDispatcher } from '../rpc/dispatcher';
import { createWorkbench } from '.';

let http: LocalServer;
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;
/** Requests to /slow are held open until the test ends (a download to cancel). */
const held: { end(): void }[] = [];

before(async () => {
  http = await localHttpServer((req, res) => {
    if (req.url === '/inter.der') res.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(readFileSync(join(inter.dir, 'cert.der')));
    else if (req.url === '/slow') held.push(res);
    else res.writeHead(404).end();
  });
  root = makeTestPki('Handler Root');
  inter = root.issueCa('Handler Inter', { publish: { caIssuers: `${http.url}/inter.der` } });
  openssl(['x509', '-in', inter.certPath, '-outform', 'DER', '-out', join(inter.dir, 'cert.der')]);
  leaf = inter.issueLeaf('shop', { san: ['DNS:shop.example.test'] });
});
after(async () => {
  for (const r of held) r.end();
  await http.close();
});

async function setup() {
  const wb = createWorkbench();
  const folder = mkdtempSync(join(tmpdir(), 'chain-save-'));
  wb.folders.grant(folder);
  const open = async (name: string, text: string) => {
    const state = await wb.handlers['documents.openText']({ name, text });
    return state.documents[state.documents.length - 1].id;
  };
  return { wb, folder, open };
}

test('check: the leaf alone, the root as a trust file; the intermediate comes from AIA, progress says so, open certificates get their objectId', async () => {
  const { wb, open } = await setup();
  const leafDoc = await open('shop.pem', leaf.pem);
  const rootDoc = await open('root.pem', root.pem);
  const progress: ProgressEvent[] = [];
  wb.events.on((event, payload) => event === 'progress' && progress.push(payload as ProgressEvent));
  const report = await wb.handlers['chain.check']({ documentIds: [leafDoc], trustDocumentIds: [rootDoc] });
  assert.match(report.reportId, /^chain\d+$/);
  assert.equal(report.valid, false);
  assert.deepEqual(report.problems.map((p) => p.code), ['MISSING_INTERMEDIATE']);
  assert.deepEqual(report.chain.map((c) => c.objectId), [`${leafDoc}/0`, null, `${rootDoc}/0`]);
  assert.deepEqual(report.chain.map((c) => [c.source, c.trusted]), [['input', false], ['aia', false], ['input', true]]);
  assert.ok(progress.some((p) => p.label === `Checking the chain: Downloading the issuer from ${http.url}/inter.der`), progress.map((p) => p.label).join(' | '));
  assert.ok(progress.at(-1)!.done);
  assert.equal(report.fixes.length, 3);
});

test('saveFixed: the fixed chain written into the chosen folder (openssl verifies it), EXISTS without overwrite, NOT_FOUND for an unknown report', async () => {
  const { wb, folder, open } = await setup();
  const report = await wb.handlers['chain.check']({ documentIds: [await open('shop.pem', leaf.pem)], trustDocumentIds: [await open('root.pem', root.pem)] });
  const saved = await wb.handlers['chain.saveFixed']({ reportId: report.reportId, destination: { folder, fileName: 'shop-fullchain.pem' } });
  const path = join(folder, 'shop-fullchain.pem');
  assert.deepEqual(saved.written, [{ path, format: 'fullchain', objects: 2, secret: false, encrypted: false }]);
  assert.equal(readFileSync(path, 'utf8'), report.fixedChainPem);
  assert.match(openssl(['verify', '-CAfile', root.certPath, '-untrusted', path, leaf.certPath]), /: OK/);
  // Checked again (no downloads), the saved chain is valid.
  const again = await wb.handlers['chain.check']({ documentIds: [await open('fixed.pem', readFileSync(path, 'utf8'))], trustDocumentIds: [await open('root.pem', root.pem)], fetchMissing: false });
  assert.equal(again.valid, true, JSON.stringify(again.problems));
  await rejectsWith(wb.handlers['chain.saveFixed']({ reportId: report.reportId, destination: { folder, fileName: 'shop-fullchain.pem' } }), 'EXISTS');
  await wb.handlers['chain.saveFixed']({ reportId: report.reportId, destination: { folder, fileName: 'shop-fullchain.pem', overwrite: true } });
  await rejectsWith(wb.handlers['chain.saveFixed']({ reportId: 'chain999', destination: { folder, fileName: 'x.pem' } }), 'NOT_FOUND');
  await rejectsWith(wb.handlers['chain.saveFixed']({ reportId: report.reportId, destination: { folder: tmpdir(), fileName: 'x.pem' } }), 'INVALID_ARGUMENT');
});

test('check: documents and objects in the order asked (wrong order reported); only 20 reports are kept', async () => {
  const { wb, folder, open } = await setup();
  const leafDoc = await open('shop.pem', leaf.pem);
  const interDoc = await open('inter.pem', inter.pem);
  const rootDoc = await open('root.pem', root.pem);
  const wrong = await wb.handlers['chain.check']({ objectIds: [`${interDoc}/0`, `${leafDoc}/0`], trustDocumentIds: [rootDoc] });
  assert.deepEqual(wrong.served.map((s) => s.subject), [inter.pem, leaf.pem].map((p) => openssl(['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], p).trim().replace(/^subject=/, '')));
  assert.deepEqual(wrong.problems.map((p) => p.code), ['WRONG_ORDER']);
  const right = await wb.handlers['chain.check']({ documentIds: [leafDoc, interDoc], trustDocumentIds: [rootDoc] });
  assert.equal(right.valid, true);
  assert.equal(right.verdict.message, 'Valid chain to Handler Root');
  for (let i = 0; i < 20; i++) await wb.handlers['chain.check']({ documentIds: [leafDoc, interDoc], trustDocumentIds: [rootDoc] });
  await rejectsWith(wb.handlers['chain.saveFixed']({ reportId: wrong.reportId, destination: { folder, fileName: 'old.pem' } }), 'NOT_FOUND');
});

test('check: nothing to check is INVALID_ARGUMENT; a bad time too; the dispatcher refuses a bad port before any work', async () => {
  const { wb, open } = await setup();
  const keyOnly = await open('key.pem', readFileSync(leaf.keyPath, 'utf8'));
  const e = await rejectsWith(wb.handlers['chain.check']({ documentIds: [keyOnly] }), 'INVALID_ARGUMENT');
  assert.match(e.message, /no certificate to check/);
  await rejectsWith(wb.handlers['chain.check']({ documentIds: [await open('shop.pem', leaf.pem)], at: 'yesterday' }), 'INVALID_ARGUMENT');
  const dispatcher = createDispatcher(wb.handlers);
  const refused = await dispatcher.dispatch('chain.check', { endpoint: { host: 'localhost', port: 0 } });
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.error.code, 'INVALID_ARGUMENT');
  const ok = await dispatcher.dispatch('chain.check', { documentIds: [keyOnly] });
  assert.equal(!ok.ok && ok.error.code, 'INVALID_ARGUMENT');
});

test('check: operations.cancel stops a download that hangs: CANCELLED', async () => {
  const { wb, open } = await setup();
  const slowCa = root.issueCa('Handler Slow', { publish: { caIssuers: `${http.url}/slow` } });
  const orphan = slowCa.issueLeaf('slow', { san: ['DNS:slow.example.test'] });
  wb.events.on((event, payload) => {
    const p = payload as ProgressEvent;
    if (event === 'progress' && /Downloading the issuer/.test(p.label)) void wb.handlers['operations.cancel']({ operationId: p.operationId });
  });
  const t = Date.now();
  await rejectsWith(wb.handlers['chain.check']({ documentIds: [await open('slow.pem', orphan.pem)] }), 'CANCELLED');
  assert.ok(Date.now() - t < 5000, 'stopped at once, not at the download timeout');
});

test('verdicts: offline, per document with certificates; a Let\'s Encrypt intermediate chains to Node\'s ISRG Root X1; cached', async () => {
  // At a time inside R3's validity (September 2020 to September 2025).
  const wb = createWorkbench({ now: () => new Date('2024-06-01T00:00:00Z') });
  const r3 = (await wb.handlers['documents.openText']({ name: 'r3.pem', text: readFileSync(fixture('corpus', 'letsencrypt', 'lets-encrypt-r3.pem'), 'utf8') })).documents[0].id;
  const { verdicts } = await wb.handlers['chain.verdicts']({ documentIds: [r3] });
  assert.deepEqual(verdicts, [{ documentId: r3, valid: true, severity: 'success', message: 'Valid chain to ISRG Root X1', code: null }]);
  const certifi = (await wb.handlers['documents.openText']({ name: 'cacert.pem', text: readFileSync(fixture('corpus', 'certifi', 'cacert.pem'), 'utf8') })).documents[1];
  const roots = certifi.objects.filter((o) => o.kind === 'certificate').length;
  const bundle = await wb.handlers['chain.verdicts']({ documentIds: [certifi.id] });
  assert.deepEqual(bundle.verdicts, [{ documentId: certifi.id, valid: false, severity: 'info', message: `${roots} root certificates: a CA bundle or trust store, no chain to check`, code: null }]);
});

test('verdicts: the test PKI, a root alone, a key alone; no download; the second call is cached', async () => {
  const { wb, open } = await setup();
  const own = await open('own.pem', leaf.pem + inter.pem + root.pem);
  const rootOnly = await open('root.pem', root.pem);
  const keyOnly = await open('key.pem', readFileSync(leaf.keyPath, 'utf8'));
  const leafOnly = await open('shop.pem', leaf.pem);
  const before = http.requests.length;
  const { verdicts } = await wb.handlers['chain.verdicts']({ documentIds: [own, rootOnly, keyOnly, leafOnly] });
  assert.equal(http.requests.length, before, 'no download, though the leaf names its issuer\'s AIA address');
  assert.deepEqual(verdicts.map((v) => v.documentId), [own, rootOnly, leafOnly]);
  assert.deepEqual([verdicts[0].valid, verdicts[0].severity, verdicts[0].code], [false, 'error', 'UNTRUSTED_ROOT']);
  assert.equal(verdicts[0].message, 'The chain ends at Handler Root, which is not trusted');
  assert.deepEqual([verdicts[1].valid, verdicts[1].severity], [false, 'info'], 'a root on its own is a note, not an error');
  assert.deepEqual([verdicts[2].severity, verdicts[2].code, verdicts[2].message], ['error', 'MISSING_INTERMEDIATE', 'The issuer of shop.example.test (Handler Inter) is missing']);
  const t = performance.now();
  const again = await wb.handlers['chain.verdicts']({ documentIds: [own, rootOnly, keyOnly, leafOnly] });
  assert.deepEqual(again.verdicts, verdicts);
  assert.ok(performance.now() - t < 50, 'cached');
});

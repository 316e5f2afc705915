/** The workbench as the renderer uses it: open, match across files, bad input as typed document errors. */
import assert from 'node:assert/strict';
import { mkdtempSync, truncateSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, fixtureJson, ROOT } from '../../test/helpers/fixtures';
import type { ProgressEvent } from '../api/contract';
import type { CertificateDto, PrivateKeyDto } from '../api/dto';
import { createWorkbench, type Workbench } from '.';

/** Opens files as the user would: chosen first (dialog, drop or command line), then opened. */
const openChosen = (wb: Workbench, paths: string[]) => (wb.grants.grant(paths), wb.handlers['documents.openPaths']({ paths }));
import { MAX_INPUT_BYTES } from './file-port';

const manifest = fixtureJson('x509', 'manifest.json');

test('a key and its certificate in two files are matched both ways', async () => {
  const wb = createWorkbench();
  const state = await openChosen(wb, [fixture('x509', 'leaf.key'), fixture('x509', 'chain.pem')]);
  const keyRow = state.documents[0].objects[0];
  const certs = state.documents[1].objects;
  assert.equal(keyRow.kind, 'privateKey');
  assert.equal(keyRow.spkiSha256, manifest['leaf.key'].spkiSha256);
  assert.equal(state.matchGroups.length, 1);
  assert.deepEqual(state.matchGroups[0].members, [keyRow.id, certs[0].id]);
  assert.equal(keyRow.matchGroup, state.matchGroups[0].id);
  assert.equal(certs[0].matchGroup, state.matchGroups[0].id);
  assert.equal(certs[0].hasPrivateKey, true);
  assert.equal(certs[1].hasPrivateKey, false);
  assert.equal(certs[1].matchGroup, null);
  const key = (await wb.handlers['objects.details']({ objectId: keyRow.id })) as PrivateKeyDto;
  assert.deepEqual(key.matches, [manifest['leaf.pem'].sha256]);
  assert.equal(key.matchCount, 1);
  assert.match(key.handle, /^key_[0-9a-f]{24}$/);
  assert.equal(wb.session.vault.size, 1);
});

test('nothing private leaves the workbench: no key bytes in the state sent to the renderer', async () => {
  const wb = createWorkbench();
  const state = await openChosen(wb, [fixture('x509', 'leaf-with-key.pem')]);
  const json = JSON.stringify(state);
  const keyPem = readFileSync(fixture('x509', 'leaf.key'), 'utf8');
  const keyBody = keyPem.split('\n').slice(1, 4).join('');
  assert.ok(!json.includes('PRIVATE KEY-----'));
  assert.ok(!json.includes(keyBody.slice(0, 40)), 'private key base64 found in state');
  assert.equal(state.documents[0].objects.filter((o) => o.kind === 'privateKey').length, 1);
});

test('closing a document forgets its keys and updates matches', async () => {
  const wb = createWorkbench();
  let state = await openChosen(wb, [fixture('x509', 'leaf.key'), fixture('x509', 'leaf.pem')]);
  assert.equal(wb.session.vault.size, 1);
  state = await wb.handlers['documents.close']({ documentId: state.documents[0].id });
  assert.equal(wb.session.vault.size, 0);
  assert.equal(state.documents[0].objects[0].hasPrivateKey, false);
  assert.deepEqual(state.matchGroups, []);
});

test('bad input becomes a document error with a code, a message and a hint', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-'));
  const cases: Array<[string, Uint8Array | null, string]> = [
    ['empty.pem', new Uint8Array(0), 'EMPTY'],
    ['random.bin', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), 'UNRECOGNIZED_FORMAT'],
    ['notes.txt', new TextEncoder().encode('Dear support, please find the certificate attached.\n'), 'UNRECOGNIZED_FORMAT'],
    ['truncated.pem', new TextEncoder().encode(readFileSync(fixture('x509', 'leaf.pem'), 'utf8').slice(0, 600)), 'CORRUPT'],
    ['truncated.der', new Uint8Array(readFileSync(fixture('x509', 'leaf.der'))).subarray(0, 500), 'CORRUPT'],
    ['huge.pem', null, 'TOO_LARGE'],
  ];
  const paths = cases.map(([name, bytes]) => {
    const p = join(dir, name);
    if (bytes) writeFileSync(p, bytes);
    else {
      writeFileSync(p, '');
      truncateSync(p, MAX_INPUT_BYTES + 1024 * 1024);
    }
    return p;
  });
  paths.push(join(dir, 'missing.pem'));
  cases.push(['missing.pem', null, 'NOT_FOUND']);
  const state = await openChosen(createWorkbench(), paths);
  cases.forEach(([name, , code], i) => {
    const doc = state.documents[i];
    assert.equal(doc.status, 'error', name);
    assert.equal(doc.error?.code, code, `${name}: ${doc.error?.message}`);
    assert.ok((doc.error?.message.length ?? 0) > 10 && (doc.error?.hint.length ?? 0) > 10, name);
    assert.doesNotMatch(doc.error?.message ?? '', /\bat \S+:\d+:\d+/, 'stack trace in message');
  });
});

test('an unrecognised file says what it looked like', async () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
  const state = await createWorkbench().handlers['documents.openData']({ name: 'certs.zip', dataBase64: Buffer.from(zip).toString('base64') });
  assert.match(state.documents[0].error?.message ?? '', /ZIP archive/);
});

test('pasted PEM text opens like a file', async () => {
  const text = readFileSync(fixture('x509', 'chain-with-text.pem'), 'utf8');
  const state = await createWorkbench().handlers['documents.openText']({ name: 'Pasted text', text });
  assert.equal(state.documents[0].status, 'ready');
  assert.equal(state.documents[0].objects.length, 2);
});

test('a keystore listed without its password keeps its listing, refuses a wrong password, then unlocks', async () => {
  const wb = createWorkbench();
  let state = await openChosen(wb, [fixture('keystores', 'server.jks')]);
  let doc = state.documents[0];
  assert.equal(doc.status, 'ready');
  assert.equal(doc.integrity, 'not-checked');
  assert.equal(doc.lock?.reason, 'PASSWORD_REQUIRED');
  const certCount = doc.objects.filter((o) => o.kind === 'certificate').length;
  assert.ok(certCount >= 2);

  state = await wb.handlers['documents.unlock']({ documentId: doc.id, password: 'not-it' });
  doc = state.documents[0];
  assert.equal(doc.status, 'ready');
  assert.equal(doc.lock?.reason, 'WRONG_PASSWORD');
  assert.equal(doc.lock?.attempts, 1);
  assert.equal(doc.objects.filter((o) => o.kind === 'certificate').length, certCount);

  state = await wb.handlers['documents.unlock']({ documentId: doc.id, password: 'changeit-store' });
  doc = state.documents[0];
  assert.equal(doc.lock, null);
  assert.equal(doc.integrity, 'verified');
  const keyRow = doc.objects.find((o) => o.kind === 'privateKey');
  const key = (await wb.handlers['objects.details']({ objectId: keyRow!.id })) as PrivateKeyDto;
  assert.equal(key.matches.length, 1);
  assert.equal(wb.session.vault.size, 1);
});

test('a public key file is reported as format spki and matched to the key it belongs to', async () => {
  const state = await openChosen(createWorkbench(), [fixture('keys', 'ec-p-256.pub.pem'), fixture('keys', 'ec-p-256.pkcs8.pem')]);
  assert.equal(state.documents[0].format, 'spki');
  assert.equal(state.documents[1].format, 'pkcs8');
  assert.deepEqual(state.matchGroups.map((g) => g.members), [[state.documents[0].objects[0].id, state.documents[1].objects[0].id]]);
});

test('a slow unlock can be stopped: the document stays locked, the attempt is not counted', async () => {
  const wb = createWorkbench();
  const slow = join(ROOT, 'e2e', 'fixtures', 'slow.pfx');
  let state = await openChosen(wb, [slow]);
  const doc = state.documents[0];
  assert.equal(doc.status, 'locked');
  const seen: string[] = [];
  wb.events.on((event, payload) => {
    if (event !== 'progress') return;
    const p = payload as ProgressEvent;
    if (!p.done && !seen.includes(p.operationId)) {
      seen.push(p.operationId);
      void wb.handlers['operations.cancel']({ operationId: p.operationId }).then((r) => assert.equal(r.cancelled, true));
    }
  });
  const started = Date.now();
  state = await wb.handlers['documents.unlock']({ documentId: doc.id, password: 'slow' });
  assert.ok(Date.now() - started < 1500, `stopping took ${Date.now() - started} ms`);
  assert.equal(seen.length, 1);
  assert.equal(state.documents[0].status, 'locked');
  assert.equal(state.documents[0].lock?.attempts, 0);
  assert.equal(wb.session.vault.size, 0);
  assert.deepEqual(await wb.handlers['operations.cancel']({ operationId: seen[0] }), { cancelled: false });
});

test('details: the full certificate on demand, with its group; an unknown id is NOT_FOUND', async () => {
  const wb = createWorkbench();
  const state = await openChosen(wb, [fixture('x509', 'leaf.key'), fixture('x509', 'leaf.pem')]);
  const row = state.documents[1].objects[0];
  const cert = (await wb.handlers['objects.details']({ objectId: row.id })) as CertificateDto;
  assert.equal(cert.sha256, manifest['leaf.pem'].sha256);
  assert.equal(cert.matchGroup, row.matchGroup);
  assert.equal(cert.hasPrivateKey, true);
  assert.match(cert.pem, /^-----BEGIN CERTIFICATE-----/);
  assert.ok(cert.extensions.length > 0);
  await assert.rejects(wb.handlers['objects.details']({ objectId: `${state.documents[1].id}/7` }), (e: Error & { code?: string }) => e.code === 'NOT_FOUND');
  await assert.rejects(wb.handlers['objects.details']({ objectId: 'doc99/0' }), (e: Error & { code?: string }) => e.code === 'NOT_FOUND');
});

/** The Inspector's next steps over real files: the chain by name follows what OpenSSL says each certificate's issuer is. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import type { ObjectSummaryDto, WorkbenchState } from '../../../main/api/dto';
import { createWorkbench } from '../../../main/workbench';
import { fixture } from '../../../test/helpers/fixtures';
import { certificatesBySubject, chainByName, documentNextSteps, objectNextSteps, type NextStepContext } from './nextSteps';

async function open(names: string[]): Promise<WorkbenchState> {
  const wb = createWorkbench();
  const paths = names.map((n) => fixture('x509', n));
  wb.grants.grant(paths);
  return wb.handlers['documents.openPaths']({ paths });
}

function contextOf(state: WorkbenchState): NextStepContext {
  const rows = state.documents.flatMap((d) => d.objects);
  return { byId: new Map(rows.map((r) => [r.id, r])), groups: new Map(state.matchGroups.map((g) => [g.id, g])), bySubject: certificatesBySubject(rows) };
}

const openssl = (file: string, what: '-subject' | '-issuer') => execFileSync('openssl', ['x509', '-in', fixture('x509', file), '-noout', what, '-nameopt', 'RFC2253'], { encoding: 'utf8' }).trim().replace(/^(subject|issuer)=/, '');
const certNamed = (rows: ObjectSummaryDto[], cn: string) => rows.find((r) => r.kind === 'certificate' && r.label === cn)!;

test('a certificate: its chain by name is leaf → intermediate → root, as OpenSSL names each issuer', async () => {
  // Opened in a scrambled order, across files: the order comes from the names, not from the input.
  const state = await open(['root.pem', 'leaf.pem', 'inter.pem', 'leaf.key']);
  const ctx = contextOf(state);
  const rows = [...ctx.byId.values()];
  const leaf = certNamed(rows, 'www.example.test');
  const chain = chainByName(leaf, ctx.bySubject).map((id) => ctx.byId.get(id)!);
  assert.equal(chain.length, 3);
  // Each next certificate is the one whose subject OpenSSL prints as the previous one's issuer.
  assert.equal(chain[1]!.subject, openssl('leaf.pem', '-issuer'));
  assert.equal(chain[2]!.subject, openssl('inter.pem', '-issuer'));
  assert.equal(chain[2]!.subject, openssl('root.pem', '-subject'));
  assert.deepEqual(chain.map((c) => c.label), ['www.example.test', 'Certbench Test Intermediate EC', 'Certbench Test Root']);
  assert.equal(chain.at(-1)!.selfSigned, true);

  const steps = objectNextSteps(leaf, ctx);
  assert.deepEqual(steps.map((s) => s.label), ['Save certificate…', 'Save chain / fullchain…', 'Export as PFX…', 'Add to a keystore…', 'Check chain…']);
  const byId = new Map(steps.map((s) => [s.id, s.intent]));
  assert.deepEqual(byId.get('save-certificate'), { page: 'convert', source: { objectIds: [leaf.id] }, target: 'der' });
  assert.deepEqual(byId.get('save-chain'), { page: 'convert', source: { objectIds: chain.map((c) => c.id) }, target: 'fullchain' });
  // The leaf's key is open (leaf.key): the PFX takes it with the chain.
  const key = rows.find((r) => r.kind === 'privateKey')!;
  assert.equal(leaf.hasPrivateKey, true);
  assert.deepEqual(byId.get('export-pfx'), { page: 'convert', source: { objectIds: [...chain.map((c) => c.id), key.id] }, target: 'pfx', options: { profile: 'modern' } });
  assert.deepEqual(byId.get('add-to-keystore'), { page: 'keystores', trustedObjectIds: [leaf.id] });
  // The Chain doctor gets the leaf with its open issuers, leaf first.
  assert.deepEqual(byId.get('check-chain'), { page: 'chain', objectIds: chain.map((c) => c.id) });
});

test('a private key: export encrypted by default, or make a CSR for it; with its certificate open, a PFX and a keystore entry with the chain', async () => {
  const state = await open(['leaf.key', 'chain.pem']);
  const ctx = contextOf(state);
  const rows = [...ctx.byId.values()];
  const key = rows.find((r) => r.kind === 'privateKey')!;
  const leaf = certNamed(rows, 'www.example.test');
  const steps = objectNextSteps(key, ctx);
  assert.deepEqual(steps.map((s) => s.id), ['export-key', 'export-pfx', 'add-to-keystore', 'make-csr']);
  assert.deepEqual(steps[0]!.intent, { page: 'convert', source: { objectIds: [key.id] }, target: 'pkcs8', options: { noKeyEncryption: false } });
  assert.deepEqual(steps[3]!.intent, { page: 'csr', keyObjectId: key.id });
  const pfx = steps[1]!.intent;
  assert.ok(pfx.page === 'convert');
  assert.equal(pfx.source.objectIds![0], key.id);
  assert.equal(pfx.source.objectIds![1], leaf.id);
  assert.equal(pfx.source.objectIds!.length, 4);
  assert.deepEqual(steps[2]!.intent, { page: 'keystores', keyObjectId: key.id });

  // Alone, the key can be exported, or a CSR made for it.
  const alone = contextOf(await open(['leaf.key']));
  assert.deepEqual(objectNextSteps([...alone.byId.values()][0]!, alone).map((s) => s.id), ['export-key', 'make-csr']);
});

test('a file: Convert… always, Open as keystore… when it holds keys or certificates (or is locked), Check chain… when it holds certificates; nothing for a CSR row', async () => {
  const state = await open(['chain.pem', 'host.csr']);
  const [chain, csr] = state.documents;
  assert.deepEqual(documentNextSteps(chain!).map((s) => s.intent), [
    { page: 'convert', source: { documentIds: [chain!.id] } },
    { page: 'keystores', documentId: chain!.id },
    { page: 'chain', documentIds: [chain!.id] },
  ]);
  assert.deepEqual(documentNextSteps(csr!).map((s) => s.id), ['convert']);
  assert.deepEqual(objectNextSteps(csr!.objects[0]!, contextOf(state)), []);
  assert.deepEqual(documentNextSteps({ ...csr!, status: 'error' }), []);
});

test('a loop of names (two CAs naming each other) stops instead of running on', () => {
  const row = (id: string, subject: string, issuer: string) => ({ id, documentId: 'd', kind: 'certificate', subject, issuer, selfSigned: false, duplicateOf: null }) as ObjectSummaryDto;
  const a = row('d/0', 'CN=A', 'CN=B');
  const b = row('d/1', 'CN=B', 'CN=A');
  assert.deepEqual(chainByName(a, certificatesBySubject([a, b])), ['d/0', 'd/1']);
});

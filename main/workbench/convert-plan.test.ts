/** What the Convert page previews: the key's certificate, names, and no noise when there is nothing to say. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, ROOT } from '../../test/helpers/fixtures';
import { createWorkbench } from '.';

async function preview(paths: string[], target: Parameters<ReturnType<typeof createWorkbench>['handlers']['convert.preview']>[0]['target'], password?: string) {
  const wb = createWorkbench();
  wb.grants.grant(paths);
  const state = await wb.handlers['documents.openPaths']({ paths, password });
  return wb.handlers['convert.preview']({ source: { documentIds: state.documents.map((d) => d.id) }, target });
}

test('a key alone: named after its file, no chain warnings, nothing claimed about a certificate', async () => {
  const p = await preview([fixture('x509', 'leaf.key')], 'pkcs8');
  assert.equal(p.blocked, null);
  assert.deepEqual(p.chain, []);
  assert.deepEqual(p.warnings, []);
  assert.equal(p.found.certificates, 0);
  assert.deepEqual(p.files.map((f) => [f.name, f.secret]), [['leaf.key', true]]);
});

test('a PFX to a key file: the certificates are left out, and the key is still said to belong to its leaf', async () => {
  const p = await preview([join(ROOT, 'e2e', 'fixtures', 'server.pfx')], 'pkcs8', 'correct horse');
  assert.deepEqual(p.chain, []);
  assert.equal(p.key?.matchesLeaf, true);
  assert.deepEqual(p.leftOut.map((l) => l.reason), ['A key file holds only the key.', 'A key file holds only the key.']);
  assert.deepEqual(p.files.map((f) => f.name), ['shop.example.test.key']);
});

test('certificates with nothing else to say: no warnings; a DER target leaves the issuers out with the reason', async () => {
  const p = await preview([fixture('x509', 'chain.pem')], 'der');
  assert.deepEqual(p.warnings, []);
  assert.equal(p.chain.length, 1);
  assert.equal(p.chain[0].role, 'leaf');
  assert.ok(p.leftOut.every((l) => /A DER file holds one certificate/.test(l.reason)));
});

test('a keystore of many key pairs is described in a line: the count, the first three named, and how many more', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-plan-'));
  const paths: string[] = [];
  for (let i = 0; i < 5; i++) {
    const key = join(dir, `k${i}.key`);
    const cert = join(dir, `k${i}.pem`);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', `/CN=pair-${i}.test`, '-days', '30'], { stdio: 'ignore' });
    paths.push(key, cert);
  }
  const many = await preview(paths, 'jks');
  assert.equal(many.files[0].describe, "JKS, password-protected: 5 key pairs ('pair-0.test' with 1 certificate, 'pair-1.test' with 1 certificate, 'pair-2.test' with 1 certificate and 2 more)");
  const three = await preview(paths.slice(0, 6), 'jks');
  assert.equal(three.files[0].describe, "JKS, password-protected: key pair 'pair-0.test' with 1 certificate, key pair 'pair-1.test' with 1 certificate, key pair 'pair-2.test' with 1 certificate");
});

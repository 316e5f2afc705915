/** The per-file chain verdict, on files made by OpenSSL (test/fixtures/x509) and Mozilla's roots. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, ROOT } from '../../test/helpers/fixtures';
import { createWorkbench } from '../workbench';

const pem = (name: string) => readFileSync(fixture('x509', name), 'utf8');

async function hintFor(text: string) {
  const state = await createWorkbench().handlers['documents.openText']({ name: 'x.pem', text });
  return state.documents[0].chain;
}

test('a complete chain in order is green and says its shape', async () => {
  assert.deepEqual(await hintFor(pem('chain.pem')), { severity: 'success', message: 'Leaf → 1 intermediate → root, all in this file.' });
});

test('a fullchain without the root is fine; without its intermediate it is a warning naming the issuer', async () => {
  assert.deepEqual(await hintFor(pem('leaf.pem') + pem('inter.pem')), { severity: 'success', message: 'Leaf → 1 intermediate; the root (CN=Certbench Test Root) is not in this file, as servers send it.' });
  const missing = await hintFor(pem('leaf.pem') + pem('root.pem'));
  assert.equal(missing?.severity, 'warning');
  assert.match(missing!.message, /^The issuer of www\.example\.test \(CN=Certbench Test Intermediate EC\) is not in this file/);
});

test('out of order, a lone leaf, a lone root, and a CA bundle', async () => {
  const reversed = await hintFor(pem('root.pem') + pem('inter.pem') + pem('leaf.pem'));
  assert.equal(reversed?.severity, 'warning');
  assert.match(reversed!.message, /not in order/);
  assert.equal((await hintFor(pem('leaf.pem')))?.severity, 'info');
  assert.match((await hintFor(pem('leaf.pem')))!.message, /^Only this certificate: its issuer \(CN=Certbench Test Intermediate EC\)/);
  assert.deepEqual(await hintFor(pem('root.pem')), { severity: 'info', message: 'A root certificate on its own.' });
  const roots = readFileSync(join(ROOT, 'test/fixtures/corpus/certifi/cacert.pem'), 'utf8');
  assert.match((await hintFor(roots))!.message, /^\d+ root certificates: a CA bundle or trust store\.$/);
});

test('a bundle of leaves whose issuers are missing names the issuer once, with counts', async () => {
  const hint = await hintFor(pem('leaf.pem') + pem('client-ed25519.pem') + pem('root.pem'));
  assert.equal(hint?.severity, 'warning');
  assert.equal(hint?.message, 'The issuer (CN=Certbench Test Intermediate EC) of 2 of 2 leaf certificates is not in this file.');
});

test('no certificates, no verdict', async () => {
  assert.equal(await hintFor(pem('leaf.key')), null);
});

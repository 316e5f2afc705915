/**
 * The shapes users really open: renewals sharing one key, the same intermediate in every fullchain, thousands
 * of copies of one key. Matching must stay one group per public key, copies must say what they copy, and the
 * work must grow linearly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, fixtureJson } from '../../test/helpers/fixtures';
import type { PrivateKeyDto } from '../api/dto';
import { createWorkbench } from '.';

const manifest = fixtureJson('x509', 'manifest.json');
const pem = (name: string) => readFileSync(fixture('x509', name), 'utf8');

test('renewals sharing one key: one group, distinct certificates counted once, copies point at the first', async () => {
  const wb = createWorkbench();
  // leaf.pem and short-lived.pem are two certificates for the same key, as renewals are.
  const renewals = (pem('leaf.pem') + pem('short-lived.pem')).repeat(2500);
  const started = performance.now();
  const state = await wb.handlers['documents.openText']({ name: 'renewals.pem', text: renewals + pem('leaf.key') });
  const ms = performance.now() - started;
  const rows = state.documents[0].objects;
  assert.equal(rows.length, 5001);
  assert.equal(state.matchGroups.length, 1);
  const group = state.matchGroups[0];
  assert.equal(group.members.length, 5001);
  assert.deepEqual([group.certificates, group.privateKeys, group.csrs, group.publicKeys], [2, 1, 0, 0]);
  assert.equal(rows[0].duplicateOf, null);
  assert.equal(rows[1].duplicateOf, null);
  assert.equal(rows[2].duplicateOf, rows[0].id);
  assert.equal(rows[4999].duplicateOf, rows[1].id);
  assert.ok(rows.slice(0, 5000).every((r) => r.hasPrivateKey && r.matchGroup === group.id));
  const key = (await wb.handlers['objects.details']({ objectId: rows[5000].id })) as PrivateKeyDto;
  assert.deepEqual(new Set(key.matches), new Set([manifest['leaf.pem'].sha256, manifest['short-lived.pem'].sha256]));
  assert.equal(key.matchCount, 2);
  assert.ok(ms < 5000, `5,001 objects over one key took ${ms.toFixed(0)} ms`);
});

test('the same certificate in two files is a copy of the first, across files', async () => {
  const wb = createWorkbench();
  const paths = [fixture('x509', 'chain.pem'), fixture('x509', 'leaf.pem')];
  wb.grants.grant(paths);
  const state = await wb.handlers['documents.openPaths']({ paths });
  const [chain, leaf] = state.documents;
  assert.equal(leaf.objects[0].duplicateOf, chain.objects[0].id);
  assert.equal(chain.objects[0].duplicateOf, null);
  // Copies share a key, but a group needs something else to match: two copies alone are one certificate.
  assert.equal(state.matchGroups[0].certificates, 1);
});

test('20,000 copies of one key: decoded once, one vault handle, and the event loop keeps turning', async () => {
  const wb = createWorkbench();
  const text = pem('leaf.key').repeat(20000);
  let last = performance.now();
  let maxStall = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    maxStall = Math.max(maxStall, t - last);
    last = t;
  }, 5);
  const started = performance.now();
  const state = await wb.handlers['documents.openText']({ name: 'keys.pem', text });
  const ms = performance.now() - started;
  clearInterval(timer);
  assert.equal(state.documents[0].objects.length, 20000);
  assert.equal(wb.session.vault.size, 1);
  assert.equal(state.matchGroups[0].privateKeys, 20000);
  assert.ok(ms < 6000, `20,000 keys took ${ms.toFixed(0)} ms`);
  assert.ok(maxStall < 1000, `the event loop stalled for ${maxStall.toFixed(0)} ms`);
});

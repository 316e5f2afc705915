/**
 * Link chips over the real engine's rows and match groups: identical certificates are "also in FILE,
 * position N" (never "another file" for the same file), and key ↔ certificate chips name the file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { WorkbenchState } from '../../../main/api/dto';
import { createWorkbench, type Workbench } from '../../../main/workbench';
import { fixture } from '../../../test/helpers/fixtures';
import { copiesOf, linksOf, type LinkContext } from './links';

/** Opens paths as the user's file dialog would: granted first. */
const openChosen = (wb: Workbench, paths: string[]) => (wb.grants.grant(paths), wb.handlers['documents.openPaths']({ paths }));

async function open(files: string[]): Promise<{ state: WorkbenchState; ctx: LinkContext }> {
  const wb = createWorkbench();
  const state = await openChosen(wb, files.map((f) => (f.startsWith('/') ? f : fixture('x509', f))));
  const rows = state.documents.flatMap((d) => d.objects);
  const ctx: LinkContext = {
    byId: new Map(rows.map((r) => [r.id, r])),
    groups: new Map(state.matchGroups.map((g) => [g.id, g])),
    fileNames: new Map(state.documents.map((d) => [d.id, d.name])),
    copies: copiesOf(rows),
  };
  return { state, ctx };
}

const labels = (ctx: LinkContext, id: string) => linksOf(ctx.byId.get(id)!, ctx).map((l) => l.label);

test('a certificate repeated in the same file is "also in this file", with its position', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-links-'));
  const twice = join(dir, 'twice.pem');
  writeFileSync(twice, readFileSync(fixture('x509', 'leaf.pem'), 'utf8') + readFileSync(fixture('x509', 'inter.pem'), 'utf8') + readFileSync(fixture('x509', 'leaf.pem'), 'utf8'));
  const { state, ctx } = await open([twice]);
  const [first, , again] = state.documents[0]!.objects;
  assert.equal(again!.duplicateOf, first!.id);
  assert.deepEqual(labels(ctx, again!.id), ['Also in this file, position 1']);
  assert.deepEqual(labels(ctx, first!.id), ['Also in this file, position 3']);
});

test('the same certificate in two files names the other file', async () => {
  const { state, ctx } = await open(['leaf.pem', 'leaf.pem']);
  const [a, b] = state.documents.map((d) => d.objects[0]!);
  assert.equal(b!.duplicateOf, a!.id);
  assert.deepEqual(labels(ctx, b!.id), ['Also in leaf.pem, position 1']);
  assert.deepEqual(labels(ctx, a!.id), ['Also in leaf.pem, position 1']);
});

test('key and certificate chips name the other file; copies of one certificate are one chip', async () => {
  const { state, ctx } = await open(['leaf.key', 'chain.pem', 'leaf.pem']);
  const [keyDoc, chainDoc, leafDoc] = state.documents;
  const key = keyDoc!.objects[0]!;
  const leaf = chainDoc!.objects[0]!;
  // The key matches one distinct certificate (open twice): one chip, naming chain.pem where it is first.
  assert.deepEqual(labels(ctx, key.id), [`Matches certificate ${leaf.label} (chain.pem)`]);
  assert.deepEqual(labels(ctx, leaf.id), ['Also in leaf.pem, position 1', 'Key present (leaf.key)']);
  assert.deepEqual(labels(ctx, leafDoc!.objects[0]!.id), ['Also in chain.pem, position 1', 'Key present (leaf.key)']);
  // The root shares no key and is not repeated: no chips.
  assert.deepEqual(labels(ctx, chainDoc!.objects[2]!.id), []);
});

test('a key shared by several certificates gets one chip that counts them; the certificates say "same key"', async () => {
  const { state, ctx } = await open(['leaf.key', 'leaf.pem', 'short-lived.pem']);
  const [keyDoc, leafDoc, shortDoc] = state.documents;
  const leaf = leafDoc!.objects[0]!;
  const short = shortDoc!.objects[0]!;
  assert.deepEqual(labels(ctx, keyDoc!.objects[0]!.id), [`Matches certificate ${leaf.label} (leaf.pem) and 1 more`]);
  assert.deepEqual(labels(ctx, leaf.id), ['Key present (leaf.key)', `Same key as certificate ${short.label} (short-lived.pem)`]);
});

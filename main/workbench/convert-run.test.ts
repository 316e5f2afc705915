/** convert.run as the Convert page calls it: progress it can stop, nothing written when stopped or refused. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../test/helpers/fixtures';
import { rejectsWith } from '../../test/helpers/pki-errors';
import type { ProgressEvent } from '../api/contract';
import { createWorkbench } from '.';

const PFX = join(ROOT, 'e2e', 'fixtures', 'server.pfx');

async function opened() {
  const wb = createWorkbench();
  wb.grants.grant([PFX]);
  const state = await wb.handlers['documents.openPaths']({ paths: [PFX], password: 'correct horse' });
  const folder = mkdtempSync(join(tmpdir(), 'convert-run-'));
  wb.folders.grant(folder);
  return { wb, folder, source: { documentIds: [state.documents[0].id] } };
}

test('a JCEKS write (200,000 rounds per key) reports progress and stops when cancelled: CANCELLED, nothing written', async () => {
  const { wb, folder, source } = await opened();
  const events: ProgressEvent[] = [];
  wb.events.on((event, payload) => {
    if (event !== 'progress') return;
    const p = payload as ProgressEvent;
    events.push(p);
    if (!p.done && events.length === 1) void wb.handlers['operations.cancel']({ operationId: p.operationId });
  });
  await rejectsWith(wb.handlers['convert.run']({ source, target: 'jceks', destination: { folder }, password: 'changeit' }), 'CANCELLED');
  assert.match(events[0].label, /^Writing shop\.example\.test\.jceks/);
  assert.equal(events.at(-1)?.done, true);
  assert.deepEqual(readdirSync(folder), []);
});

test('a folder nobody chose is refused before anything is written', async () => {
  const { wb, source } = await opened();
  const elsewhere = mkdtempSync(join(tmpdir(), 'not-chosen-'));
  await rejectsWith(wb.handlers['convert.run']({ source, target: 'fullchain', destination: { folder: elsewhere } }), 'INVALID_ARGUMENT');
  assert.deepEqual(readdirSync(elsewhere), []);
});

test('written files are granted for reading, so "Open in Inspect to verify" opens them', async () => {
  const { wb, folder, source } = await opened();
  const { written } = await wb.handlers['convert.run']({ source, target: 'pfx', destination: { folder }, password: 'pfx-pass' });
  const state = await wb.handlers['documents.openPaths']({ paths: written.map((w) => w.path), password: 'pfx-pass' });
  const reopened = state.documents.at(-1)!;
  assert.equal(reopened.status, 'ready');
  assert.deepEqual(reopened.objects.map((o) => o.kind).sort(), ['certificate', 'certificate', 'privateKey']);
});

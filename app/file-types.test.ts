/** The open dialog's filters: every associated extension first, one filter per document type, then all files. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOCUMENT_EXTENSIONS as BUILDER_EXTENSIONS } from '../scripts/check-builder-config.mjs';
import { DOCUMENT_EXTENSIONS, DOCUMENT_TYPE_FILTERS, OPEN_DIALOG_FILTERS } from './file-types';

test('the first filter holds every extension the installer associates; the last is All files', () => {
  assert.deepEqual([...OPEN_DIALOG_FILTERS[0].extensions].sort(), [...BUILDER_EXTENSIONS].sort());
  assert.deepEqual(OPEN_DIALOG_FILTERS.at(-1), { name: 'All files', extensions: ['*'] });
});

test('the per-type filters together cover every extension, each named with its extensions', () => {
  const covered = new Set(DOCUMENT_TYPE_FILTERS.flatMap((f) => f.extensions));
  assert.deepEqual([...covered].sort(), [...DOCUMENT_EXTENSIONS].sort());
  for (const f of DOCUMENT_TYPE_FILTERS) for (const ext of f.extensions) assert.ok(f.name.includes(`.${ext}`), `${f.name} names .${ext}`);
  // Electron wants extensions without the dot.
  for (const f of OPEN_DIALOG_FILTERS) for (const ext of f.extensions) assert.match(ext, /^(\*|[a-z0-9]+)$/);
});

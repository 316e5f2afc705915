import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorkbench } from '../workbench';
import { createDispatcher } from './dispatcher';

const dispatcher = () => createDispatcher(createWorkbench().handlers);

test('unknown methods are refused by the allowlist', async () => {
  for (const method of ['documents.delete', '__proto__', 'constructor', 42, null]) {
    const r = await dispatcher().dispatch(method, {});
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.error.code, 'INVALID_ARGUMENT');
  }
});

test('requests are validated against the schema: wrong types, missing and extra fields', async () => {
  const d = dispatcher();
  for (const [method, request] of [
    ['documents.openText', { name: 'x.pem' }],
    ['documents.openText', { name: 'x.pem', text: 5 }],
    ['documents.unlock', { documentId: 'doc1', password: 'p', extra: true }],
    ['documents.openPaths', { paths: [] }],
    ['documents.list', { anything: 1 }],
    ['documents.close', 'doc1'],
  ] as const) {
    const r = await d.dispatch(method, request);
    assert.equal(r.ok, false, `${method} ${JSON.stringify(request)}`);
    if (!r.ok) {
      assert.equal(r.error.code, 'INVALID_ARGUMENT');
      assert.ok(r.error.message.length > 0 && r.error.hint.length > 0);
    }
  }
});

test('handler errors travel as {code, message, hint} data, never as thrown errors', async () => {
  const r = await dispatcher().dispatch('documents.close', { documentId: 'nope' });
  assert.deepEqual(Object.keys(r).sort(), ['error', 'ok']);
  if (!r.ok) {
    assert.equal(r.error.code, 'NOT_FOUND');
    assert.deepEqual(Object.keys(r.error).sort(), ['code', 'hint', 'message']);
  }
});

test('a valid request reaches the workbench and returns its state', async () => {
  const d = dispatcher();
  const r = await d.dispatch('documents.openText', { name: 'garbage.txt', text: 'hello, this is not a certificate' });
  assert.equal(r.ok, true);
  if (r.ok) {
    const state = r.value as { documents: Array<{ status: string; error: { code: string } | null }> };
    assert.equal(state.documents[0].status, 'error');
    assert.equal(state.documents[0].error?.code, 'UNRECOGNIZED_FORMAT');
  }
});

/** app/e2e-hooks.ts alone: when the hooks exist, the pinned clock, and what the wire records. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dispatcher, MethodHandlers } from '../main/rpc/dispatcher';
import { EventHub } from '../main/workbench/events';
import { e2eHookSetup, E2E_HOOKS_GLOBAL, type E2eHooks } from './e2e-hooks';

test('no hooks unless unpackaged with CERTBENCH_E2E_HOOKS=1 exactly', () => {
  assert.equal(e2eHookSetup({}, false), null);
  assert.equal(e2eHookSetup({ CERTBENCH_E2E_HOOKS: 'true' }, false), null);
  assert.equal(e2eHookSetup({ CERTBENCH_E2E_HOOKS: '0' }, false), null);
  assert.equal(e2eHookSetup({ CERTBENCH_E2E_HOOKS: '1' }, true), null, 'a packaged app never has them');
  assert.notEqual(e2eHookSetup({ CERTBENCH_E2E_HOOKS: '1' }, false), null);
});

test('the clock: real without CERTBENCH_E2E_NOW, pinned with it (a fresh Date each time), refused when not a date', () => {
  assert.equal(e2eHookSetup({ CERTBENCH_E2E_HOOKS: '1' }, false)!.now, undefined);
  const now = e2eHookSetup({ CERTBENCH_E2E_HOOKS: '1', CERTBENCH_E2E_NOW: '2026-11-24T12:00:00Z' }, false)!.now!;
  const a = now();
  a.setFullYear(1999);
  assert.equal(now().toISOString(), '2026-11-24T12:00:00.000Z');
  assert.throws(() => e2eHookSetup({ CERTBENCH_E2E_HOOKS: '1', CERTBENCH_E2E_NOW: 'yesterday' }, false), /CERTBENCH_E2E_NOW="yesterday" is not a date/);
});

test('expose: the hooks on the target, every response and event on the wire in order, the envelope passed through', async () => {
  const events = new EventHub();
  const handlers = { 'documents.list': async () => ({ documents: [] }) } as unknown as MethodHandlers;
  let runs = 0;
  const reminders = { runOnce: async () => (runs++, { notified: [] }) } as never;
  const inner: Dispatcher = { dispatch: async (method) => (method === 'bad' ? { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'no', hint: 'h' } } : { ok: true, value: { method } }) };
  const target: Record<string, unknown> = {};
  const dispatcher = e2eHookSetup({ CERTBENCH_E2E_HOOKS: '1' }, false)!.expose({ handlers, reminders, events } as never, inner, target);
  const hooks = target[E2E_HOOKS_GLOBAL] as E2eHooks;
  assert.equal(hooks.handlers, handlers);
  await hooks.reminders.runOnce();
  assert.equal(runs, 1);

  assert.deepEqual(await dispatcher.dispatch('documents.list', {}), { ok: true, value: { method: 'documents.list' } });
  events.emit('progress', { operationId: 'op1', label: 'Reading', done: 1, total: 2 } as never);
  assert.deepEqual(await dispatcher.dispatch('bad', {}), { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'no', hint: 'h' } });
  assert.deepEqual(hooks.wire, [
    { kind: 'response', body: '{"ok":true,"value":{"method":"documents.list"}}' },
    { kind: 'event', body: '{"operationId":"op1","label":"Reading","done":1,"total":2}' },
    { kind: 'response', body: '{"ok":false,"error":{"code":"INVALID_ARGUMENT","message":"no","hint":"h"}}' },
  ]);
});

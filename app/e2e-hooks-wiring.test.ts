/**
 * The e2e hook in the real main bundle (app/main.ts against the fake 'electron', as the other wiring tests): an
 * app started without CERTBENCH_E2E_HOOKS has nothing at globalThis.__certbenchE2e; one started with it has the
 * workbench main really uses (its handlers answer what the window's IPC answers, the wire holds what the window
 * got) and main's clock pinned to CERTBENCH_E2E_NOW, checked against openssl's notAfter.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { E2E_HOOKS_GLOBAL, type E2eHooks } from './e2e-hooks';
import { loadWithFakeElectron, makeRenderer, requireBundle } from './testing/load-with-fake';

const leaf = join(__dirname, '..', 'test/fixtures/x509/leaf.pem');
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts a fresh main bundle with this environment and the leaf on its command line; resolves once its window is open. */
async function startApp(env: Record<string, string | undefined>): Promise<any> {
  const built = await loadWithFakeElectron('dist/app/main.js');
  dirs.push(built.dir);
  makeRenderer(built.dir, { 'index.html': '<!doctype html><title>Certbench</title>' });
  const saved = { argv: process.argv, env: Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]])) };
  process.argv = [process.execPath, built.dir, leaf];
  for (const [k, v] of Object.entries(env)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  try {
    requireBundle(built.outfile);
  } finally {
    for (const [k, v] of Object.entries(saved.env)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  }
  const fake = (globalThis as any).__fakeElectron;
  // Main reads its command line once ready: the leaf stays on it until the window is open.
  fake.app.becomeReady();
  for (let i = 0; i < 200 && fake.recorded.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  process.argv = saved.argv;
  assert.equal(fake.recorded.windows.length, 1, 'the window opened');
  return fake;
}

const hooks = () => (globalThis as Record<string, unknown>)[E2E_HOOKS_GLOBAL] as E2eHooks | undefined;

test('without CERTBENCH_E2E_HOOKS main publishes nothing', { timeout: 60_000 }, async () => {
  await startApp({ CERTBENCH_E2E_HOOKS: undefined, CERTBENCH_E2E_NOW: '2026-11-24T12:00:00Z' });
  assert.equal(hooks(), undefined);
  assert.ok(!Object.getOwnPropertyNames(globalThis).includes(E2E_HOOKS_GLOBAL));
});

test('with it: main\'s own handlers, the wire of what the window received, reminders, and the pinned clock', { timeout: 60_000 }, async () => {
  const notAfter = new Date(execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-enddate'], { encoding: 'utf8' }).trim().replace(/^notAfter=/, ''));
  const now = new Date(notAfter.getTime() - 5 * 86_400_000);
  const fake = await startApp({ CERTBENCH_E2E_HOOKS: '1', CERTBENCH_E2E_NOW: now.toISOString() });
  const h = hooks();
  assert.ok(h, 'the hooks are there');

  // The leaf from the command line is in main's workbench, counted from the pinned clock (openssl's notAfter − 5 days).
  const state = await h.handlers['documents.list']({});
  assert.deepEqual(state.documents.map((d) => d.name), ['leaf.pem']);
  const cert = state.documents[0]!.objects.find((o) => o.kind === 'certificate') as { daysLeft?: number | null } | undefined;
  assert.equal(cert?.daysLeft, 5);

  // What the window's IPC gets is what the handler says, and it is on the wire.
  const win = fake.recorded.windows[0];
  const viaIpc = await fake.recorded.ipcHandlers.get('certbench:documents.list')({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
  assert.deepEqual(viaIpc, { ok: true, value: state });
  assert.equal(h.wire.at(-1)?.kind, 'response');
  assert.deepEqual(JSON.parse(h.wire.at(-1)!.body), viaIpc);
  assert.ok(h.wire.some((w) => w.kind === 'event'), 'the events main emitted (the leaf opening) are there too');

  const run = await h.reminders.runOnce();
  assert.ok(run && typeof run === 'object');
});

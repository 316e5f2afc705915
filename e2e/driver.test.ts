/**
 * The e2e driver's parts that run without a browser: the web driver over a real workbench, and the Electron
 * driver over main's real hooks (app/e2e-hooks.ts on a real workbench) through an evaluate that does what
 * Playwright's does: the function travels as source (so it may not use anything from its closure) and its
 * argument and result as JSON.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { e2eHookSetup, E2E_HOOKS_GLOBAL } from '../app/e2e-hooks';
import { createDispatcher } from '../main/rpc/dispatcher';
import { createWorkbench } from '../main/workbench';
import { answerOpenDialogs, electronBench, mainWire, webBench, webHostOnly, type ElectronModule, type MainProcess, type Wire } from './driver';

const ROOT = join(__dirname, '..');
const serverPem = readFileSync(join(ROOT, 'e2e', 'fixtures', 'server.pem'), 'utf8');
const dataDir = mkdtempSync(join(tmpdir(), 'certbench-driver-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** A main process in this one: the function rebuilt from its source, with a stand-in electron module. */
function fakeMain(electron: ElectronModule): MainProcess {
  return {
    async evaluate(fn, arg) {
      const rebuilt = new Function(`return (${fn.toString()});`)() as typeof fn;
      const result = await rebuilt(electron, JSON.parse(JSON.stringify(arg ?? null)));
      return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
    },
  } as MainProcess;
}

test('web: main\'s state from the host\'s workbench, reminders run there, the wire is the tapped one, no native dialogs', async () => {
  const workbench = createWorkbench({ shell: 'web', dataDir });
  const wire: Wire[] = [{ kind: 'response', body: '{}' }];
  const bench = webBench({ workbench }, '/out', wire);
  assert.equal(bench.target, 'web');
  await workbench.handlers['documents.openText']({ name: 'server.pem', text: serverPem });
  const state = await bench.call('documents.list', {});
  assert.deepEqual(state.documents.map((d) => [d.name, d.status]), [['server.pem', 'ready']]);
  await bench.runReminders();
  assert.equal(await bench.wire(), wire);
  await assert.rejects(() => bench.pickInNativeDialog(null as never, ['/x']), /The web host has no native dialogs/);
});

test('electron: calls, reminders and the wire go through main\'s hooks; errors come back as errors', async () => {
  const target = globalThis as Record<string, unknown>;
  const electron: ElectronModule = { dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) } };
  const bench = electronBench(fakeMain(electron), '/out');
  await assert.rejects(() => bench.call('documents.list', {}), /main has no e2e hooks/);

  const workbench = createWorkbench({ shell: 'electron', dataDir });
  const dispatcher = e2eHookSetup({ CERTBENCH_E2E_HOOKS: '1' }, false)!.expose(workbench, createDispatcher(workbench.handlers));
  try {
    // The page's IPC goes through the dispatcher; the driver sees the same state, and the wire has what the page got.
    const opened = await dispatcher.dispatch('documents.openText', { name: 'server.pem', text: serverPem });
    assert.equal(opened.ok, true);
    const state = await bench.call('documents.list', {});
    assert.deepEqual(state, (opened as { value: unknown }).value);
    const wire = await bench.wire();
    assert.deepEqual(JSON.parse(wire.find((w) => w.kind === 'response')!.body), opened);
    assert.ok(wire.some((w) => w.kind === 'event'));
    assert.deepEqual(await mainWire(fakeMain(electron)), wire);
    await bench.runReminders();
    await assert.rejects(() => bench.call('objects.details', { objectId: 'nope' }), /./);
  } finally {
    delete target[E2E_HOOKS_GLOBAL];
  }
});

test('electron: a stubbed open dialog answers with the given paths until stubbed again; an empty answer is a cancel', async () => {
  const electron: ElectronModule = { dialog: { showOpenDialog: async () => assert.fail('the real dialog opened') } };
  const main = fakeMain(electron);
  await answerOpenDialogs(main, ['/tmp/out']);
  assert.deepEqual(await electron.dialog.showOpenDialog({}, { properties: ['openDirectory'] }), { canceled: false, filePaths: ['/tmp/out'] });
  assert.deepEqual(await electron.dialog.showOpenDialog({ properties: ['openFile'] }), { canceled: false, filePaths: ['/tmp/out'] });
  await answerOpenDialogs(main, []);
  assert.deepEqual(await electron.dialog.showOpenDialog({}), { canceled: true, filePaths: [] });
});

test('webHostOnly: skips in the Electron run with the reason, never in the web run', () => {
  const saved = process.env.E2E_TARGET;
  const calls: Array<[boolean, string]> = [];
  const t = { skip: (condition: boolean, description: string) => void calls.push([condition, description]) };
  try {
    for (const value of [undefined, 'web', 'electron']) {
      if (value === undefined) delete process.env.E2E_TARGET;
      else process.env.E2E_TARGET = value;
      webHostOnly(t);
    }
  } finally {
    if (saved === undefined) delete process.env.E2E_TARGET;
    else process.env.E2E_TARGET = saved;
  }
  assert.deepEqual(calls.map(([c]) => c), [false, false, true]);
  assert.equal(calls[2]![1], 'tests the loopback web host, which Electron does not use');
});

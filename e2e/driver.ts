/**
 * The e2e driver (`bench` fixture): what a spec needs from the app beyond its window, the same in both
 * targets. Web: the loopback host's in-process workbench and its one output folder. Electron: main's workbench
 * through its e2e hooks (app/e2e-hooks.ts, read with electronApplication.evaluate) and native dialogs stubbed in
 * main to answer with the test's folder, as Playwright's Electron docs recommend (it does not drive OS dialogs).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { ApiMethod, ApiRequest, ApiResponse } from '../main/api/contract';
import type { MethodHandlers } from '../main/rpc/dispatcher';
import type { E2eHooks, WireMessage } from '../app/e2e-hooks';
import { e2eTarget, type E2eTarget } from './target';

export type Wire = WireMessage;

export interface Bench {
  readonly target: E2eTarget;
  /** Where saves land: the web host's output folder, or the folder Electron's stubbed folder dialog answers with. */
  readonly outputDir: string;
  /** A workbench method called in main, as the page would call it (reads main's state without the page). */
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  /** One run of the expiry reminder scheduler (its reminder reaches the page as an event). */
  runReminders(): Promise<void>;
  /** Everything main sent the page so far: API responses and events, as JSON. */
  wire(): Promise<Wire[]>;
  /**
   * Makes the save form in `scope` write into outputDir. Web: nothing to do (the host's folder is the only one,
   * already shown). Electron: clicks its "Choose folder…" (or "Change folder…") with the native dialog answering
   * outputDir, and waits for the form to show it.
   */
  chooseOutputFolder(scope: Page | Locator): Promise<void>;
  /** Electron only (web has no native dialogs): clicks `button` with the native open dialog answering `paths`. */
  pickInNativeDialog(button: Locator, paths: string[]): Promise<void>;
}

/** What the web driver needs of the loopback host (e2e/host.ts). */
export interface WebHostView {
  workbench: { handlers: MethodHandlers; reminders: { runOnce(): Promise<unknown> } };
}

export function webBench(host: WebHostView, outputDir: string, wire: Wire[]): Bench {
  return {
    target: 'web',
    outputDir,
    call: (method, request) => host.workbench.handlers[method](request),
    runReminders: async () => {
      await host.workbench.reminders.runOnce();
    },
    wire: async () => wire,
    chooseOutputFolder: async () => undefined,
    pickInNativeDialog: async () => {
      throw new Error('The web host has no native dialogs: the page takes files through its file inputs and writes into the host\'s output folder.');
    },
  };
}

/**
 * What the Electron driver needs of Playwright's ElectronApplication: evaluate(fn, arg) runs fn inside main with
 * Electron's main-process module as its first argument. fn is sent as source, so it may use only its arguments and globals.
 */
export interface MainProcess {
  evaluate<R, A>(fn: (electron: ElectronModule, arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The part of Electron's main-process module that the driver touches. */
export interface ElectronModule {
  dialog: { showOpenDialog: (...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }> };
}

/** What the driver asks of main's hooks; one function does all three, since evaluate sends it as source. */
type HookRequest = { op: 'call'; method: string; request: unknown } | { op: 'runReminders' } | { op: 'wire' };

function askMain(main: MainProcess, request: HookRequest): Promise<unknown> {
  return main.evaluate(async (_electron, r: HookRequest) => {
    const hooks = (globalThis as { __certbenchE2e?: E2eHooks }).__certbenchE2e;
    if (!hooks) throw new Error('main has no e2e hooks: the app was not started by the e2e harness (CERTBENCH_E2E_HOOKS=1, unpackaged).');
    if (r.op === 'call') return (hooks.handlers as unknown as Record<string, (q: unknown) => Promise<unknown>>)[r.method]!(r.request);
    if (r.op === 'runReminders') return void (await hooks.reminders.runOnce());
    return hooks.wire.slice();
  }, request);
}

/** Everything main sent the window, read from main (also what the harness audits after each Electron test). */
export const mainWire = (main: MainProcess) => askMain(main, { op: 'wire' }) as Promise<Wire[]>;

/** Every native open dialog in main (files, folders to write into, folders to watch) answers with `paths` from now on. */
export function answerOpenDialogs(main: MainProcess, paths: string[]): Promise<void> {
  return main.evaluate(({ dialog }, filePaths: string[]) => {
    dialog.showOpenDialog = async () => ({ canceled: filePaths.length === 0, filePaths });
  }, paths);
}

export function electronBench(main: MainProcess, outputDir: string): Bench {
  const pick = async (button: Locator, paths: string[]) => {
    await answerOpenDialogs(main, paths);
    await button.click();
  };
  return {
    target: 'electron',
    outputDir,
    call: (method, request) => askMain(main, { op: 'call', method, request }) as Promise<ApiResponse<typeof method>>,
    runReminders: async () => {
      await askMain(main, { op: 'runReminders' });
    },
    wire: () => mainWire(main),
    chooseOutputFolder: async (scope) => {
      await pick(scope.getByRole('button', { name: /^(Choose|Change) folder…$/ }), [outputDir]);
      await expect(scope.getByText(outputDir).first()).toBeVisible();
    },
    pickInNativeDialog: pick,
  };
}

/**
 * Limits a spec file to the web target: for tests of the loopback web host itself (token, Origin), which the
 * desktop app does not have. In the default web run nothing is skipped.
 */
export function webHostOnly(t: { skip(condition: boolean, description: string): void }): void {
  t.skip(e2eTarget() === 'electron', 'tests the loopback web host, which Electron does not use');
}

/**
 * The Electron e2e run's view into main (E2E_TARGET=electron, e2e/driver.ts). Playwright reaches main only
 * through electronApplication.evaluate, which runs code inside main: from there a test reads main's state
 * through the workbench's own handlers, runs the reminder scheduler when it wants one, reads what main sent the
 * window (the private-key audit), and pins main's clock to the e2e clock. Present only in an unpackaged app
 * started with CERTBENCH_E2E_HOOKS=1; a packaged app never has it. Why this is safe: docs/security-checklist.md.
 */
import type { Dispatcher, MethodHandlers } from '../main/rpc/dispatcher';
import type { Workbench } from '../main/workbench';

export const E2E_HOOKS_GLOBAL = '__certbenchE2e';

export interface WireMessage {
  kind: 'response' | 'event';
  /** The JSON main sent: an IPC response envelope or an event payload. */
  body: string;
}

/** What a test finds at globalThis.__certbenchE2e in main. */
export interface E2eHooks {
  handlers: MethodHandlers;
  reminders: Pick<Workbench['reminders'], 'runOnce'>;
  /** Every response the dispatcher gave and every event main emitted since the window's workbench started, in order. */
  wire: WireMessage[];
}

export interface E2eHookSetup {
  /** The clock main counts expiry and validity from (CERTBENCH_E2E_NOW); undefined: the real one. */
  now: (() => Date) | undefined;
  /** Publishes the hooks on `target` and returns the dispatcher that also records each response on the wire. */
  expose(workbench: Pick<Workbench, 'handlers' | 'reminders' | 'events'>, dispatcher: Dispatcher, target?: object): Dispatcher;
}

/** Null unless this is an unpackaged app started with CERTBENCH_E2E_HOOKS=1: then main has no test hook at all. */
export function e2eHookSetup(env: NodeJS.ProcessEnv, isPackaged: boolean): E2eHookSetup | null {
  if (isPackaged || env.CERTBENCH_E2E_HOOKS !== '1') return null;
  const pinned = env.CERTBENCH_E2E_NOW ? new Date(env.CERTBENCH_E2E_NOW) : null;
  if (pinned && Number.isNaN(pinned.getTime())) throw new Error(`CERTBENCH_E2E_NOW=${JSON.stringify(env.CERTBENCH_E2E_NOW)} is not a date: give an ISO time such as 2026-11-24T12:00:00Z.`);
  return {
    now: pinned ? () => new Date(pinned) : undefined,
    expose(workbench, dispatcher, target = globalThis) {
      const wire: WireMessage[] = [];
      workbench.events.on((_event, payload) => wire.push({ kind: 'event', body: JSON.stringify(payload) }));
      const hooks: E2eHooks = { handlers: workbench.handlers, reminders: workbench.reminders, wire };
      Object.defineProperty(target, E2E_HOOKS_GLOBAL, { value: hooks, configurable: true });
      return {
        async dispatch(method, request) {
          const envelope = await dispatcher.dispatch(method, request);
          wire.push({ kind: 'response', body: JSON.stringify(envelope) });
          return envelope;
        },
      };
    },
  };
}

/**
 * Runs CPU-heavy derivations in a worker thread so the event loop (and the window) stays responsive.
 * Sources are eval'd strings, not files, so the same code works under tsx, in esbuild bundles and in
 * Electron's main process. A worker posts {progress: 0..1} any number of times, then {result}.
 * Aborting `signal` terminates the worker at once (its loops are JS or WebAssembly, which V8 interrupts)
 * and rejects with CANCELLED, so a stopped derivation burns no more CPU.
 */
import { PkiError, cancelled } from './errors';
import { nodeWorkerThreads } from './lazy-builtins';

type WorkerMessage<T> = { progress?: number; result?: T };

let live = 0;

/** Workers started by runEvalWorker that have not exited yet (tests check that Stop leaves none). */
export function liveEvalWorkers(): number {
  return live;
}

export function runEvalWorker<T>(source: string, workerData: unknown, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const fail = (why: string) => settle(() => reject(new PkiError('INTERNAL', `Key derivation failed: ${why}.`, 'Try again; if it persists, report it.')));
    const worker = new (nodeWorkerThreads().Worker)(source, { eval: true, workerData });
    live++;
    const onAbort = () => {
      settle(() => reject(cancelled()));
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerMessage<T>) => {
      if (m.result !== undefined) {
        settle(() => resolve(m.result as T));
        void worker.terminate();
      } else if (m.progress !== undefined && !settled) onProgress?.(m.progress);
    });
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', () => {
      live--;
      fail('the worker stopped unexpectedly');
    });
  });
}

/**
 * Runs CPU-heavy derivations in a worker thread so the event loop (and the window) stays responsive.
 * Sources are eval'd strings, not files, so the same code works under tsx, in esbuild bundles and in
 * Electron's main process. A worker posts {progress: 0..1} any number of times, then {result}.
 */
import { Worker } from 'node:worker_threads';
import { PkiError } from './errors';

type WorkerMessage<T> = { progress?: number; result?: T };

export function runEvalWorker<T>(source: string, workerData: unknown, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (why: string) => reject(new PkiError('INTERNAL', `Key derivation failed: ${why}.`, 'Try again; if it persists, report it.'));
    let settled = false;
    const worker = new Worker(source, { eval: true, workerData });
    worker.on('message', (m: WorkerMessage<T>) => {
      if (m.result !== undefined) {
        settled = true;
        resolve(m.result);
        void worker.terminate();
      } else if (m.progress !== undefined) onProgress?.(m.progress);
    });
    worker.on('error', (e) => {
      settled = true;
      fail(e.message);
    });
    worker.on('exit', () => {
      if (!settled) fail('the worker stopped unexpectedly');
    });
  });
}

/**
 * The fuzz worker: runs inputs one at a time for the runner, inside a worker_threads Worker whose heap the
 * runner limits and which it terminates past the time limit. Starts itself when loaded as that worker.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runTarget, type Outcome } from './target';

export const WORKER_ROLE = 'certbench-fuzz-worker';

export interface WorkRequest {
  id: number;
  bytes: Uint8Array;
  password?: string;
}

export type WorkerReport =
  | { ready: true }
  | { id: number; progress: true }
  | { id: number; outcome: Outcome; ms: number; externalBytes: number };

function start(): void {
  const port = parentPort!;
  port.on('message', async (req: WorkRequest) => {
    let announced = false;
    const started = performance.now();
    const outcome = await runTarget(req.bytes, req.password, () => {
      if (announced) return;
      announced = true;
      port.postMessage({ id: req.id, progress: true } satisfies WorkerReport);
    });
    const report: WorkerReport = { id: req.id, outcome, ms: performance.now() - started, externalBytes: process.memoryUsage().arrayBuffers };
    port.postMessage(report);
  });
  port.postMessage({ ready: true } satisfies WorkerReport);
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) start();

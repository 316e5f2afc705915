/**
 * Runs one input at a time in a worker with the fuzz limits: a heap cap (resourceLimits) and a time limit
 * past which the worker is terminated. A fresh worker replaces one that was stopped, ran out of memory or
 * has run many inputs (so caches do not carry one input's state into the next).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Outcome } from './target';
import { WORKER_ROLE, type WorkerReport, type WorkRequest } from './worker';

export interface Limits {
  /** Wall time for one input, from handing it over to its answer. */
  timeMs: number;
  /** JS heap (V8 old generation), and separately ArrayBuffer memory, for one input. */
  memoryMb: number;
}

export const FUZZ_LIMITS: Limits = { timeMs: 2000, memoryMb: 512 };

export type Verdict =
  | (Outcome & { ms: number })
  | { kind: 'timeout'; ms: number }
  /** Over the time limit while showing key-derivation progress: what a user sees as a slow, stoppable open. */
  | { kind: 'slow-key-derivation'; ms: number }
  | { kind: 'memory'; ms: number; message: string }
  | { kind: 'crash'; ms: number; message: string };

export const isFailure = (v: Verdict) => v.kind === 'untyped' || v.kind === 'timeout' || v.kind === 'memory' || v.kind === 'crash';

const INPUTS_PER_WORKER = 1000;

/** The worker's script: the bundle itself (dist/main/fuzz.js), or worker.ts under tsx. */
export function defaultWorkerFile(): string {
  return __filename.endsWith('.ts') ? join(__dirname, 'worker.ts') : __filename;
}

/** The built fuzz command is plain JS; under tsx (unit tests) the worker registers tsx before loading worker.ts. */
function workerSource(file: string): string {
  if (!file.endsWith('.ts')) return file;
  const tsxApi = 'tsx/cjs/api';
  return `require(${JSON.stringify(require.resolve(tsxApi))}).register(); require(${JSON.stringify(file)});`;
}

export class FuzzRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private used = 0;
  private nextId = 1;

  constructor(
    private readonly limits: Limits = FUZZ_LIMITS,
    private readonly workerFile: string = defaultWorkerFile(),
  ) {}

  async run(bytes: Uint8Array, password: string | undefined): Promise<Verdict> {
    if (this.used >= INPUTS_PER_WORKER) await this.restart();
    const worker = await this.ensureWorker();
    this.used++;
    const id = this.nextId++;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise<Verdict>((resolve) => {
      let announced = false;
      const finish = (v: Verdict, stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) void this.restart();
        resolve(v);
      };
      const onMessage = (m: WorkerReport) => {
        if (!('id' in m) || m.id !== id) return;
        if ('progress' in m) announced = true;
        else if (m.externalBytes > this.limits.memoryMb * 1048576) {
          finish({ kind: 'memory', ms: elapsed(), message: `${Math.round(m.externalBytes / 1048576)} MB of ArrayBuffers after the input` }, true);
        } else finish({ ...m.outcome, ms: m.ms }, false);
      };
      const onError = (e: Error & { code?: string }) =>
        finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', ms: elapsed(), message: `over ${this.limits.memoryMb} MB of heap` } : { kind: 'crash', ms: elapsed(), message: e.message }, true);
      const onExit = (code: number) => finish({ kind: 'crash', ms: elapsed(), message: `the worker exited (code ${code})` }, true);
      const timer = setTimeout(() => finish(announced ? { kind: 'slow-key-derivation', ms: elapsed() } : { kind: 'timeout', ms: elapsed() }, true), this.limits.timeMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes, password } satisfies WorkRequest);
    });
  }

  /** Stops the current worker; the next run starts a fresh one. */
  async restart(): Promise<void> {
    const old = this.worker;
    this.worker = null;
    this.ready = null;
    this.used = 0;
    if (old) await old.terminate();
  }

  close(): Promise<void> {
    return this.restart();
  }

  private async ensureWorker(): Promise<Worker> {
    if (!this.worker) {
      const worker = new Worker(workerSource(this.workerFile), {
        eval: this.workerFile.endsWith('.ts'),
        workerData: { role: WORKER_ROLE },
        resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 64 },
      });
      this.worker = worker;
      this.ready = new Promise<void>((resolve, reject) => {
        const onReady = (m: WorkerReport) => {
          if ('ready' in m) {
            worker.off('message', onReady);
            resolve();
          }
        };
        worker.on('message', onReady);
        worker.once('error', reject);
      });
    }
    await this.ready;
    return this.worker!;
  }
}

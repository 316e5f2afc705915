/**
 * Runs one input at a time in a child process with the fuzz limits: a heap cap, a peak-RSS check after each
 * input, and a time limit past which the child is killed. A fresh child replaces one that was killed,
 * crashed or has run many inputs (so caches do not carry one input's state into the next).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Outcome } from './target';
import { CHILD_ENV, type ChildReport, type WorkRequest } from './child';

export interface Limits {
  /** Wall time for one input, from handing it over to its answer. */
  timeMs: number;
  /** Peak resident memory of the process running the input (its heap is capped at the same figure). */
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

const INPUTS_PER_CHILD = 500;
/** How much of a dead child's stderr is kept for its crash message. */
const STDERR_TAIL = 4000;

/** The child's script: the bundle itself (dist/main/fuzz.js), or child.ts under tsx. */
export function defaultChildFile(): string {
  return __filename.endsWith('.ts') ? join(__dirname, 'child.ts') : __filename;
}

export class FuzzRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private stderr = '';
  private used = 0;
  private nextId = 1;

  constructor(
    private readonly limits: Limits = FUZZ_LIMITS,
    private readonly childFile: string = defaultChildFile(),
  ) {}

  async run(bytes: Uint8Array, password: string | undefined): Promise<Verdict> {
    if (this.used >= INPUTS_PER_CHILD) await this.restart();
    const child = await this.ensureChild();
    this.used++;
    const id = this.nextId++;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise<Verdict>((resolve) => {
      let announced = false;
      let settled = false;
      const finish = (v: Verdict, stop: boolean) => {
        // The exit handler waits for stderr; a time limit firing meanwhile must not settle (and kill) twice.
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (stop) void this.restart();
        resolve(v);
      };
      const onMessage = (m: ChildReport) => {
        if (!('id' in m) || m.id !== id) return;
        if ('progress' in m) announced = true;
        else if (m.peakRssBytes > this.limits.memoryMb * 1048576) {
          finish({ kind: 'memory', ms: elapsed(), message: `peak RSS ${Math.round(m.peakRssBytes / 1048576)} MB` }, true);
        } else finish({ ...m.outcome, ms: m.ms }, false);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        // Give stderr a moment: it tells a heap overflow from a native abort.
        setTimeout(() => {
          const tail = this.stderr.slice(-STDERR_TAIL);
          const oom = /heap out of memory|Reached heap limit/i.test(tail);
          const why = `the process ${signal ? `was killed by ${signal}` : `exited with code ${code}`}: ${lastLines(tail)}`;
          finish(oom ? { kind: 'memory', ms: elapsed(), message: `over ${this.limits.memoryMb} MB of heap` } : { kind: 'crash', ms: elapsed(), message: why }, true);
        }, 50);
      };
      const timer = setTimeout(() => finish(announced ? { kind: 'slow-key-derivation', ms: elapsed() } : { kind: 'timeout', ms: elapsed() }, true), this.limits.timeMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, bytes, password } satisfies WorkRequest);
    });
  }

  /** Stops the current child; the next run starts a fresh one. */
  async restart(): Promise<void> {
    const old = this.child;
    this.child = null;
    this.ready = null;
    this.used = 0;
    this.stderr = '';
    if (old && old.exitCode === null && old.signalCode === null) {
      const gone = new Promise<void>((resolve) => old.once('exit', () => resolve()));
      old.kill('SIGKILL');
      await gone;
    }
  }

  close(): Promise<void> {
    return this.restart();
  }

  private async ensureChild(): Promise<ChildProcess> {
    if (!this.child) {
      const child = fork(this.childFile, [], {
        serialization: 'advanced',
        // Under tsx (unit tests) the child loads TypeScript too; the built fuzz command is plain JS.
        execArgv: [...(this.childFile.endsWith('.ts') ? ['--import', 'tsx'] : []), `--max-old-space-size=${this.limits.memoryMb}`],
        env: { ...process.env, [CHILD_ENV]: '1' },
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      child.stderr!.on('data', (d: Buffer) => {
        this.stderr = (this.stderr + d.toString()).slice(-STDERR_TAIL * 2);
      });
      this.child = child;
      this.ready = new Promise<void>((resolve, reject) => {
        const onReady = (m: ChildReport) => {
          if ('ready' in m) {
            child.off('message', onReady);
            resolve();
          }
        };
        child.on('message', onReady);
        child.once('exit', (code) => reject(new Error(`the fuzz child exited at start (code ${code}): ${lastLines(this.stderr)}`)));
      });
    }
    await this.ready;
    return this.child!;
  }
}

const lastLines = (text: string) => text.trim().split('\n').slice(-12).join(' | ').slice(0, 1500);

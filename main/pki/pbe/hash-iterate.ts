/**
 * Runs the WebAssembly hash loops of hash-wasm.ts in an eval'd worker (works the same under tsx, in esbuild
 * bundles and in Electron's main process), so long derivations leave the event loop free, report progress,
 * and stop at once when their signal aborts (the worker is terminated mid-loop).
 */
import { runEvalWorker } from '../eval-worker';
import { type WasmHash, MEMORY, WORDS, hashWasm } from './hash-wasm';

/** Assembled on first use: most commands never derive a key off-thread, and start-up time counts. */
const modules: Partial<Record<WasmHash, Uint8Array<ArrayBuffer>>> = {};
const moduleFor = (hash: WasmHash) => (modules[hash] ??= hashWasm(hash));

/**
 * V8 first runs WebAssembly with its baseline compiler (~20x slower here) and tiers the function up in the
 * background; one long call would stay on the slow code, so the work is done in short calls.
 */
const CALL_ROUNDS = 1000;

export interface RunOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** One call sequence: `rounds` rounds of `fn` starting from `memory` (32 words: digest, T, inner, outer). */
interface Job {
  fn: 'iterate' | 'hmacIterate';
  memory: number[];
  rounds: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { wasm, jobs, callRounds } = workerData;
const { exports } = new WebAssembly.Instance(new WebAssembly.Module(wasm));
const memory = new Int32Array(exports.mem.buffer, 0, 32);
const total = jobs.reduce((n, j) => n + j.rounds, 0);
const reportEvery = Math.max(callRounds, Math.ceil(total / 20));
let done = 0;
let nextReport = reportEvery;
const results = [];
for (const job of jobs) {
  memory.set(job.memory);
  const run = exports[job.fn];
  for (let left = job.rounds; left > 0; ) {
    const n = Math.min(callRounds, left);
    run(n);
    left -= n;
    done += n;
    if (done >= nextReport && done < total) {
      parentPort.postMessage({ progress: done / total });
      nextReport += reportEvery;
    }
  }
  results.push(Array.from(memory.subarray(0, 16)));
}
parentPort.postMessage({ result: results });
`;

/** Runs the jobs in order in one worker; resolves with memory words 0..15 after each job. */
function runJobs(hash: WasmHash, jobs: Job[], options: RunOptions): Promise<number[][]> {
  const workerData = { wasm: moduleFor(hash), jobs, callRounds: CALL_ROUNDS };
  return runEvalWorker<number[][]>(WORKER_SOURCE, workerData, options.onProgress, options.signal);
}

function toWords(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getInt32(i * 4));
}

function toBytes(words: ArrayLike<number>, count: number): Uint8Array {
  const out = new Uint8Array(count * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < count; i++) view.setInt32(i * 4, words[i]);
  return out;
}

function memoryWith(parts: Partial<Record<keyof typeof MEMORY, number[]>>): number[] {
  const memory = new Array<number>(32).fill(0);
  for (const [slot, words] of Object.entries(parts)) memory.splice(MEMORY[slot as keyof typeof MEMORY] / 4, words.length, ...words);
  return memory;
}

/** The hash applied `rounds` more times to a digest (rounds >= 1), in a worker. */
export async function iterateHash(hash: WasmHash, digest: Uint8Array, rounds: number, options: RunOptions = {}): Promise<Uint8Array> {
  if (digest.length !== WORDS[hash] * 4) throw new Error(`${hash} digest must be ${WORDS[hash] * 4} bytes`);
  const [result] = await runJobs(hash, [{ fn: 'iterate', memory: memoryWith({ digest: toWords(digest) }), rounds }], options);
  return toBytes(result, WORDS[hash]);
}

/** One PBKDF2 output block to finish: U1 = HMAC(P, S || INT(i)) is computed by the caller. */
export interface Pbkdf2Block {
  u1: Uint8Array;
}

/**
 * Finishes PBKDF2 blocks in a worker: for each, T = U1 ^ U2 ^ ... ^ U_iterations, with U_{j+1} = HMAC(P, U_j)
 * under the key whose HMAC chaining states are given.
 */
export async function pbkdf2Blocks(
  hash: WasmHash,
  states: { inner: number[]; outer: number[] },
  blocks: Pbkdf2Block[],
  iterations: number,
  options: RunOptions = {},
): Promise<Uint8Array[]> {
  if (iterations === 1) return blocks.map((b) => b.u1);
  const jobs: Job[] = blocks.map(({ u1 }) => {
    const words = toWords(u1);
    return { fn: 'hmacIterate', memory: memoryWith({ digest: words, accumulator: words, ...states }), rounds: iterations - 1 };
  });
  const results = await runJobs(hash, jobs, options);
  return results.map((memory) => toBytes(memory.slice(MEMORY.accumulator / 4), WORDS[hash]));
}

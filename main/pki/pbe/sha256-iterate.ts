/**
 * SHA-256 applied again and again to its own 32-byte output: the hot loop of the PKCS#12 MAC key
 * derivation, run by the WebAssembly module of sha256-wasm.ts. Off the main thread it runs in an eval'd
 * worker (works the same under tsx, in esbuild bundles and in Electron's main process).
 */
import { runEvalWorker } from '../eval-worker';
import { sha256IterateWasm } from './sha256-wasm';

const WASM = sha256IterateWasm();

/**
 * V8 first runs WebAssembly with its baseline compiler (~20x slower here) and tiers the function up in the
 * background; one long call would stay on the slow code, so the work is done in short calls.
 */
const CALL_ROUNDS = 1000;

interface Iterator {
  run(rounds: number): void;
  words: Int32Array;
}

function instantiate(): Iterator {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(WASM));
  const exports = instance.exports as { iterate: (count: number) => void; mem: WebAssembly.Memory };
  return { run: (rounds) => exports.iterate(rounds), words: new Int32Array(exports.mem.buffer, 0, 8) };
}

function toWords(digest: Uint8Array): number[] {
  if (digest.length !== 32) throw new Error('SHA-256 state must be 32 bytes');
  const view = new DataView(digest.buffer, digest.byteOffset, 32);
  return Array.from({ length: 8 }, (_, i) => view.getInt32(i * 4));
}

function toBytes(words: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) view.setInt32(i * 4, words[i]);
  return out;
}

let local: Iterator | undefined;

/** SHA-256 applied `rounds` more times to a 32-byte digest, on this thread. */
export function iterateSha256(digest: Uint8Array, rounds: number): Uint8Array {
  local ??= instantiate();
  local.words.set(toWords(digest));
  for (let done = 0; done < rounds; done += CALL_ROUNDS) local.run(Math.min(CALL_ROUNDS, rounds - done));
  return toBytes(local.words);
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { wasm, words, rounds, callRounds } = workerData;
const { exports } = new WebAssembly.Instance(new WebAssembly.Module(wasm));
const state = new Int32Array(exports.mem.buffer, 0, 8);
state.set(words);
const report = Math.max(callRounds, Math.ceil(rounds / 20));
for (let done = 0; done < rounds; ) {
  const n = Math.min(callRounds, rounds - done);
  exports.iterate(n);
  done += n;
  if (done % report < callRounds && done < rounds) parentPort.postMessage({ progress: done / rounds });
}
parentPort.postMessage({ result: Array.from(state) });
`;

/** iterateSha256 in a worker thread, so the event loop stays responsive during long derivations. */
export async function iterateSha256OffThread(digest: Uint8Array, rounds: number, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const workerData = { wasm: WASM, words: toWords(digest), rounds, callRounds: CALL_ROUNDS };
  return toBytes(await runEvalWorker<number[]>(WORKER_SOURCE, workerData, onProgress));
}

/**
 * How long a key derivation will take, told to the user before long work ("10,000,000 rounds, about 1.2 s")
 * and used to answer PASSWORD_REQUIRED at once instead of trying the empty password on a costly file.
 * Per-round costs are CPU time measured on an x86-64 with SHA-NI under Node 20 (process.cpuUsage over
 * 600,000 rounds); each long derivation that completes rescales them to this machine and its load (the
 * first one calibrates; no separate benchmark runs).
 */
import type { HashName } from '../crypto';
import { nodeOs } from '../lazy-builtins';
import type { WasmHash } from './hash-wasm';
import { pbkdf2RunsInWorker, pkcs12KdfRunsInWorker } from './placement';
import { countText } from '../count-text';

/** One derivation: `iterations` sequential rounds for each of `blocks` output blocks. */
export interface Derivation {
  kind: 'pkcs12-kdf' | 'pbkdf2';
  hash: HashName;
  iterations: number;
  blocks: number;
}

/** Nanoseconds per round: WebAssembly loops for SHA-1/256, native hashing (one call per round) otherwise. */
const PKCS12_KDF_NS: Record<HashName, number> = { sha1: 85, sha256: 165, md5: 900, sha224: 1000, sha384: 1100, sha512: 1100 };
/** PBKDF2 rounds (two compressions each): native, or the WebAssembly loop (see placement.ts). */
const PBKDF2_NATIVE_NS: Record<HashName, number> = { sha1: 195, sha256: 175, md5: 170, sha224: 175, sha384: 420, sha512: 420 };
const PBKDF2_WASM_NS: Record<WasmHash, number> = { sha1: 172, sha256: 335 };
/** Starting a worker and tiering its WebAssembly up. */
const WORKER_START_MS = 40;

/** Measured / modelled time of recent long derivations on this machine (1 until one completes). */
let machineFactor = 1;

export function rounds(d: Derivation): number {
  return d.iterations * d.blocks;
}

function inWorker(d: Derivation): boolean {
  return d.kind === 'pkcs12-kdf' ? pkcs12KdfRunsInWorker(d.iterations) : pbkdf2RunsInWorker(d.hash, d.iterations);
}

function nsPerRound(d: Derivation): number {
  if (d.kind === 'pkcs12-kdf') return PKCS12_KDF_NS[d.hash];
  return pbkdf2RunsInWorker(d.hash, d.iterations) ? PBKDF2_WASM_NS[d.hash] : PBKDF2_NATIVE_NS[d.hash];
}

/** Modelled milliseconds for one derivation, before this machine's factor. */
function modelMs(d: Derivation): number {
  return (rounds(d) * nsPerRound(d)) / 1e6 + (inWorker(d) ? WORKER_START_MS : 0);
}

export function estimateMs(d: Derivation): number {
  return modelMs(d) * machineFactor;
}

/**
 * Derivations that run concurrently (one worker or thread-pool slot each): bounded below by the longest,
 * and by the total spread over the cores.
 */
export function estimateConcurrentMs(ds: Derivation[]): number {
  if (ds.length === 0) return 0;
  const each = ds.map(estimateMs);
  const cores = Math.max(1, Math.min(ds.length, nodeOs().availableParallelism()));
  return Math.max(Math.max(...each), each.reduce((a, b) => a + b, 0) / cores);
}

/** Rescales the model after a derivation that took long enough to measure (smoothed, clamped). */
export function recordDerivation(d: Derivation, elapsedMs: number): void {
  const model = modelMs(d);
  if (model < 100) return;
  const observed = Math.min(10, Math.max(0.2, elapsedMs / model));
  machineFactor = machineFactor * 0.5 + observed * 0.5;
}

/** Times a derivation and feeds the model. */
export async function measured<T>(d: Derivation, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  recordDerivation(d, performance.now() - start);
  return result;
}

/** "about 1.2 s", "about 40 s". */
export function describeDuration(ms: number): string {
  return ms < 9500 ? `about ${(ms / 1000).toFixed(1)} s` : `about ${Math.round(ms / 1000)} s`;
}

export function describeRounds(n: number): string {
  return `${countText(n)} round${n === 1 ? '' : 's'}`;
}

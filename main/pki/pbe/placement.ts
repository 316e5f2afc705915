/** Where a derivation runs: in-thread or native on libuv's pool, or the WebAssembly loop in a terminable worker. */
import type { HashName } from '../crypto';
import type { WasmHash } from './hash-wasm';

/** PKCS#12 KDF: above this many rounds the hashing moves to a worker so the event loop stays responsive. */
export const OFF_THREAD_ITERATIONS = 50_000;

/**
 * PBKDF2: from these counts on, the WebAssembly loop in a terminable worker. HMAC-SHA1 there is faster than
 * native (~170 against ~195 ns a round of CPU here), so it moves as soon as a worker pays for itself.
 * HMAC-SHA256 is slower there (~335 against ~175 ns with SHA-NI), so it moves only when what Stop could not
 * interrupt natively would exceed ~0.2 s.
 */
export const STOPPABLE_PBKDF2_ITERATIONS: Record<WasmHash, number> = { sha1: 100_000, sha256: 1_000_000 };

export const isWasmHash = (hash: HashName): hash is WasmHash => hash === 'sha1' || hash === 'sha256';

export function pkcs12KdfRunsInWorker(iterations: number): boolean {
  return iterations > OFF_THREAD_ITERATIONS;
}

export function pbkdf2RunsInWorker(hash: HashName, iterations: number): hash is WasmHash {
  return isWasmHash(hash) && iterations >= STOPPABLE_PBKDF2_ITERATIONS[hash];
}

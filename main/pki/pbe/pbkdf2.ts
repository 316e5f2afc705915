/**
 * PBKDF2 (RFC 8018 5.2) for PBES2. Short derivations use native PBKDF2 on libuv's thread pool; long ones
 * with HMAC-SHA1/SHA-256 run the WebAssembly loop in a worker, because a native PBKDF2 call cannot be
 * interrupted: after Stop it would burn its whole count (seconds at millions of rounds).
 */
import { type HashName, hmac, pbkdf2 as nativePbkdf2 } from '../crypto';
import { cancelled } from '../eval-worker';
import { type RunOptions, pbkdf2Blocks } from './hash-iterate';
import type { WasmHash } from './hash-wasm';
import { hmacStates } from './hmac-state';

/**
 * From these counts on PBKDF2 runs the WebAssembly loop in a terminable worker. HMAC-SHA1 there is faster
 * than native (~170 against ~195 ns a round of CPU here), so it moves as soon as a worker pays for itself.
 * HMAC-SHA256 is slower there (~335 against ~175 ns with SHA-NI), so it moves only when what Stop could
 * not interrupt natively would exceed ~0.2 s.
 */
export const STOPPABLE_PBKDF2_ITERATIONS: Record<WasmHash, number> = { sha1: 100_000, sha256: 1_000_000 };

const HASH_BYTES: Record<HashName, number> = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

const isWasmHash = (hash: HashName): hash is WasmHash => hash === 'sha1' || hash === 'sha256';

export async function pbkdf2(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  keyLength: number,
  hash: HashName,
  options: RunOptions = {},
): Promise<Uint8Array> {
  if (isWasmHash(hash) && iterations >= STOPPABLE_PBKDF2_ITERATIONS[hash]) return pbkdf2InWorker(password, salt, iterations, keyLength, hash, options);
  // Native: cannot be interrupted, but is not started after Stop and its key is not used after it.
  if (options.signal?.aborted) throw cancelled();
  const key = await nativePbkdf2(password, salt, iterations, keyLength, hash);
  if (options.signal?.aborted) throw cancelled();
  options.onProgress?.(1);
  return key;
}

export async function pbkdf2InWorker(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  keyLength: number,
  hash: WasmHash,
  options: RunOptions = {},
): Promise<Uint8Array> {
  const count = Math.ceil(keyLength / HASH_BYTES[hash]);
  const blocks = Array.from({ length: count }, (_, i) => {
    const input = new Uint8Array(salt.length + 4);
    input.set(salt);
    new DataView(input.buffer).setUint32(salt.length, i + 1);
    return { u1: hmac(hash, password, input) };
  });
  const out = await pbkdf2Blocks(hash, hmacStates(hash, password), blocks, iterations, options);
  const key = new Uint8Array(count * HASH_BYTES[hash]);
  out.forEach((t, i) => key.set(t, i * HASH_BYTES[hash]));
  return key.subarray(0, keyLength);
}

/**
 * PBKDF2 (RFC 8018 5.2) for PBES2. Short derivations use native PBKDF2 on libuv's thread pool; long ones
 * with HMAC-SHA1/SHA-256 run the WebAssembly loop in a worker, because a native PBKDF2 call cannot be
 * interrupted: after Stop it would burn its whole count (seconds at millions of rounds).
 */
import { type HashName, hmac, pbkdf2 as nativePbkdf2 } from '../crypto';
import { cancelled } from '../errors';
import { type RunOptions, pbkdf2Blocks } from './hash-iterate';
import type { WasmHash } from './hash-wasm';
import { hmacStates } from './hmac-state';
import { pbkdf2RunsInWorker } from './placement';
import { HASH_BYTES } from '../crypto';


export async function pbkdf2(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  keyLength: number,
  hash: HashName,
  options: RunOptions = {},
): Promise<Uint8Array> {
  if (pbkdf2RunsInWorker(hash, iterations)) return pbkdf2InWorker(password, salt, iterations, keyLength, hash, options);
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

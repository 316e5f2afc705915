/**
 * The two chaining states of an HMAC key (RFC 2104): SHA compressed over (key ^ ipad) and (key ^ opad).
 * PBKDF2 hashes millions of messages under one key, so the WebAssembly loop starts from these states
 * instead of re-hashing the key block each round. One compression each, in plain JS: it runs once.
 */
import { digest } from '../crypto';
import { INITIAL_STATE, type WasmHash } from './hash-wasm';

// prettier-ignore
const K256 = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

function sha256Block(state: number[], w: number[]): number[] {
  for (let i = 16; i < 64; i++) {
    const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
    const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let [a, b, c, d, e, f, g, h] = state;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + K256[i] + w[i]) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)))) | 0;
    [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
  }
  return [a, b, c, d, e, f, g, h].map((x, i) => (x + state[i]) | 0);
}

function sha1Block(state: number[], w: number[]): number[] {
  for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  let [a, b, c, d, e] = state;
  for (let i = 0; i < 80; i++) {
    const f = i < 20 ? d ^ (b & (c ^ d)) : i >= 40 && i < 60 ? (b & c) | (d & (b | c)) : b ^ c ^ d;
    const k = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6][Math.floor(i / 20)];
    [e, d, c, b, a] = [d, c, rotl(b, 30), a, (rotl(a, 5) + f + e + k + w[i]) | 0];
  }
  return [a, b, c, d, e].map((x, i) => (x + state[i]) | 0);
}

/** Chaining state after one 64-byte block, as signed 32-bit words (what the WebAssembly loop loads). */
export function compressBlock(hash: WasmHash, block: Uint8Array): number[] {
  const view = new DataView(block.buffer, block.byteOffset, 64);
  const w = Array.from({ length: 16 }, (_, i) => view.getInt32(i * 4));
  return hash === 'sha256' ? sha256Block(INITIAL_STATE.sha256, w) : sha1Block(INITIAL_STATE.sha1, w);
}

export interface HmacStates {
  inner: number[];
  outer: number[];
}

export function hmacStates(hash: WasmHash, key: Uint8Array): HmacStates {
  const k = new Uint8Array(64);
  k.set(key.length > 64 ? digest(hash, key) : key);
  return { inner: compressBlock(hash, k.map((b) => b ^ 0x36)), outer: compressBlock(hash, k.map((b) => b ^ 0x5c)) };
}

/**
 * Tiny WebAssembly modules, assembled here from JS, for the two sequential hash loops of password-based
 * key derivation, for SHA-1 and SHA-256:
 *   - iterate(count): the digest at memory[0..) becomes hash^count(digest) (the PKCS#12 KDF, RFC 7292 B.2);
 *   - hmacIterate(count): count PBKDF2 rounds (RFC 8018 5.2): U = HMAC(P, U); T ^= U, where the HMAC key
 *     is given as its two precomputed chaining states (inner at memory[64..), outer at memory[96..)).
 * Memory holds big-endian hash words as i32: U (or the digest) at byte 0, T at 32, inner 64, outer 96.
 * Why: one crypto.hash() call per round costs ~1 us of call overhead, and native PBKDF2 cannot be
 * interrupted; these loops, once V8 tiers them up to TurboFan, cost ~100-150 ns a compression and stop
 * the moment their worker is terminated. Every message here is one block whose padding is constant.
 */
import { FunctionBody, OP, assembleModule } from './wasm-asm';

export type WasmHash = 'sha1' | 'sha256';

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

export const INITIAL_STATE: Record<WasmHash, number[]> = {
  sha1: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
  sha256: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
};

/** Output words: 5 for SHA-1, 8 for SHA-256. */
export const WORDS: Record<WasmHash, number> = { sha1: 5, sha256: 8 };

export const MEMORY = { digest: 0, accumulator: 32, inner: 64, outer: 96 } as const;

/**
 * Emits one compression of the block [msg words, 0x80000000, 0..., lengthBits] from the chaining state
 * pushed by `init(i)`; leaves state + result in `out`. `msg` and `out` may be the same locals.
 */
type Compress = (f: FunctionBody, init: (i: number) => void, msg: number[], lengthBits: number, out: number[]) => void;

function blockSchedule(f: FunctionBody, W: number[], msg: number[], lengthBits: number): void {
  for (let i = 0; i < 16; i++) {
    if (i < msg.length) f.get(msg[i]);
    else f.k(i === msg.length ? 0x80000000 : i === 15 ? lengthBits : 0);
    f.set(W[i]);
  }
}

function sha256Compress(W: number[], V: number[], T1: number): Compress {
  return (f, init, msg, lengthBits, out) => {
    blockSchedule(f, W, msg, lengthBits);
    for (let i = 0; i < 8; i++) (init(i), f.set(V[i]));
    for (let i = 0; i < 64; i++) {
      // Registers rotate by renaming instead of moving: round i's "a" is V[(0 - i) mod 8], and so on.
      const [A, B, C, D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => V[(j - (i % 8) + 64) % 8]);
      const w = W[i & 15];
      if (i >= 16) {
        const x = W[(i - 15) & 15];
        const y = W[(i - 2) & 15];
        f.get(w);
        f.rotr(x, 7).rotr(x, 18).op(OP.xor).get(x).k(3).op(OP.shrU, OP.xor, OP.add);
        f.get(W[(i - 7) & 15]).op(OP.add);
        f.rotr(y, 17).rotr(y, 19).op(OP.xor).get(y).k(10).op(OP.shrU, OP.xor, OP.add);
        f.set(w);
      }
      // t1 = h + Σ1(e) + Ch(e, f, g) + K[i] + w[i]
      f.get(H).rotr(E, 6).rotr(E, 11).op(OP.xor).rotr(E, 25).op(OP.xor, OP.add);
      f.get(G).get(E).get(F).get(G).op(OP.xor, OP.and, OP.xor, OP.add);
      f.k(K256[i]).op(OP.add).get(w).op(OP.add).set(T1);
      // d += t1; h = t1 + Σ0(a) + Maj(a, b, c)
      f.get(D).get(T1).op(OP.add).set(D);
      f.get(T1).rotr(A, 2).rotr(A, 13).op(OP.xor).rotr(A, 22).op(OP.xor, OP.add);
      f.get(A).get(B).op(OP.and).get(C).get(A).get(B).op(OP.or, OP.and, OP.or, OP.add).set(H);
    }
    for (let i = 0; i < 8; i++) (init(i), f.get(V[i]).op(OP.add).set(out[i]));
  };
}

const K1 = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6];

function sha1Compress(W: number[], V: number[]): Compress {
  return (f, init, msg, lengthBits, out) => {
    blockSchedule(f, W, msg, lengthBits);
    for (let i = 0; i < 5; i++) (init(i), f.set(V[i]));
    for (let i = 0; i < 80; i++) {
      // Renaming again: round i's "a" is V[(0 - i) mod 5]; the new "a" lands in the old "e" slot.
      const [A, B, C, D, E] = [0, 1, 2, 3, 4].map((j) => V[(j - (i % 5) + 80) % 5]);
      const w = W[i & 15];
      if (i >= 16) {
        f.get(W[(i - 3) & 15]).get(W[(i - 8) & 15]).op(OP.xor).get(W[(i - 14) & 15]).op(OP.xor).get(w).op(OP.xor);
        f.k(1).op(OP.rotl).set(w);
      }
      // e = rotl(a, 5) + f(b, c, d) + e + K + w; b = rotl(b, 30)
      f.rotl(A, 5);
      if (i < 20) f.get(D).get(B).get(C).get(D).op(OP.xor, OP.and, OP.xor); // Ch = d ^ (b & (c ^ d))
      else if (i >= 40 && i < 60) f.get(B).get(C).op(OP.and).get(D).get(B).get(C).op(OP.or, OP.and, OP.or); // Maj
      else f.get(B).get(C).op(OP.xor).get(D).op(OP.xor); // Parity
      f.op(OP.add).get(E).op(OP.add).k(K1[Math.floor(i / 20)]).op(OP.add).get(w).op(OP.add).set(E);
      f.rotl(B, 30).set(B);
    }
    for (let i = 0; i < 5; i++) (init(i), f.get(V[i]).op(OP.add).set(out[i]));
  };
}

function compressor(hash: WasmHash, f: FunctionBody): Compress {
  const W = f.alloc(16);
  return hash === 'sha256' ? sha256Compress(W, f.alloc(8), f.alloc(1)[0]) : sha1Compress(W, f.alloc(5));
}

function iterateFunction(hash: WasmHash): FunctionBody {
  const n = WORDS[hash];
  const f = new FunctionBody(1);
  const S = f.alloc(n);
  const compress = compressor(hash, f);
  const H0 = INITIAL_STATE[hash];
  for (let i = 0; i < n; i++) f.load(S[i], MEMORY.digest + i * 4);
  f.loopCount(0, () => compress(f, (i) => f.k(H0[i]), S, n * 32, S));
  for (let i = 0; i < n; i++) f.store(MEMORY.digest + i * 4, S[i]);
  return f;
}

function hmacIterateFunction(hash: WasmHash): FunctionBody {
  const n = WORDS[hash];
  const f = new FunctionBody(1);
  const [U, T, I, O, X] = [0, 1, 2, 3, 4].map(() => f.alloc(n));
  const compress = compressor(hash, f);
  // Both HMAC messages follow one 64-byte key block: the length counts it.
  const lengthBits = (64 + n * 4) * 8;
  const words = (locals: number[], at: number, act: (local: number, offset: number) => void) => locals.forEach((l, i) => act(l, at + i * 4));
  words(U, MEMORY.digest, (l, o) => f.load(l, o));
  words(T, MEMORY.accumulator, (l, o) => f.load(l, o));
  words(I, MEMORY.inner, (l, o) => f.load(l, o));
  words(O, MEMORY.outer, (l, o) => f.load(l, o));
  f.loopCount(0, () => {
    compress(f, (i) => f.get(I[i]), U, lengthBits, X);
    compress(f, (i) => f.get(O[i]), X, lengthBits, U);
    for (let i = 0; i < n; i++) f.get(T[i]).get(U[i]).op(OP.xor).set(T[i]);
  });
  words(U, MEMORY.digest, (l, o) => f.store(o, l));
  words(T, MEMORY.accumulator, (l, o) => f.store(o, l));
  return f;
}

/** The module bytes: exports `iterate(count)`, `hmacIterate(count)` (count >= 1) and its memory `mem`. */
export function hashWasm(hash: WasmHash): Uint8Array<ArrayBuffer> {
  return assembleModule({ iterate: iterateFunction(hash), hmacIterate: hmacIterateFunction(hash) });
}

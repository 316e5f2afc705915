/**
 * A tiny WebAssembly module, assembled here from JS, exporting `iterate(count)`: it replaces the SHA-256
 * digest stored as 8 big-endian words at memory[0..32) by SHA-256 applied `count` times (count >= 1).
 * Why: the PKCS#12 MAC key needs up to 600,000 sequential SHA-256 rounds of a 32-byte input. One
 * crypto.hash() call per round costs ~640 ns of call overhead; an unrolled JS loop ~210 ns; this module,
 * once V8 tiers it up to TurboFan, ~120 ns (i32.rotr is a native rotate, all state in locals).
 * A 32-byte message is a single block whose padding words 8..15 are constant.
 */

// prettier-ignore
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};

const sleb = (n: number): number[] => {
  n |= 0;
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};

// WebAssembly opcodes used below.
const OP = {
  loop: 0x03, end: 0x0b, brIf: 0x0d, localGet: 0x20, localSet: 0x21, localTee: 0x22, load: 0x28, store: 0x36,
  const: 0x41, add: 0x6a, sub: 0x6b, and: 0x71, or: 0x72, xor: 0x73, shrU: 0x76, rotr: 0x78,
} as const;

/** Function body: locals 0 = count (param), 1..8 digest words s, 9..24 schedule w, 25..32 working a..h, 33 t1. */
function body(): number[] {
  const S = (i: number) => 1 + i;
  const W = (i: number) => 9 + i;
  const V = (i: number) => 25 + i;
  const T1 = 33;
  const c: number[] = [];
  const get = (l: number) => c.push(OP.localGet, ...uleb(l));
  const set = (l: number) => c.push(OP.localSet, ...uleb(l));
  const k = (v: number) => c.push(OP.const, ...sleb(v));
  const rotr = (l: number, n: number) => (get(l), k(n), c.push(OP.rotr));

  for (let i = 0; i < 8; i++) (k(0), c.push(OP.load, 2, i * 4), set(S(i)));
  c.push(OP.loop, 0x40);
  for (let i = 0; i < 8; i++) (get(S(i)), set(W(i)));
  k(0x80000000 | 0), set(W(8));
  for (let i = 9; i < 15; i++) (k(0), set(W(i)));
  k(256), set(W(15));
  for (let i = 0; i < 8; i++) (k(H0[i] | 0), set(V(i)));
  for (let i = 0; i < 64; i++) {
    // Registers rotate by renaming instead of moving: round i's "a" is V((0 - i) mod 8), and so on.
    const r = (j: number) => V((j - (i % 8) + 64) % 8);
    const [A, B, C, D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7].map(r);
    const w = W(i & 15);
    if (i >= 16) {
      const x = W((i - 15) & 15);
      const y = W((i - 2) & 15);
      get(w);
      rotr(x, 7), rotr(x, 18), c.push(OP.xor), get(x), k(3), c.push(OP.shrU, OP.xor, OP.add);
      get(W((i - 7) & 15)), c.push(OP.add);
      rotr(y, 17), rotr(y, 19), c.push(OP.xor), get(y), k(10), c.push(OP.shrU, OP.xor, OP.add);
      set(w);
    }
    // t1 = h + Σ1(e) + Ch(e, f, g) + K[i] + w[i]
    get(H), rotr(E, 6), rotr(E, 11), c.push(OP.xor), rotr(E, 25), c.push(OP.xor, OP.add);
    get(G), get(E), get(F), get(G), c.push(OP.xor, OP.and, OP.xor, OP.add);
    k(K[i] | 0), c.push(OP.add), get(w), c.push(OP.add), set(T1);
    // d += t1; h = t1 + Σ0(a) + Maj(a, b, c)
    get(D), get(T1), c.push(OP.add), set(D);
    get(T1), rotr(A, 2), rotr(A, 13), c.push(OP.xor), rotr(A, 22), c.push(OP.xor, OP.add);
    get(A), get(B), c.push(OP.and), get(C), get(A), get(B), c.push(OP.or, OP.and, OP.or, OP.add), set(H);
  }
  for (let i = 0; i < 8; i++) (k(H0[i] | 0), get(V(i)), c.push(OP.add), set(S(i)));
  get(0), k(1), c.push(OP.sub, OP.localTee, 0, OP.brIf, 0, OP.end);
  for (let i = 0; i < 8; i++) (k(0), get(S(i)), c.push(OP.store, 2, i * 4));
  c.push(OP.end);
  return [1, ...uleb(33), 0x7f, ...c]; // one group of 33 i32 locals, then the code
}

function section(id: number, bytes: number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

const name = (s: string) => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];

/** The module bytes: exports `iterate(count: i32)` and its 1-page memory `mem`. */
export function sha256IterateWasm(): Uint8Array<ArrayBuffer> {
  const code = body();
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, 0x7f, 0]), // type: (i32) -> ()
    ...section(3, [1, 0]), // one function of type 0
    ...section(5, [1, 0, 1]), // one memory, min 1 page
    ...section(7, [2, ...name('iterate'), 0, 0, ...name('mem'), 2, 0]),
    ...section(10, [1, ...uleb(code.length), ...code]),
  ]);
}

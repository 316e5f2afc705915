/**
 * Variants of DER fixtures for the tests that hold a fast reader to the asn1js one: seeded byte mutations
 * (flips, overwrites, truncations, insertions, length bumps), and BER re-encodings as old Windows and Java
 * exporters write them (indefinite lengths, OCTET STRINGs in constructed pieces).
 */
import { children, readRoot, value, type Tlv } from '../../main/pki/der/der';

/** A small deterministic PRNG (mulberry32), so a failing mutation can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` mutants of `bytes`, each with one to three edits. */
export function mutants(bytes: Uint8Array, count: number, seed: number): Uint8Array[] {
  const random = prng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    let m: Uint8Array = bytes.slice();
    for (let edits = 1 + pick(3); edits > 0; edits--) {
      const at = pick(m.length);
      switch (pick(5)) {
        case 0:
          m[at] ^= 1 << pick(8);
          break;
        case 1:
          m[at] = pick(256);
          break;
        case 2:
          m = m.slice(0, Math.max(1, at));
          break;
        case 3: {
          const grown = new Uint8Array(m.length + 1);
          grown.set(m.subarray(0, at));
          grown[at] = pick(256);
          grown.set(m.subarray(at), at + 1);
          m = grown;
          break;
        }
        default:
          // Headers are where readers disagree: bump a byte that may be a length.
          m[at] = (m[at] + (random() < 0.5 ? 1 : -1)) & 0xff;
      }
    }
    out.push(m);
  }
  return out;
}

export interface BerOptions {
  /** OCTET STRINGs longer than this become constructed strings of pieces this long. */
  chunk?: number;
  /** Re-encodes an OCTET STRING's contents first (return them unchanged to leave them as they are). */
  inside?: (contents: Uint8Array, depth: number) => Uint8Array;
  /** Elements nested deeper than this are kept as they are (DER). */
  maxDepth?: number;
}

/** `der` with every constructed element in indefinite-length form, and long OCTET STRINGs in pieces. */
export function toBer(der: Uint8Array, options: BerOptions = {}): Uint8Array {
  return Uint8Array.from(encode(readRoot(der), options, 0));
}

function encode(t: Tlv, options: BerOptions, depth: number): number[] {
  if (depth > (options.maxDepth ?? Infinity)) return [...t.bytes.subarray(t.start, t.end)];
  if (t.tag & 0x20) {
    return [t.tag, 0x80, ...children(t).flatMap((c) => encode(c, options, depth + 1)), 0x00, 0x00];
  }
  if (t.tag !== 0x04) return [...t.bytes.subarray(t.start, t.end)];
  const contents = options.inside ? options.inside(value(t), depth) : value(t);
  const chunk = options.chunk ?? Infinity;
  if (contents.length <= chunk) return [0x04, ...lengthOf(contents.length), ...contents];
  const pieces: number[] = [];
  for (let at = 0; at < contents.length; at += chunk) {
    const piece = contents.subarray(at, at + chunk);
    pieces.push(0x04, ...lengthOf(piece.length), ...piece);
  }
  return [0x24, 0x80, ...pieces, 0x00, 0x00];
}

function lengthOf(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

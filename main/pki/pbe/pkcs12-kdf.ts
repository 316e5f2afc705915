/** The PKCS#12 key derivation function (RFC 7292 Appendix B.2). */
import { digest, iterateDigest, iterateDigestOffThread, type HashName } from '../crypto';
import { type Derivation, measured } from './cost';
import { type RunOptions, iterateHash } from './hash-iterate';
import { isWasmHash, pkcs12KdfRunsInWorker } from './placement';

/** What the derived bytes are for (RFC 7292 B.3). */
export const KDF_ID = { key: 1, iv: 2, mac: 3 } as const;

/** Hash output (u) and block (v) sizes in bytes. */
const SIZES: Record<HashName, { u: number; v: number }> = {
  md5: { u: 16, v: 64 },
  sha1: { u: 20, v: 64 },
  sha224: { u: 28, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

function repeatToBlocks(data: Uint8Array, v: number): Uint8Array {
  if (data.length === 0) return data;
  const out = new Uint8Array(v * Math.ceil(data.length / v));
  for (let i = 0; i < out.length; i++) out[i] = data[i % data.length];
  return out;
}

/** What deriving `length` bytes costs, for estimates. */
export function pkcs12KdfWork(hash: HashName, iterations: number, length: number): Derivation {
  return { kind: 'pkcs12-kdf', hash, iterations, blocks: Math.ceil(length / SIZES[hash].u) };
}

/**
 * Derives `length` bytes. `bmpPassword` is the BMPString form (with its two trailing zeros), or empty for
 * OpenSSL's "no password". Aborting `options.signal` stops the worker and rejects with CANCELLED.
 */
export async function pkcs12Kdf(
  hash: HashName,
  bmpPassword: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  length: number,
  options: RunOptions = {},
): Promise<Uint8Array> {
  const { u, v } = SIZES[hash];
  const D = new Uint8Array(v).fill(id);
  const S = repeatToBlocks(salt, v);
  const P = repeatToBlocks(bmpPassword, v);
  const I = new Uint8Array(S.length + P.length);
  I.set(S);
  I.set(P, S.length);
  const blocks = Math.ceil(length / u);
  const out = new Uint8Array(blocks * u);
  const input = new Uint8Array(v + I.length);
  const { onProgress, signal } = options;
  for (let i = 0; i < blocks; i++) {
    input.set(D);
    input.set(I, v);
    const report = onProgress ? (f: number) => onProgress((i + f) / blocks) : undefined;
    const A = await iterateHashed(hash, input, iterations, { onProgress: report, signal });
    report?.(1);
    out.set(A, i * u);
    if (i + 1 === blocks) break;
    // I_j = (I_j + B + 1) mod 2^(8v), where B is A repeated to v bytes.
    const B = repeatToBlocks(A, v).subarray(0, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        carry += I[j + k] + B[k];
        I[j + k] = carry & 0xff;
        carry >>>= 8;
      }
    }
  }
  return out.subarray(0, length);
}

/** hash^iterations(input): SHA-1 and SHA-256 (the common MAC and PBE hashes) in the WebAssembly loop. */
function iterateHashed(hash: HashName, input: Uint8Array, iterations: number, options: RunOptions): Promise<Uint8Array> {
  if (!pkcs12KdfRunsInWorker(iterations)) return Promise.resolve(iterateDigest(hash, input, iterations));
  return measured({ kind: 'pkcs12-kdf', hash, iterations, blocks: 1 }, () => {
    if (isWasmHash(hash)) return iterateHash(hash, digest(hash, input), iterations - 1, options);
    return iterateDigestOffThread(hash, input, iterations, options.onProgress, options.signal);
  });
}

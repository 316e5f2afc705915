/**
 * "Did `issuer`'s key sign `child`?", remembered per process by the child's SHA-256 fingerprint and the SHA-256
 * of the issuer's public key (the answer depends on nothing else, so renewals and cross-signs of one CA share it):
 * the bench validates a thousand leaves under one CA, and the builder asks the same question for every path it tries.
 */
import { digest, verifySignature } from '../crypto';
import { hex, value, whole } from '../der/der';
import type { ChainCert } from './chain-cert';

export type SignatureVerdict =
  | { kind: 'valid' }
  /** `detail` when the reason is not a plain mismatch (the issuer's key could not be loaded). */
  | { kind: 'invalid'; detail?: string }
  /** Certbench cannot check it (DSA, Ed448, an unknown algorithm or key); `detail` says which. */
  | { kind: 'unsupported'; detail: string };

const MAX_CACHED = 100_000;
const cache = new Map<string, SignatureVerdict>();
let checks = 0;

/** Signature verifications actually run (not answered from the cache): the builder's work bound counts these. */
export function signatureChecksRun(): number {
  return checks;
}

/** Key algorithms whose signatures Node verifies the same way in Electron (BoringSSL) and Node (OpenSSL). */
const VERIFIABLE_KEYS = new Set(['RSA', 'RSA-PSS', 'EC', 'Ed25519']);

const keyIds = new WeakMap<ChainCert, string>();

function keyId(cert: ChainCert): string {
  let id = keyIds.get(cert);
  if (id === undefined) {
    id = hex(digest('sha256', cert.spkiDer));
    keyIds.set(cert, id);
  }
  return id;
}

export function cachedSignatureVerdict(child: ChainCert, issuer: ChainCert): SignatureVerdict | undefined {
  return cache.get(child.sha256 + keyId(issuer));
}

export function verifyIssuedBy(child: ChainCert, issuer: ChainCert): SignatureVerdict {
  const key = child.sha256 + keyId(issuer);
  const known = cache.get(key);
  if (known) return known;
  const verdict = verifyNow(child, issuer);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, verdict);
  return verdict;
}

function verifyNow(child: ChainCert, issuer: ChainCert): SignatureVerdict {
  if (!child.signatureScheme) return { kind: 'unsupported', detail: `the signature algorithm ${child.signatureAlgorithm} cannot be verified` };
  if (!VERIFIABLE_KEYS.has(issuer.keyAlgorithm)) return { kind: 'unsupported', detail: `the issuer's ${issuer.keyDescription} key cannot be used to verify signatures` };
  checks++;
  try {
    const ok = verifySignature(issuer.spkiDer, child.signatureScheme, whole(child.fields.tbs), value(child.fields.signature).subarray(1));
    return { kind: ok ? 'valid' : 'invalid' };
  } catch {
    // verifySignature throws only when the issuer's key cannot be loaded at all: a damaged key signs nothing.
    return { kind: 'invalid', detail: `the ${issuer.keyDescription} key of the issuer cannot be loaded` };
  }
}

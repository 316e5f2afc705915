/**
 * The chain builder: every candidate path from a leaf up through a pool of certificates (input, server,
 * trust store, AIA downloads), linked by name and key identifier and confirmed by signature, each validated
 * (validate.ts); cross-signs give several. Bounded: a hostile pool (thousands of same-named CAs, loops) ends
 * in milliseconds with the paths found so far.
 */
import { hex } from '../der/der';
import type { ChainCert } from './chain-cert';
import { cachedSignatureVerdict, verifyIssuedBy } from './signature-check';
import type { CandidatePath, PoolCert, ValidationOptions } from './types';
import { validatePath } from './validate';

export interface BuildOptions extends ValidationOptions {
  /** Most candidate paths to return. Default 8. */
  maxPaths?: number;
}

/** Signature checks tried for one certificate's issuer before giving up on the rest of the same-named candidates. */
const CHECKS_PER_STEP = 64;
/** Signature checks for the whole build. */
const CHECKS_IN_ALL = 10_000;
/** Paths recorded before the search stops (they are sorted and cut to maxPaths afterwards). */
const PATHS_RECORDED = 64;
/** No real chain is longer; a longer walk is a loop of distinct certificates. */
const LONGEST_PATH = 16;

interface Search {
  bySubject: Map<string, PoolCert[]>;
  at: number;
  checksLeft: number;
  found: PoolCert[][];
}

/**
 * Candidate paths, best first: valid and anchored; then anchored with the fewest errors; then the longest
 * unanchored (so the doctor knows where the chain stops). Never empty: the leaf alone is a path.
 */
export function buildPaths(leaf: PoolCert, pool: readonly PoolCert[], options: BuildOptions): CandidatePath[] {
  const search: Search = { bySubject: indexPool(leaf, pool), at: options.at, checksLeft: CHECKS_IN_ALL, found: [] };
  if (leaf.trusted) search.found.push([leaf]);
  else walk(search, [leaf], new Set([logicalId(leaf.cert)]));
  const paths = search.found.map((certs): CandidatePath => {
    const anchored = certs[certs.length - 1].trusted;
    const findings = validatePath(
      certs.map((p) => p.cert),
      anchored,
      options,
    );
    return { certs, anchored, findings, valid: anchored && !findings.some((f) => f.severity === 'error') };
  });
  if (paths.length === 0) {
    const findings = validatePath([leaf.cert], leaf.trusted, options);
    paths.push({ certs: [leaf], anchored: leaf.trusted, findings, valid: leaf.trusted && !findings.some((f) => f.severity === 'error') });
  }
  return paths.sort(better).slice(0, options.maxPaths ?? 8);
}

/** The pool by subject name key, without the leaf and without repeats (a certificate found twice keeps the trusted copy). */
function indexPool(leaf: PoolCert, pool: readonly PoolCert[]): Map<string, PoolCert[]> {
  const bySha = new Map<string, PoolCert>();
  for (const p of pool) {
    if (p.cert.sha256 === leaf.cert.sha256) continue;
    const seen = bySha.get(p.cert.sha256);
    if (!seen || (!seen.trusted && p.trusted)) bySha.set(p.cert.sha256, p);
  }
  const bySubject = new Map<string, PoolCert[]>();
  for (const p of bySha.values()) {
    const list = bySubject.get(p.cert.subjectKey);
    if (list) list.push(p);
    else bySubject.set(p.cert.subjectKey, [p]);
  }
  return bySubject;
}

/** One CA may appear as several certificates (renewals, cross-signs): same name and key = same CA, once per path. */
function logicalId(cert: ChainCert): string {
  let id = logicalIds.get(cert);
  if (id === undefined) {
    id = cert.subjectKey + '|' + hex(cert.spkiDer);
    logicalIds.set(cert, id);
  }
  return id;
}

const logicalIds = new WeakMap<ChainCert, string>();

function walk(search: Search, path: PoolCert[], onPath: Set<string>): void {
  if (search.found.length >= PATHS_RECORDED) return;
  const child = path[path.length - 1].cert;
  const issuers = path.length < LONGEST_PATH ? confirmedIssuers(search, child, onPath) : [];
  if (issuers.length === 0) {
    search.found.push(path);
    return;
  }
  for (const issuer of issuers) {
    const next = [...path, issuer];
    if (issuer.trusted) search.found.push(next);
    else {
      const id = logicalId(issuer.cert);
      onPath.add(id);
      walk(search, next, onPath);
      onPath.delete(id);
    }
    if (search.found.length >= PATHS_RECORDED) return;
  }
}

/** Same-named candidates, most likely first, whose signature over `child` verifies (or cannot be checked). */
function confirmedIssuers(search: Search, child: ChainCert, onPath: Set<string>): PoolCert[] {
  const named = (search.bySubject.get(child.issuerKey) ?? []).filter((p) => !onPath.has(logicalId(p.cert)));
  if (named.length === 0) return [];
  const ranked = named
    .map((p) => ({ p, rank: rank(child, p, search.at) }))
    .sort((a, b) => b.rank - a.rank)
    .map((x) => x.p);
  const out: PoolCert[] = [];
  let checks = 0;
  for (const p of ranked) {
    const known = cachedSignatureVerdict(child, p.cert);
    if (!known) {
      if (checks >= CHECKS_PER_STEP || search.checksLeft <= 0) break;
      checks++;
      search.checksLeft--;
    }
    const verdict = known ?? verifyIssuedBy(child, p.cert);
    // An issuer whose signature cannot be checked stays a candidate: validation names the algorithm.
    if (verdict.kind !== 'invalid') out.push(p);
  }
  return out;
}

/** Key identifiers that agree first, then trust anchors, then certificates valid at the time, then the newest. */
function rank(child: ChainCert, p: PoolCert, at: number): number {
  const c = p.cert;
  let r = 0;
  if (child.akiKeyId && c.ski) r += child.akiKeyId === c.ski ? 8 : -8;
  if (p.trusted) r += 4;
  if (at >= c.notBefore && at <= c.notAfter) r += 2;
  return r + c.notAfter / 1e15;
}

function errors(p: CandidatePath): number {
  return p.findings.filter((f) => f.severity === 'error').length;
}

function better(a: CandidatePath, b: CandidatePath): number {
  if (a.valid !== b.valid) return a.valid ? -1 : 1;
  if (a.anchored !== b.anchored) return a.anchored ? -1 : 1;
  if (a.valid) {
    const warnings = (p: CandidatePath) => p.findings.filter((f) => f.severity === 'warning').length;
    return warnings(a) - warnings(b) || a.certs.length - b.certs.length;
  }
  if (a.anchored) return errors(a) - errors(b) || a.certs.length - b.certs.length;
  return b.certs.length - a.certs.length || errors(a) - errors(b);
}

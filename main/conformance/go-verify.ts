/**
 * The go-verify suite (../shared/corpus/real-world/go-verify-zcrypto): Go's crypto/x509 verify cases as zcrypto
 * kept them, real certificates at a fixed time. A SUCCESS case passes when the best path is valid and its
 * subjects' CNs contain the expected chain's names; a FAILURE case when no path is valid for the reason Go gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainProblemCode, ChainPurpose } from '../api/dto';
import { buildPaths } from '../pki/chain/build';
import { chainCert } from '../pki/chain/chain-cert';
import { commonNames } from '../pki/chain/hostname';
import type { CandidatePath, PoolCert } from '../pki/chain/types';
import { PkiError } from '../pki/errors';
import { parsePemBlocks } from '../pki/formats/pem-blocks';
import { emptyResult, type Suite, type SuiteResult } from './suite';

const FOLDER = join('real-world', 'go-verify-zcrypto');

export interface GoVerifyCase {
  index: number;
  leaf: string;
  intermediates: string[];
  roots: string[];
  /** Seconds since the epoch. */
  currentTime: number;
  dnsName: string | null;
  keyUsages: string[];
  errorCallback: string | null;
  expectedChains: string[][];
  expected: 'SUCCESS' | 'FAILURE';
}

/** Go's ExtKeyUsage names → Certbench's purpose; undefined when Certbench has no such purpose. Go defaults to serverAuth. */
const PURPOSES: Record<string, ChainPurpose | null> = {
  ExtKeyUsageServerAuth: 'serverAuth',
  ExtKeyUsageClientAuth: 'clientAuth',
  ExtKeyUsageAny: null,
};

/** The finding codes that are Certbench's form of each of Go's error kinds. */
const EXPECTED_CODES: Record<string, ChainProblemCode[]> = {
  expectExpired: ['EXPIRED', 'NOT_YET_VALID'],
  expectNeverValid: ['EXPIRED', 'NOT_YET_VALID'],
  expectHostnameError: ['HOSTNAME_MISMATCH'],
  expectHashError: ['BAD_SIGNATURE', 'UNSUPPORTED_ALGORITHM', 'WEAK_SIGNATURE'],
  expectUsageError: ['EXTENDED_KEY_USAGE', 'KEY_USAGE'],
};

/** Cases Certbench answers differently on purpose (besides SHA-1, recognised from the findings), with why. */
const GO_DEVIATIONS: Record<number, string> = {
  18: "Go does not check key usage; a root whose key usage is keyCertSign, cRLSign cannot be a TLS server's own certificate",
};

function caseId(c: GoVerifyCase): string {
  return `${c.index} ${c.leaf}${c.dnsName ? ' ' + c.dnsName : ''}`;
}

function pemCert(dir: string, name: string): Uint8Array {
  const block = parsePemBlocks(readFileSync(join(dir, 'pem', `${name}.pem`), 'utf8')).find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new PkiError('CORRUPT', `${name}.pem holds no certificate`, 'Check the corpus copy.');
  return block.der;
}

function names(path: CandidatePath): string[] {
  return path.certs.map((p) => commonNames(p.cert)[0] ?? p.cert.subject);
}

function errorsOf(path: CandidatePath): string {
  return path.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.detail}`).join('; ') || 'no errors';
}

/** Null when the case passes, else why not. */
export function checkGoVerifyCase(dir: string, c: GoVerifyCase): string | null {
  const pool: PoolCert[] = [
    ...c.roots.map((r) => ({ cert: chainCert(pemCert(dir, r)), source: 'trust-store' as const, trusted: true })),
    ...c.intermediates.map((r) => ({ cert: chainCert(pemCert(dir, r)), source: 'input' as const, trusted: false })),
  ];
  const leaf: PoolCert = { cert: chainCert(pemCert(dir, c.leaf)), source: 'input', trusted: false };
  const usages = c.keyUsages.length ? c.keyUsages : ['ExtKeyUsageServerAuth'];
  const paths = buildPaths(leaf, pool, {
    at: c.currentTime * 1000,
    purpose: PURPOSES[usages[0]] ?? null,
    hostName: c.dnsName,
    expiringSoonDays: 0,
  });
  const best = paths[0];
  if (c.expected === 'SUCCESS') {
    if (!best.valid) {
      const onlySha1 = best.anchored && best.findings.every((f) => f.severity !== 'error' || (f.code === 'WEAK_SIGNATURE' && /SHA-1/.test(f.detail)));
      const why = onlySha1
        ? ' [deliberate: valid but for its SHA-1 signatures, which Go accepted when the case was written and browsers refuse since 2017]'
        : GO_DEVIATIONS[c.index]
          ? ` [deliberate: ${GO_DEVIATIONS[c.index]}]`
          : '';
      return `expected a valid chain; the best path (${names(best).join(' → ')}) has ${errorsOf(best)}${why}`;
    }
    // As Go's test does: each expected name is contained in the whole subject of the certificate at that place.
    const valid = paths.filter((p) => p.valid);
    const subjects = valid.map((p) => p.certs.map((x) => x.cert.subject));
    const missing = c.expectedChains.filter((want) => !subjects.some((g) => g.length === want.length && want.every((w, i) => g[i].includes(w))));
    return missing.length ? `valid, but the chain ${missing.map((m) => m.join(' → ')).join(' and ')} was not among the valid paths (${valid.map((p) => names(p).join(' → ')).join('; ')})` : null;
  }
  if (best.valid) return `expected FAILURE (${c.errorCallback}), got a valid chain ${names(best).join(' → ')}`;
  const kind = c.errorCallback?.replace(/\(.*$/, '') ?? '';
  if (kind === 'expectAuthorityUnknown' || kind === 'expectCertificateInvalid') {
    return paths.some((p) => p.anchored && p.valid) ? `expected no trusted path (${c.errorCallback}), but one was valid` : null;
  }
  const codes = EXPECTED_CODES[kind];
  if (!codes) return null;
  return paths.some((p) => p.findings.some((f) => f.severity === 'error' && codes.includes(f.code)))
    ? null
    : `failed as expected, but not for Go's reason (${c.errorCallback}): ${errorsOf(best)}`;
}

export function runGoVerifyCases(dir: string, cases: readonly GoVerifyCase[]): SuiteResult {
  const result = emptyResult('go-verify');
  for (const c of cases) {
    const unmapped = c.keyUsages.find((u) => !(u in PURPOSES));
    if (unmapped) {
      result.skipped++;
      result.skips.push({ id: caseId(c), feature: `the ${unmapped.replace('ExtKeyUsage', '')} purpose (Certbench checks serverAuth and clientAuth chains)` });
      continue;
    }
    let why: string | null;
    try {
      why = checkGoVerifyCase(dir, c);
    } catch (e) {
      why = `could not run: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (why === null) result.passed++;
    else {
      result.failed++;
      result.failures.push({ id: caseId(c), reason: why });
    }
  }
  return result;
}

export const goVerifySuite: Suite = {
  name: 'go-verify',
  folder: FOLDER,
  async run(corpusDir: string) {
    const dir = join(corpusDir, FOLDER);
    const cases = JSON.parse(readFileSync(join(dir, 'verify_tests.json'), 'utf8')) as GoVerifyCase[];
    return runGoVerifyCases(dir, cases);
  },
};

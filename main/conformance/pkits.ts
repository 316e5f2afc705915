/**
 * The pkits suite (../shared/corpus/pkits): NIST PKITS 2011 as pyca/pyhanko-certvalidator phrase it. Each case
 * builds a path from its end-entity certificate through its other certificates to TrustAnchorRootCertificate,
 * validates it at 2022-05-01 with the case's policy inputs, then checks every certificate but the anchor
 * against the case's CRLs and the anchor's CRL (unless the case says revocation=false).
 *
 * Outcome classes: any validation finding of severity error ↔ PathValidationError; a revoked certificate ↔
 * RevokedError; revocation status unknown ↔ InsufficientRevinfoError AND StaleRevinfoError (both count as
 * "unknown": Certbench reports a stale CRL as unknown with the reason in its detail).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPaths } from '../pki/chain/build';
import { chainCert, type ChainCert } from '../pki/chain/chain-cert';
import type { Finding, PolicyOptions, PoolCert } from '../pki/chain/types';
import { checkCrls } from '../pki/revocation/crl-check';
import { isPkiError } from '../pki/errors';
import { emptyResult, type Suite, type SuiteResult } from './suite';

export interface PkitsCase {
  id: string;
  name: string;
  cert: string;
  other_certs?: string[];
  crls?: string[];
  revocation?: boolean;
  /** Certificates on the path, anchor included. */
  path_len?: number;
  params?: {
    user_initial_policy_set?: string[];
    initial_explicit_policy?: boolean;
    initial_policy_mapping_inhibit?: boolean;
    initial_any_policy_inhibit?: boolean;
  };
  error?: { class: string; msg_regex?: string };
}

export type PkitsOutcome = 'success' | 'PathValidationError' | 'RevokedError' | 'RevocationUnknown';

const ANCHOR = 'TrustAnchorRootCertificate.crt';
const ANCHOR_CRL = 'TrustAnchorRootCRL.crl';
/** PKITS 2011 certificates are valid until 2030; pyhanko validates them at this moment. */
const AT = Date.UTC(2022, 4, 1);

const EXPECTED: Record<string, PkitsOutcome> = {
  PathValidationError: 'PathValidationError',
  RevokedError: 'RevokedError',
  InsufficientRevinfoError: 'RevocationUnknown',
  StaleRevinfoError: 'RevocationUnknown',
};

export const pkitsSuite: Suite = {
  name: 'pkits',
  folder: 'pkits',
  async run(corpusDir: string): Promise<SuiteResult> {
    const dir = join(corpusDir, 'pkits');
    const cases = JSON.parse(readFileSync(join(dir, 'pkits.json'), 'utf8')) as PkitsCase[];
    const files = new PkitsFiles(join(dir, 'pyca-PKITS_data'));
    const result = emptyResult('pkits');
    for (const c of cases) {
      const id = `${c.id} ${c.name}`;
      const expected = expectedOutcome(c);
      if (!expected) {
        result.skipped++;
        result.skips.push({ id, feature: `the error class ${c.error!.class}` });
        continue;
      }
      let got: { outcome: PkitsOutcome; detail: string };
      try {
        got = runPkitsCase(c, files);
      } catch (e) {
        got = { outcome: 'PathValidationError', detail: `threw ${isPkiError(e) ? `${e.code}: ${e.message}` : String(e)}` };
        if (!isPkiError(e)) {
          result.failed++;
          result.failures.push({ id, reason: `crashed: ${e instanceof Error ? e.stack : String(e)}` });
          continue;
        }
      }
      if (got.outcome === expected) result.passed++;
      else {
        result.failed++;
        const want = c.error ? `${c.error.class}${c.error.msg_regex ? ` (${c.error.msg_regex})` : ''}` : 'success';
        result.failures.push({ id, reason: `expected ${want}; got ${got.outcome}${got.detail ? `: ${got.detail}` : ''}` });
      }
    }
    return result;
  },
};

/** Reads and decodes each PKITS file once, from `root`/certs and `root`/crls. */
export class PkitsFiles {
  private certs = new Map<string, ChainCert>();
  private crls = new Map<string, Uint8Array>();
  constructor(private readonly root: string) {}
  cert(name: string): ChainCert {
    let cert = this.certs.get(name);
    if (!cert) this.certs.set(name, (cert = chainCert(new Uint8Array(readFileSync(join(this.root, 'certs', name))))));
    return cert;
  }
  crl(name: string): Uint8Array {
    let crl = this.crls.get(name);
    if (!crl) this.crls.set(name, (crl = new Uint8Array(readFileSync(join(this.root, 'crls', name)))));
    return crl;
  }
}

/** The class the case expects: InsufficientRevinfoError and StaleRevinfoError are both 'RevocationUnknown'. */
export function expectedOutcome(c: PkitsCase): PkitsOutcome | undefined {
  return c.error ? EXPECTED[c.error.class] : 'success';
}

/** Builds, validates and checks one case; throws only what the engine throws. */
export function runPkitsCase(c: PkitsCase, files: PkitsFiles): { outcome: PkitsOutcome; detail: string } {
  const policy: PolicyOptions = {
    initialPolicySet: c.params?.user_initial_policy_set,
    initialExplicitPolicy: c.params?.initial_explicit_policy,
    initialPolicyMappingInhibit: c.params?.initial_policy_mapping_inhibit,
    initialAnyPolicyInhibit: c.params?.initial_any_policy_inhibit,
  };
  const options = { at: AT, purpose: null, hostName: null, policy };
  const leaf: PoolCert = { cert: files.cert(c.cert), source: 'input', trusted: false };
  const others = (c.other_certs ?? []).map((name) => files.cert(name));
  const anchor = files.cert(ANCHOR);
  const pool: PoolCert[] = [...others.map((cert): PoolCert => ({ cert, source: 'input', trusted: false })), { cert: anchor, source: 'trust-store', trusted: true }];

  const paths = buildPaths(leaf, pool, options);
  const chosen = paths.find((p) => p.anchored && p.valid) ?? paths.find((p) => p.anchored);
  if (!chosen) {
    const stop = paths[0].certs[paths[0].certs.length - 1].cert;
    const why = paths[0].findings.filter((f) => f.severity === 'error').map((f) => f.detail);
    return { outcome: 'PathValidationError', detail: `no path to the anchor (the best stops at ${stop.subject})${why.length ? `: ${why.join('; ')}` : ''}` };
  }
  const path = chosen.certs.map((p) => p.cert);
  const findings: Finding[] = chosen.findings;
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) return { outcome: 'PathValidationError', detail: errors.map((f) => `${f.code}@${f.index ?? 'path'} ${f.detail}`).join('; ') };
  if (c.revocation === false) return { outcome: 'success', detail: '' };

  const crls = [...(c.crls ?? []).map((name) => files.crl(name)), files.crl(ANCHOR_CRL)];
  // Top down, as RFC 5280 processes the path: the first certificate that is not good decides.
  for (let i = path.length - 2; i >= 0; i--) {
    const status = checkCrls({ cert: path[i], issuer: path[i + 1], path, crls, others, at: AT });
    const who = i === 0 ? 'the end-entity certificate' : `intermediate ${path.length - 1 - i}`;
    if (status.status === 'revoked') return { outcome: 'RevokedError', detail: `${who} revoked ${status.revokedAt} (${status.reason}): ${status.detail}` };
    if (status.status !== 'good') return { outcome: 'RevocationUnknown', detail: `${who}: ${status.detail}` };
  }
  return { outcome: 'success', detail: '' };
}

/**
 * The limbo suite (../shared/corpus/limbo, C2SP x509-limbo): each case's trusted certificates, untrusted
 * intermediates and peer certificate go through the builder; SUCCESS means some anchored path is valid.
 *
 * Mapped: validation_time (else now), expected_peer_name (DNS or IP), extended_key_usage (serverAuth /
 * clientAuth as the purpose; none = no EKU requirement), max_chain_depth (intermediates, so the path may have
 * two more certificates). Not mapped: signature_algorithms (null in every case of this suite) and key_usage
 * (two cryptography.io cases ask for digitalSignature; Certbench has no such input and checks the leaf's key
 * usage per purpose instead, which gives the same answers there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainPurpose } from '../api/dto';
import { buildPaths } from '../pki/chain/build';
import { chainCert, type ChainCert } from '../pki/chain/chain-cert';
import type { PoolCert } from '../pki/chain/types';
import { PkiError } from '../pki/errors';
import { parsePemBlocks } from '../pki/formats/pem-blocks';
import { emptyResult, type Suite, type SuiteResult } from './suite';

const SUITE_FILE = 'limbo-2023-12-02-ddc40b4.json';

/** A testcase as the limbo schema has it (the fields Certbench maps). */
export interface LimboCase {
  id: string;
  features: string[] | null;
  validation_kind: 'SERVER' | 'CLIENT';
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
  signature_algorithms: string[] | null;
  key_usage: string[] | null;
  extended_key_usage: string[] | null;
  expected_result: 'SUCCESS' | 'FAILURE';
  expected_peer_name: { kind: 'DNS' | 'IP' | 'RFC822'; value: string } | null;
  expected_peer_names: { kind: string; value: string }[] | null;
  max_chain_depth: number | null;
}

/**
 * Limbo features whose cases Certbench deliberately answers the way browsers do rather than the way the case
 * expects. Each is named in the report as a skip, never dropped silently.
 */
export const SKIPPED_FEATURES: Record<string, string> = {
  'pedantic-serial-number': 'rejecting odd serial numbers (Certbench warns, as browsers accept them)',
  'rfc5280-incompatible-with-webpki': 'rejecting non-critical name constraints (Certbench honours them, as browsers and webpki do)',
  'pedantic-rfc5280': 'rejecting a trust anchor that lacks an authority key identifier (Certbench trusts any certificate the user trusts, as browsers do)',
  'pedantic-webpki-eku': 'CA/Browser Forum issuance rules on EKU (EKU required, never critical, no anyExtendedKeyUsage beside serverAuth, none on roots), which browsers do not enforce when validating',
};

/**
 * Cases Certbench answers differently on purpose, with why (as limbo's own implementation-deviations list does
 * for rustls-webpki). They still count as failures; the reason is printed beside them.
 */
export const KNOWN_DEVIATIONS: Record<string, string> = {
  'rfc5280::aki::leaf-missing-aki': 'a missing authority key identifier is a MALFORMED warning: browsers and OpenSSL (without -x509_strict) accept it',
  'rfc5280::aki::intermediate-missing-aki': 'a missing authority key identifier is a MALFORMED warning: browsers and OpenSSL (without -x509_strict) accept it',
  'rfc5280::ski::root-missing-ski': 'a trust anchor without a subject key identifier is accepted without a word (an intermediate gets a MALFORMED warning): browsers and OpenSSL (without -x509_strict) accept it',
  'rfc5280::ski::intermediate-missing-ski': 'a CA without a subject key identifier is a MALFORMED warning: browsers and OpenSSL (without -x509_strict) accept it',
  'rfc5280::root-non-critical-basic-constraints': 'non-critical basic constraints on a trust anchor are accepted (an intermediate gets a MALFORMED warning): browsers and OpenSSL (without -x509_strict) accept them',
  'rfc5280::nc::permitted-dn-match': 'the case asks for the host example.com on a leaf that names only CN=foo (a directoryName SAN); a validator that checks host names cannot pass it',
  'webpki::aki::root-with-aki-missing-keyidentifier': 'an authority key identifier without keyIdentifier on a trust anchor is harmless; OpenSSL accepts it too',
  'webpki::san::no-san': 'a leaf without DNS/IP SANs is matched on its CN, as the issue asks and OpenSSL does (Chrome and webpki refuse)',
  'webpki::san::san-critical-with-nonempty-subject': 'a critical SAN beside a non-empty subject breaks a CA/Browser Forum issuance rule that browsers and OpenSSL do not enforce',
  'webpki::v1-cert': 'a version 1 leaf is accepted, as OpenSSL and Go accept it (only v1/v2 issuers are refused)',
};

export interface LimboOutcome {
  result: 'SUCCESS' | 'FAILURE';
  /** Why, in a line: the best path's findings, or why no path was built. */
  why: string;
}

function certs(pems: readonly string[]): Uint8Array[] {
  return pems.flatMap((pem) => parsePemBlocks(pem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der));
}

function purposeOf(eku: string[] | null): ChainPurpose | null {
  if (eku?.includes('serverAuth')) return 'serverAuth';
  if (eku?.includes('clientAuth')) return 'clientAuth';
  return null;
}

/** Runs one case through the builder and validator. */
export function runLimboCase(c: LimboCase, now = Date.now()): LimboOutcome {
  let leaf: ChainCert;
  try {
    leaf = chainCert(certs([c.peer_certificate])[0]);
  } catch (e) {
    return { result: 'FAILURE', why: `the peer certificate cannot be read: ${e instanceof PkiError ? e.message : String(e)}` };
  }
  const pool: PoolCert[] = [];
  const unreadable: string[] = [];
  const add = (der: Uint8Array, trusted: boolean) => {
    try {
      pool.push({ cert: chainCert(der), source: trusted ? 'trust-store' : 'input', trusted });
    } catch (e) {
      unreadable.push(e instanceof PkiError ? e.message : String(e));
    }
  };
  for (const der of certs(c.trusted_certs)) add(der, true);
  for (const der of certs(c.untrusted_intermediates)) add(der, false);
  const paths = buildPaths({ cert: leaf, source: 'input', trusted: false }, pool, {
    at: c.validation_time ? Date.parse(c.validation_time) : now,
    purpose: purposeOf(c.extended_key_usage),
    hostName: c.expected_peer_name && c.expected_peer_name.kind !== 'RFC822' ? c.expected_peer_name.value : null,
    maxDepth: c.max_chain_depth === null ? undefined : c.max_chain_depth + 2,
    expiringSoonDays: 0,
  });
  const best = paths[0];
  if (best.valid) {
    const warnings = best.findings.filter((f) => f.severity === 'warning').map((f) => `${f.code}: ${f.detail}`);
    return { result: 'SUCCESS', why: `valid path of ${best.certs.length}${warnings.length ? ` (warnings: ${warnings.join('; ')})` : ''}` };
  }
  const errors = best.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.detail}`);
  const why = best.anchored ? errors.join('; ') : `no path to a trusted certificate (stops at ${best.certs[best.certs.length - 1].cert.subject})${errors.length ? '; ' + errors.join('; ') : ''}`;
  return { result: 'FAILURE', why: why + (unreadable.length ? `; unreadable pool certificates: ${unreadable.join('; ')}` : '') };
}

export function runLimboCases(cases: readonly LimboCase[], name = 'limbo'): SuiteResult {
  const result = emptyResult(name);
  for (const c of cases) {
    const skipped = (c.features ?? []).find((f) => SKIPPED_FEATURES[f]);
    if (skipped) {
      result.skipped++;
      result.skips.push({ id: c.id, feature: `${skipped}: ${SKIPPED_FEATURES[skipped]}` });
      continue;
    }
    if (c.validation_kind !== 'SERVER') {
      result.skipped++;
      result.skips.push({ id: c.id, feature: `${c.validation_kind} validation (Certbench validates server chains)` });
      continue;
    }
    const outcome = runLimboCase(c);
    if (outcome.result === c.expected_result) result.passed++;
    else {
      result.failed++;
      const deviation = KNOWN_DEVIATIONS[c.id];
      result.failures.push({ id: c.id, reason: `expected ${c.expected_result}, got ${outcome.result}: ${outcome.why}${deviation ? ` [deliberate: ${deviation}]` : ''}` });
    }
  }
  return result;
}

export const limboSuite: Suite = {
  name: 'limbo',
  folder: 'limbo',
  async run(corpusDir: string) {
    const suite = JSON.parse(readFileSync(join(corpusDir, 'limbo', SUITE_FILE), 'utf8')) as { testcases: LimboCase[] };
    return runLimboCases(suite.testcases);
  },
};

/**
 * The openssl-ocsp suite (../shared/corpus/pyhanko-certvalidator/openssl-ocsp): OpenSSL's own OCSP test
 * responses (direct and delegated responders, bad signatures, wrong responder ids, wrong CertID hashes, a
 * stale answer) as pyhanko-certvalidator runs them. A case passes when verifyOcspResponse trusts every answer
 * of a success case, and for a failure case rejects the same certificate for the same reason as expected.
 *
 * As in pyhanko's soft-fail policy, a certificate that no given response is about is not checked (the
 * GlobalSign intermediate in the delegated cases has an OCSP URL but no response in the suite).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainCert, type ChainCert } from '../pki/chain/chain-cert';
import { children } from '../pki/der/der';
import { parsePemBlocks } from '../pki/formats/pem-blocks';
import { readBasicOcsp } from '../pki/ocsp/response';
import { matchCertId } from '../pki/revocation/ocsp-cert-id';
import { checkOcspResponse, type OcspFailure } from '../pki/revocation/ocsp-verify';
import { emptyResult, type Suite, type SuiteResult } from './suite';

interface OcspCase {
  name: string;
  root: string;
  other_certs?: string[];
  cert: string;
  ocsps: string[];
  moment: string;
  error?: { class: string; msg_regex: string };
}

/** pyhanko's messages → the reason Certbench gives. */
const EXPECTED_FAILURE: [RegExp, OcspFailure][] = [
  [/Unable to verify OCSP response signature/, 'bad-signature'],
  [/signing certificate could not be located/, 'responder-not-found'],
  [/signing certificate could not be validated/, 'responder-not-validated'],
  [/issuer name hash does not match/, 'issuer-name-hash'],
  [/issuer key hash does not match/, 'issuer-key-hash'],
  [/not recent enough/, 'stale'],
];

export const opensslOcspSuite: Suite = {
  name: 'openssl-ocsp',
  folder: 'pyhanko-certvalidator/openssl-ocsp',
  async run(corpusDir: string) {
    return runOpensslOcspCases(join(corpusDir, this.folder));
  },
};

/** Every case of openssl-ocsp.json in `dir` (the corpus folder, or the copy in test/fixtures/corpus). */
export function runOpensslOcspCases(dir: string): SuiteResult {
  const cases = JSON.parse(readFileSync(join(dir, 'openssl-ocsp.json'), 'utf8')) as OcspCase[];
  const result = emptyResult('openssl-ocsp');
  for (const c of cases) record(result, c.name, runCase(dir, c));
  return result;
}

function record(result: SuiteResult, id: string, failure: string | null): void {
  if (failure === null) result.passed++;
  else {
    result.failed++;
    result.failures.push({ id, reason: failure });
  }
}

/** null when the outcome is the expected one, else why not. */
function runCase(dir: string, c: OcspCase): string | null {
  const pem = (file: string) => chainCert(parsePemBlocks(readFileSync(join(dir, file), 'latin1'))[0].der);
  const root = pem(c.root);
  const others = (c.other_certs ?? []).map(pem);
  const path = buildPath(pem(c.cert), [...others, root]);
  const responses = c.ocsps.map((f) => new Uint8Array(Buffer.from(readFileSync(join(dir, f), 'latin1'), 'base64')));
  const at = Date.parse(c.moment);

  let firstFailure: { index: number; failure: OcspFailure; detail: string } | null = null;
  for (let i = 0; i + 1 < path.length && !firstFailure; i++) {
    const about = responses.find((der) => isAbout(der, path[i], path[i + 1]));
    if (!about) continue;
    const verdict = checkOcspResponse(about, { cert: path[i], issuer: path[i + 1], at, others: [root, ...others] });
    if (verdict.failure) firstFailure = { index: i, failure: verdict.failure, detail: verdict.result.detail };
    else if (verdict.result.status !== 'good') firstFailure = { index: i, failure: 'no-response-for-cert', detail: verdict.result.detail };
  }

  if (!c.error) return firstFailure ? `expected success, got ${firstFailure.failure} on certificate ${firstFailure.index}: ${firstFailure.detail}` : null;
  const expected = EXPECTED_FAILURE.find(([re]) => re.test(c.error!.msg_regex))?.[1];
  const expectedIndex = /intermediate certificate (\d+)/.exec(c.error.msg_regex)?.[1];
  const index = expectedIndex ? Number(expectedIndex) : 0;
  if (!firstFailure) return `expected ${expected ?? c.error.msg_regex}, but every response was trusted`;
  if (!expected) return `expected "${c.error.msg_regex}" (no mapping), got ${firstFailure.failure}`;
  if (firstFailure.failure !== expected || firstFailure.index !== index) {
    return `expected ${expected} on certificate ${index}, got ${firstFailure.failure} on certificate ${firstFailure.index}: ${firstFailure.detail}`;
  }
  return null;
}

/** Leaf first: each next certificate is the one whose subject is the previous one's issuer. */
function buildPath(leaf: ChainCert, pool: ChainCert[]): ChainCert[] {
  const path = [leaf];
  for (let cur = leaf; !cur.selfIssued && path.length <= pool.length; ) {
    const next = pool.find((p) => p.subjectKey === cur.issuerKey && !path.includes(p));
    if (!next) break;
    path.push(next);
    cur = next;
  }
  return path;
}

/** The response names this certificate's serial (whatever its issuer hashes say). */
function isAbout(der: Uint8Array, cert: ChainCert, issuer: ChainCert): boolean {
  try {
    const basic = readBasicOcsp(der).basic;
    return !!basic?.responses.some((r) => matchCertId(children(r, 'single response')[0], cert, issuer).kind !== 'other');
  } catch {
    return false;
  }
}

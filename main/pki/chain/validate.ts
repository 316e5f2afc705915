/**
 * RFC 5280 6.1 path validation over one path, leaf first and the trust anchor last: signatures, validity at a
 * time, basic constraints and path length, key usage, extended key usage for the purpose, name constraints,
 * policies (policy-tree.ts), unknown critical extensions, host name (hostname.ts), weak signatures and keys.
 */
import { PkiError } from '../errors';
import { certificateFindings, describeCert, type PathRole } from './cert-checks';
import type { ChainCert } from './chain-cert';
import { matchHostName } from './hostname';
import { checkNameConstraints, constraintExtensionProblems, initialNameConstraints, narrowNameConstraints } from './name-constraints';
import { processPolicies } from './policy-tree';
import { verifyIssuedBy } from './signature-check';
import type { Finding, ValidationOptions } from './types';
import { inconsistentCaFindings, issuerUsageFindings, leafUsageFindings } from './usage';

const DAY = 86_400_000;
const DEFAULT_EXPIRING_SOON_DAYS = 30;

/**
 * Every finding on this path (empty = valid). `path[path.length - 1]` is the anchor when `anchored`; an anchor's own
 * signature is not checked (RFC 5280's trust-anchor inputs are its key and name). An unanchored path is checked
 * the same way up to its last certificate (the caller reports UNTRUSTED_ROOT / MISSING_INTERMEDIATE).
 *
 * Beyond the strict RFC 5280 trust-anchor model, and as OpenSSL and Go do, an anchor's certificate still
 * counts: expired or not yet valid is an error (EXPIRED / NOT_YET_VALID at the anchor's index), a v3 anchor must
 * be a CA allowed to sign certificates, its name constraints, path length and EKU bind the path, an unknown
 * critical extension in it is an error, and a self-signed anchor's authority key identifier must describe itself.
 */
export function validatePath(path: readonly ChainCert[], anchored: boolean, options: ValidationOptions): Finding[] {
  if (path.length === 0) return [{ code: 'NO_CERTIFICATE', severity: 'error', index: null, detail: 'the path holds no certificate' }];
  const findings: Finding[] = [];
  const guard = (index: number | null, step: string, run: () => Finding[]) => {
    try {
      findings.push(...run());
    } catch (e) {
      // A damaged extension must become a finding, not an exception out of the validator.
      const why = e instanceof PkiError ? e.message : String(e);
      findings.push({ code: 'MALFORMED', severity: 'error', index, detail: `${index === null ? 'the path' : describeCert(path[index])}: ${step} could not be read: ${why}` });
    }
  };
  const n = path.length;
  const roleOf = (i: number): PathRole => (anchored && i === n - 1 && n > 1 ? 'anchor' : i === 0 ? 'leaf' : 'intermediate');

  for (let i = 0; i < n; i++) {
    const cert = path[i];
    const role = roleOf(i);
    guard(i, 'its structure', () => certificateFindings(cert, { index: i, role, signatureChecked: i + 1 < n || (!anchored && !cert.selfIssued) }));
    guard(i, 'its validity', () => validityFindings(cert, i, options));
    if (i + 1 < n) guard(i, 'its signature', () => signatureFindings(cert, path[i + 1], i));
    if (i >= 1) {
      guard(i, 'its basic constraints', () => caFindings(cert, i, role));
      guard(i, 'its key usage', () => issuerUsageFindings(cert, i, options.purpose));
    }
  }
  guard(0, 'its key usage', () => [...leafUsageFindings(path[0], options.purpose), ...(n > 1 ? inconsistentCaFindings(path[0], 0) : [])]);
  guard(null, 'path length', () => pathLengthFindings(path, options.maxDepth));
  guard(null, 'name constraints', () => nameConstraintFindings(path));
  if (anchored) guard(null, 'certificate policies', () => policyFindings(path, options));
  if (options.hostName !== null && options.hostName !== '') {
    const host = options.hostName;
    guard(0, 'its names', () => {
      const m = matchHostName(path[0], host);
      return m.matches ? [] : [{ code: 'HOSTNAME_MISMATCH', severity: 'error', index: 0, detail: m.detail }];
    });
  }
  return findings;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function validityFindings(cert: ChainCert, index: number, options: ValidationOptions): Finding[] {
  const who = describeCert(cert);
  const at = options.at;
  if (at > cert.notAfter) return [{ code: 'EXPIRED', severity: 'error', index, detail: `${who} expired on ${isoDate(cert.notAfter)} (checked at ${isoDate(at)})` }];
  if (at < cert.notBefore) return [{ code: 'NOT_YET_VALID', severity: 'error', index, detail: `${who} is not valid before ${isoDate(cert.notBefore)} (checked at ${isoDate(at)})` }];
  const days = options.expiringSoonDays ?? DEFAULT_EXPIRING_SOON_DAYS;
  const left = (cert.notAfter - at) / DAY;
  if (days > 0 && left <= days) return [{ code: 'EXPIRING_SOON', severity: 'warning', index, detail: `${who} expires on ${isoDate(cert.notAfter)}, in ${Math.max(0, Math.floor(left))} days` }];
  return [];
}

function signatureFindings(cert: ChainCert, issuer: ChainCert, index: number): Finding[] {
  const who = describeCert(cert);
  if (cert.issuerKey !== issuer.subjectKey)
    return [{ code: 'MALFORMED', severity: 'error', index, detail: `${who} names its issuer "${cert.issuer}", but the next certificate is "${issuer.subject}"` }];
  const verdict = verifyIssuedBy(cert, issuer);
  if (verdict.kind === 'valid') return [];
  if (verdict.kind === 'unsupported') return [{ code: 'UNSUPPORTED_ALGORITHM', severity: 'error', index, detail: `the signature on ${who} cannot be checked: ${verdict.detail}` }];
  const why = verdict.detail ? `: ${verdict.detail}` : '';
  return [{ code: 'BAD_SIGNATURE', severity: 'error', index, detail: `the signature on ${who} does not verify with the key of ${describeCert(issuer)} (${cert.signatureAlgorithm})${why}` }];
}

/** RFC 5280 6.1.4 (k): a certificate that issued another must be a CA. A v1 anchor is accepted (it has no extensions to say so). */
function caFindings(cert: ChainCert, index: number, role: PathRole): Finding[] {
  const who = describeCert(cert);
  if (cert.version < 3) {
    if (role === 'anchor') return [];
    return [{ code: 'NOT_A_CA', severity: 'error', index, detail: `${who} is a version ${cert.version} certificate, which cannot be an intermediate CA (RFC 5280 6.1.4 (k))` }];
  }
  if (!cert.basicConstraints) return [{ code: 'NOT_A_CA', severity: 'error', index, detail: `${who} issued a certificate but has no basic constraints saying it is a CA` }];
  if (!cert.basicConstraints.ca) return [{ code: 'NOT_A_CA', severity: 'error', index, detail: `${who} issued a certificate but its basic constraints say it is not a CA (cA is false)` }];
  return [];
}

/**
 * RFC 5280 6.1.4 (l)(m): a CA's pathLenConstraint bounds the non-self-issued intermediates below it (the leaf
 * is not counted). maxDepth bounds the whole path, self-issued intermediates (key rollovers) not counted.
 */
function pathLengthFindings(path: readonly ChainCert[], maxDepth: number | undefined): Finding[] {
  const out: Finding[] = [];
  const n = path.length;
  let below = 0; // non-self-issued intermediates strictly between the leaf and the CA at index k
  for (let k = 1; k < n; k++) {
    const limit = path[k].basicConstraints?.pathLen;
    if (limit !== null && limit !== undefined && below > limit) {
      out.push({
        code: 'PATH_LENGTH',
        severity: 'error',
        index: k,
        detail: `pathLenConstraint ${limit} of ${describeCert(path[k])} allows ${limit === 0 ? 'no further CA' : `at most ${limit} further CA${limit === 1 ? '' : 's'}`} below it, but ${below} follow${below === 1 ? 's' : ''}`,
      });
    }
    if (!path[k].selfIssued) below++;
  }
  if (maxDepth !== undefined) {
    const counted = path.filter((c, i) => i === 0 || i === n - 1 || !c.selfIssued).length;
    if (counted > maxDepth) out.push({ code: 'PATH_LENGTH', severity: 'error', index: null, detail: `the path has ${counted} certificates; at most ${maxDepth} are allowed` });
  }
  return out;
}

/** RFC 5280 6.1.3 (b)(c) and 6.1.4 (g), from the anchor down; self-issued intermediates are not checked against the constraints. */
function nameConstraintFindings(path: readonly ChainCert[]): Finding[] {
  const out: Finding[] = [];
  let state = initialNameConstraints();
  for (let k = path.length - 1; k >= 0; k--) {
    const cert = path[k];
    if (k < path.length - 1 && (k === 0 || !cert.selfIssued)) {
      for (const reason of checkNameConstraints(state, cert, k === 0)) out.push({ code: 'NAME_CONSTRAINTS', severity: 'error', index: k, detail: reason });
    }
    for (const reason of constraintExtensionProblems(cert, k === 0 && path.length > 1)) out.push({ code: 'NAME_CONSTRAINTS', severity: 'error', index: k, detail: reason });
    if (k > 0) state = narrowNameConstraints(state, cert);
  }
  return out;
}

function policyFindings(path: readonly ChainCert[], options: ValidationOptions): Finding[] {
  const result = processPolicies(path.slice(0, -1), options.policy);
  if (result.ok) return [];
  return [{ code: 'POLICY', severity: 'error', index: result.index, detail: result.detail ?? 'the certificate policies on the path do not satisfy the policy requirements' }];
}

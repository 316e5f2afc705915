/**
 * The CA's refusals as typed errors: an RFC 8555 problem document (type, detail, subproblems) becomes an
 * AcmeRefusal carrying the CA's own words, with what to do. Network failures are PkiError NETWORK.
 */
import type { AcmeProblemDto } from '../../api/dto';
import { PkiError, type ErrorCode } from '../errors';
import { errorCode, quote, socketError } from '../net/net-errors';
import { challengeHint, type ChallengeContext } from './challenge-hints';

export class AcmeRefusal extends PkiError {
  readonly problem: AcmeProblemDto;
  constructor(problem: AcmeProblemDto) {
    super(problem.code, problem.message, problem.hint);
    this.name = 'AcmeRefusal';
    this.problem = problem;
  }
}

/** Any thrown error as the problem an order shows (AcmeRefusal keeps the CA's type and subproblems). */
export function problemOf(e: unknown): AcmeProblemDto {
  if (e instanceof AcmeRefusal) return e.problem;
  if (e instanceof PkiError) return { code: e.code, message: e.message, hint: e.hint, caType: null, subproblems: [] };
  return { code: 'INTERNAL' as ErrorCode, message: `Certbench hit an unexpected problem: ${e instanceof Error ? e.message : String(e)}`, hint: 'Please report this.', caType: null, subproblems: [] };
}

/** An RFC 8555 / RFC 7807 problem document as the CA sent it. */
export interface ProblemDocument {
  type?: string;
  detail?: string;
  status?: number;
  identifier?: { type?: string; value?: string };
  subproblems?: ProblemDocument[];
}

const ACME_URN = 'urn:ietf:params:acme:error:';

export function isProblemDocument(data: unknown): data is ProblemDocument {
  return typeof data === 'object' && data !== null && (typeof (data as ProblemDocument).type === 'string' || typeof (data as ProblemDocument).detail === 'string');
}

/** "rateLimited" for urn:ietf:params:acme:error:rateLimited; other URIs as given; null without a type. */
export function caTypeOf(problem: ProblemDocument): string | null {
  if (typeof problem.type !== 'string' || !problem.type) return null;
  return problem.type.startsWith(ACME_URN) ? problem.type.slice(ACME_URN.length) : problem.type;
}

/** What the refusal was about, for the words and the hint. */
export interface RefusalContext {
  /** "creating the account", "finalizing the order" ... */
  step: string;
  /** The CA's Retry-After header (rateLimited: say when to retry). */
  retryAfter?: string | string[];
  /** The terms URL (userActionRequired, and the Link rel="terms-of-service" header). */
  termsUrl?: string | null;
  caaIdentities?: string[];
}

function detailOf(problem: ProblemDocument): string {
  const detail = typeof problem.detail === 'string' ? problem.detail.replace(/\s+/g, ' ').trim() : '';
  return detail.length > 600 ? `${detail.slice(0, 600)}...` : detail;
}

function subproblemsOf(problem: ProblemDocument): AcmeProblemDto['subproblems'] {
  if (!Array.isArray(problem.subproblems)) return [];
  return problem.subproblems.slice(0, 100).map((s) => ({ identifier: String(s.identifier?.value ?? ''), detail: detailOf(s) || (caTypeOf(s) ?? '') }));
}

function retryWhen(retryAfter: string | string[] | undefined): string | null {
  const ms = retryAfterMs(retryAfter);
  if (ms === null) return null;
  const at = new Date(Date.now() + ms);
  return `${at.toISOString().replace(/\.\d+Z$/, 'Z')} (in ${ms < 120_000 ? `${Math.ceil(ms / 1000)} seconds` : `${Math.ceil(ms / 60_000)} minutes`})`;
}

/** The Retry-After header (seconds or an HTTP date) in milliseconds from now; null when absent or past. */
export function retryAfterMs(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  const ms = at - Date.now();
  return ms > 0 ? ms : null;
}

function refusalHint(caType: string | null, problem: ProblemDocument, context: RefusalContext): string {
  switch (caType) {
    case 'rateLimited': {
      const when = retryWhen(context.retryAfter);
      return `The CA limits how often an account or a name may be ordered. ${when ? `Try again after ${when}` : 'Wait before trying again (an hour or more)'}; use the staging CA while trying things out.`;
    }
    case 'rejectedIdentifier':
      return 'The CA will not issue for at least one of these names (its policy, a public suffix, or an internal name): remove that name from the order.';
    case 'unsupportedIdentifier':
      return 'Order DNS names only (www.example.com, *.example.com); this CA does not issue for that kind of identifier.';
    case 'unauthorized':
      return 'The account may not do this: the names must be validated by this account first, and revoking needs the account that ordered the certificate (or the certificate\'s key).';
    case 'badCSR':
      return 'The CA refused the certificate request: its names must be exactly the names of the order, with a key the CA accepts (RSA 2048-4096, ECDSA P-256/P-384).';
    case 'badPublicKey':
      return 'Choose another key type: RSA 2048, 3072 or 4096, or ECDSA P-256 or P-384 are widely accepted.';
    case 'badSignatureAlgorithm':
      return 'The CA does not accept this key\'s signature algorithm: use an RSA or ECDSA P-256/P-384 account key.';
    case 'caa': {
      const ids = context.caaIdentities?.length ? ` (this CA's CAA name: ${context.caaIdentities.join(', ')})` : '';
      return `A CAA record on the domain does not allow this CA: add a CAA "issue" record naming it${ids}, or remove the restriction, then order again.`;
    }
    case 'externalAccountRequired':
      return 'This CA needs external account binding: give the key ID and HMAC key from your account on the CA\'s web site (--eab-kid and --eab-hmac-key, or the page\'s EAB fields).';
    case 'malformed':
      return /account/.test(context.step)
        ? 'The CA did not accept the account as sent: check the email address and the EAB key ID and HMAC key.'
        : 'The CA did not accept the request as sent: check the names (DNS names only, no spaces or IP addresses, a wildcard only as the first label).';
    case 'userActionRequired': {
      const terms = context.termsUrl ?? null;
      return terms ? `Read and agree to the CA's terms at ${terms}, then try again.` : 'The CA needs you to do something on its web site (usually agree to new terms); follow the link in its message, then try again.';
    }
    case 'serverInternal':
      return 'The CA had a problem on its side: try again in a few minutes.';
    case 'accountDoesNotExist':
      return 'The CA does not know this account (it may have been deactivated): start a new order, which registers a new account.';
    case 'alreadyRevoked':
      return 'Nothing more to do: the certificate is already revoked.';
    case 'badRevocationReason':
      return 'Choose another revocation reason (unspecified, keyCompromise, superseded, cessationOfOperation are the common ones).';
    case 'invalidContact':
    case 'unsupportedContact':
      return 'Check the email address (name@example.com), or leave it empty.';
    case 'orderNotReady':
      return 'Every name of the order must be validated before it is finalized: wait for the challenges to pass (an order that went invalid cannot be finalized: order again).';
    case 'badNonce':
      return 'The CA rejected a replayed request; try again.';
    case 'compound':
      return 'The CA listed a problem per name: see each one.';
    case 'dns':
    case 'connection':
    case 'incorrectResponse':
    case 'tls':
      return 'The CA could not validate a name: check that the challenge is in place and reachable from the internet.';
    default:
      return problem.status && problem.status >= 500 ? 'The CA had a problem on its side: try again later.' : `The CA refused while ${context.step}: follow what its message says.`;
  }
}

/** The CA's problem document as an AcmeRefusal (ACME_REFUSED), quoting its detail. */
export function refusalFrom(problem: ProblemDocument, context: RefusalContext): AcmeRefusal {
  const caType = caTypeOf(problem);
  const detail = detailOf(problem);
  const subproblems = subproblemsOf(problem);
  const said = detail ? `: ${quote(detail, 600)}` : caType ? ` (${caType})` : '';
  const perName = subproblems.length ? ` ${subproblems.map((s) => `${s.identifier}: ${s.detail}`).join('; ')}.` : '';
  return new AcmeRefusal({
    code: 'ACME_REFUSED',
    message: `The CA refused while ${context.step}${said}.${perName}`,
    hint: refusalHint(caType, problem, context),
    caType,
    subproblems,
  });
}

/** An authorization that went invalid: the challenge's own error, per identifier (CHALLENGE_FAILED). */
export function challengeFailure(context: ChallengeContext, problem: ProblemDocument | null): AcmeRefusal {
  const caType = problem ? caTypeOf(problem) : null;
  const detail = problem ? detailOf(problem) : '';
  const subproblems = problem && Array.isArray(problem.subproblems) && problem.subproblems.length ? subproblemsOf(problem) : [{ identifier: context.identifier, detail: detail || 'the CA gave no reason' }];
  return new AcmeRefusal({
    code: 'CHALLENGE_FAILED',
    message: `The CA could not validate ${context.identifier} (${context.type})${detail ? `: ${quote(detail, 600)}` : ', and gave no reason'}.`,
    hint: challengeHint(caType, context),
    caType,
    subproblems,
  });
}

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
]);

const CA_FILE_HINT = 'If the CA uses a private TLS certificate (pebble, step-ca, a company CA), pass the CA\'s certificate with --ca-file (on the Issue page: the "CA certificate" field).';

/** A socket, TLS or timeout failure talking to the CA, as NETWORK in words. */
export function networkFailure(e: unknown, url: string): PkiError {
  let host = url;
  let port = 443;
  try {
    const u = new URL(url);
    host = u.hostname;
    port = Number(u.port) || (u.protocol === 'http:' ? 80 : 443);
  } catch {
    // the URL was checked before; keep the raw text for the message
  }
  const code = errorCode(e);
  const where = `the ACME server at ${host}:${port}`;
  if (TLS_TRUST_CODES.has(code)) {
    return new PkiError('NETWORK', `The TLS certificate of ${where} is not trusted (${code.toLowerCase().replace(/_/g, ' ')}).`, CA_FILE_HINT);
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new PkiError('NETWORK', `The TLS certificate of ${where} is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'}.`, 'Check this machine\'s clock; otherwise the CA must renew its TLS certificate.');
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new PkiError('NETWORK', `The TLS certificate of ${where} is not for the name ${host}.`, 'Use the directory URL exactly as the CA publishes it (the host name its certificate names).');
  }
  if (code === 'CONNECT_TIMEOUT' || code === 'REQUEST_TIMEOUT') {
    return new PkiError('NETWORK', `${where} did not answer in time (${code === 'CONNECT_TIMEOUT' ? 'no connection' : 'no complete answer'}).`, 'Check the directory URL and this machine\'s network; a firewall or proxy may block the way.');
  }
  if (code === 'TOO_LARGE') {
    return new PkiError('NETWORK', `${where} sent an answer too large for an ACME message.`, 'Check the directory URL: it may not be an ACME server.');
  }
  if (code === 'ECONNREFUSED') {
    return new PkiError('NETWORK', `Nothing answers at ${where}: the connection was refused.`, 'Check the directory URL (host and port) and that the CA is running.');
  }
  const err = socketError(e, host, port, 'talking to the CA');
  if (/^EPROTO$|^ERR_SSL_/.test(code)) return new PkiError('NETWORK', `The TLS connection to ${where} failed (${code}).`, 'Check that the directory URL is an https:// address of an ACME server.');
  return new PkiError('NETWORK', err.message, err.hint);
}

/** A step stopped by the user (the signal fired). */
export function acmeCancelled(url: string): PkiError {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the raw text
  }
  return new PkiError('CANCELLED', `The ACME step with ${host} was cancelled.`, 'Start it again when you are ready.');
}

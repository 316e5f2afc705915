/** The CA's JSON objects (orders, authorizations, the directory) read defensively into plain snapshots. */
import type { AcmeDirectoryDto } from '../../api/dto';
import type { AcmeAuthorizationSnapshot, AcmeChallengeSnapshot, AcmeOrderSnapshot, AcmeStatus } from './acme-connection';
import { isProblemDocument, refusalFrom, type ProblemDocument } from './acme-problem';

type Json = Record<string, unknown>;

const STATUSES: readonly AcmeStatus[] = ['pending', 'ready', 'processing', 'valid', 'invalid', 'deactivated', 'expired', 'revoked'];

export function asObject(data: unknown): Json {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Json) : {};
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const status = (v: unknown): AcmeStatus => (STATUSES.includes(v as AcmeStatus) ? (v as AcmeStatus) : 'pending');

function identifierValue(v: unknown): string {
  return String(asObject(v).value ?? '');
}

export function orderSnapshot(url: string, data: unknown): AcmeOrderSnapshot {
  const o = asObject(data);
  const error = isProblemDocument(o.error) ? refusalFrom(o.error as ProblemDocument, { step: 'processing the order' }).problem : null;
  return {
    url,
    status: status(o.status),
    expires: str(o.expires),
    identifiers: Array.isArray(o.identifiers) ? o.identifiers.map(identifierValue) : [],
    authorizations: strings(o.authorizations),
    finalize: str(o.finalize) ?? '',
    certificate: str(o.certificate),
    error,
  };
}

function challengeSnapshot(data: unknown): AcmeChallengeSnapshot {
  const c = asObject(data);
  const error = isProblemDocument(c.error) ? (c.error as ProblemDocument) : null;
  return {
    type: str(c.type) ?? '',
    url: str(c.url) ?? '',
    token: str(c.token) ?? '',
    status: status(c.status),
    error: error ? (error.detail ?? error.type ?? 'failed') : null,
  };
}

export function authorizationSnapshot(url: string, data: unknown): AcmeAuthorizationSnapshot {
  const a = asObject(data);
  const wildcard = a.wildcard === true;
  const name = identifierValue(a.identifier);
  return {
    url,
    identifier: wildcard && !name.startsWith('*.') ? `*.${name}` : name,
    wildcard,
    status: status(a.status),
    expires: str(a.expires),
    challenges: Array.isArray(a.challenges) ? a.challenges.map(challengeSnapshot) : [],
  };
}

/** The problem document of one challenge in the authorization's raw JSON (for CHALLENGE_FAILED). */
export function challengeProblem(authorization: unknown, challengeUrl: string): ProblemDocument | null {
  const challenges = asObject(authorization).challenges;
  if (!Array.isArray(challenges)) return null;
  const c = asObject(challenges.find((x) => asObject(x).url === challengeUrl));
  return isProblemDocument(c.error) ? (c.error as ProblemDocument) : null;
}

export function directorySnapshot(directoryUrl: string, data: unknown): AcmeDirectoryDto {
  const meta = asObject(asObject(data).meta);
  return {
    directoryUrl,
    termsOfService: str(meta.termsOfService),
    website: str(meta.website),
    caaIdentities: strings(meta.caaIdentities),
    externalAccountRequired: meta.externalAccountRequired === true,
  };
}

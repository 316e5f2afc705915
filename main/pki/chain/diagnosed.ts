/** A problem as the doctor words it: the DTO plus the short headline the verdict line uses. */
import type { ChainProblemDto } from '../../api/dto';

export interface Diagnosed extends ChainProblemDto {
  /** What the verdict says when this is the main problem ("The server forgot its intermediate R11"). */
  headline: string;
}

/** Who holds the certificates being checked: a server sends them, files hold them. */
export interface Holder {
  fromServer: boolean;
}

export const holderWho = (h: Holder) => (h.fromServer ? 'The server' : 'The files');
export const holderSends = (h: Holder) => (h.fromServer ? 'The server sends' : 'The files hold');

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Which problem the verdict names first among errors (most basic first), then every other code. */
const PRIORITY: string[] = [
  'NO_CERTIFICATE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'HOSTNAME_MISMATCH',
  'SELF_SIGNED',
  'MISSING_INTERMEDIATE',
  'UNTRUSTED_ROOT',
  'BAD_SIGNATURE',
  'NOT_A_CA',
  'EXTENDED_KEY_USAGE',
  'KEY_USAGE',
  'PATH_LENGTH',
  'NAME_CONSTRAINTS',
  'POLICY',
  'WEAK_SIGNATURE',
  'WEAK_KEY',
  'WRONG_ORDER',
  'REVOCATION_UNKNOWN',
  'EXPIRING_SOON',
  'EXTRA_CERT',
  'DUPLICATE_CERT',
  'CONTAINS_ROOT',
];

const rank = (code: string) => {
  const i = PRIORITY.indexOf(code);
  return i < 0 ? PRIORITY.length : i;
};

/** Errors first, then warnings, then notes; within a severity the most basic problem first, then leaf to root. */
export function byImportance(a: Diagnosed, b: Diagnosed): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || rank(a.code) - rank(b.code) || (a.certIndex ?? 99) - (b.certIndex ?? 99);
}

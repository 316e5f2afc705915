/**
 * Which candidate path the doctor reports: the builder's order (best first) decides, read with the doctor's own
 * rules: only the validator's errors count against a path (the doctor words where a path stops itself).
 */
import type { ChainProblemCode } from '../../api/dto';
import type { CandidatePath, Finding } from './types';

/** Codes the doctor works out itself from the path and the served list; a builder finding with one is dropped. */
export const DOCTOR_CODES: ReadonlySet<ChainProblemCode> = new Set<ChainProblemCode>([
  'MISSING_INTERMEDIATE',
  'UNTRUSTED_ROOT',
  'SELF_SIGNED',
  'WRONG_ORDER',
  'EXTRA_CERT',
  'DUPLICATE_CERT',
  'CONTAINS_ROOT',
  'REVOKED',
  'REVOCATION_UNKNOWN',
  'NO_CERTIFICATE',
]);

export const validatorFindings = (path: CandidatePath): Finding[] => path.findings.filter((f) => !DOCTOR_CODES.has(f.code));

const errors = (path: CandidatePath) => validatorFindings(path).filter((f) => f.severity === 'error').length;

/** Anchored with no validator error. */
export const pathValid = (path: CandidatePath) => path.anchored && errors(path) === 0;

/** The first valid anchored path; else the anchored one with the fewest errors; else the builder's first. */
export function choosePath(paths: readonly CandidatePath[]): number {
  const valid = paths.findIndex(pathValid);
  if (valid >= 0) return valid;
  let best = -1;
  paths.forEach((p, i) => {
    if (p.anchored && (best < 0 || errors(p) < errors(paths[best]))) best = i;
  });
  return best >= 0 ? best : 0;
}

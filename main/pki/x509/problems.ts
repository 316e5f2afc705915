/** Findings about what is structurally wrong with an object (ProblemDto), with the words a person reads. */
import type { ProblemDto } from '../../api/dto';

export type Problem = ProblemDto;

export const problem = (code: string, severity: Problem['severity'], message: string): Problem => ({ code, severity, message });

/** RFC 5280 4.1.1.2: the algorithm inside the signed part must equal the one outside it. */
export function signatureMismatch(inner: string, outer: string, what: string): Problem {
  return problem('SIGNATURE_ALGORITHM_MISMATCH', 'error', `The ${what} says it is signed with ${outer}, but its signed body names ${inner} (RFC 5280 4.1.1.2 requires the same algorithm in both).`);
}

export function invalidTime(field: string): Problem {
  return problem('INVALID_TIME', 'error', `The ${field} time is not a valid UTCTime or GeneralizedTime; OpenSSL prints "Bad time value".`);
}

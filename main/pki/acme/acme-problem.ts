/**
 * The CA's refusals as typed errors: an RFC 8555 problem document (type, detail, subproblems) becomes an
 * AcmeRefusal carrying the CA's own words, with what to do. Network failures are PkiError NETWORK.
 * STUB (owner: acme-engine): problemFrom/refusalFrom are to be completed with the hints per problem type.
 */
import type { AcmeProblemDto } from '../../api/dto';
import { PkiError, type ErrorCode } from '../errors';

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

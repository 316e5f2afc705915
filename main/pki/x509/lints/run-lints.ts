/** Runs every rule on one input; each finding carries its rule's public name and severity. */
import type { CsrProblemDto } from '../../../api/dto';
import { LINT_RULES } from './registry';
import type { LintInput, LintRule } from './types';

export function runLints(input: LintInput, rules: readonly LintRule[] = LINT_RULES): CsrProblemDto[] {
  const out: CsrProblemDto[] = [];
  for (const rule of rules) {
    for (const f of rule.check(input)) {
      const problem: CsrProblemDto = { code: f.code, severity: f.severity ?? rule.severity, message: f.message, rule: rule.rule };
      if (f.field !== undefined) problem.field = f.field;
      out.push(problem);
    }
  }
  return out;
}

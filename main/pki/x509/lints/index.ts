/** CSR lints, one rule per file (zlint style), each named after the public rule it follows (issue 12). Owner: csr-lints. */
import type { CsrProblemDto, CsrSpecDto, SelfSignDto } from '../../../api/dto';
import { readCsr } from '../csr';
import { inputFromCsr } from './input-from-csr';
import { inputFromSpec } from './input-from-spec';
import { runLints } from './run-lints';
import type { LintKeyFacts } from './types';

export type { LintKeyFacts, LintInput, LintRule } from './types';
export { keyFactsForSpec, keyFactsForSpki } from './key-facts';
export { LINT_RULES } from './registry';

/** Lints the form before anything is made: errors block csr.create, warnings and info are shown. */
export function lintSpec(spec: CsrSpecDto, key: LintKeyFacts, selfSign?: SelfSignDto): CsrProblemDto[] {
  return runLints(inputFromSpec(spec, key, selfSign));
}

/** Lints an existing CSR (DER): what an opened CSR shows in its `problems` (after the reader's own findings). */
export function lintCsr(der: Uint8Array): CsrProblemDto[] {
  const { facts, modulus, signatureChecked } = readCsr(der);
  return runLints(inputFromCsr(facts, modulus, signatureChecked));
}

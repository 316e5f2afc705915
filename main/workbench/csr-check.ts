/** csr.check: the lints over the form and key choice, and the same request as a config file and commands. */
import type { CsrCheckDto, CsrProblemDto, CsrSpecDto, KeyChoiceDto, SelfSignDto } from '../api/dto';
import { lintSpec } from '../pki/x509/lints';
import { equivalentCommands, exportReqConfig, subjectLine } from '../pki/x509/openssl-config';
import { baseName } from './convert-plan';
import { resolveKey } from './csr-key-choice';
import type { Session } from './session';

export interface CheckRequest {
  spec: CsrSpecDto;
  key: KeyChoiceDto;
  selfSign?: SelfSignDto;
}

/** `fileBase`: the files the commands name (default: from the CN, as csr.save suggests). */
export function checkCsr(session: Session, request: CheckRequest, fileBase: string = baseNameFor(request.spec)): CsrCheckDto {
  const resolved = resolveKey(session, request.key);
  const problems = lintSpec(request.spec, resolved.facts, request.selfSign);
  const keySpec = resolved.spec;
  return {
    problems,
    ok: !hasErrors(problems),
    subjectLine: subjectLine(request.spec),
    config: exportReqConfig(request.spec, keySpec, request.selfSign, { baseName: fileBase }),
    commands: equivalentCommands(request.spec, keySpec, { baseName: fileBase, selfSign: request.selfSign }),
  };
}

export const hasErrors = (problems: readonly CsrProblemDto[]) => problems.some((p) => p.severity === 'error');

/** The last CN of the form, or null. */
export function commonNameOf(spec: CsrSpecDto): string | null {
  const cn = spec.subject.filter((a) => a.type === 'CN' || a.type === '2.5.4.3').pop()?.value.trim();
  return cn ? cn : null;
}

/** A file name from the CN ("*.example.com" → "wildcard.example.com"), as Convert names its files. */
export const baseNameFor = (spec: CsrSpecDto): string => baseName(null, commonNameOf(spec));

/** Lint errors in plain words, for the refusal of csr.create and the CLI. */
export function lintRefusal(problems: readonly CsrProblemDto[]): string {
  const errors = problems.filter((p) => p.severity === 'error').map((p) => p.message.replace(/\.$/, ''));
  // One finding a line: the CLI prints the message as it is, and a list reads better than a paragraph of them.
  return `The request has ${errors.length === 1 ? 'a problem' : `${errors.length} problems`} to fix first:\n${errors.map((e) => `  - ${e}.`).join('\n')}`;
}

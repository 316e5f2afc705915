/**
 * The lints of csr.check, placed where the user can fix them: under the subject field or name row they are
 * about ('subject.N' is the N-th RDN of spec.subject, 'san.N' the N-th name), else on the step that edits
 * what they name; and the one-line verdict the review opens with.
 */
import type { CsrCheckDto, CsrProblemDto } from '../../../main/api/dto';
import type { CsrForm } from './form';
import { formRowOfSanIndex } from './names';
import type { StepId } from './steps';
import { formRowOfSpecIndex } from './subject';

/** Form places: `subject:ROW`, `san:ROW` (rows of the form), or the field name the lint gave ('key', 'days' …). */
export type ProblemPlaces = ReadonlyMap<string, CsrProblemDto[]>;

/** Where a problem's `field` is in the form; null when it names nothing. */
export function placeOf(field: string | undefined, form: CsrForm): string | null {
  if (!field) return null;
  const m = /^(subject|san)\.(\d+)$/.exec(field);
  if (!m) return field;
  const n = Number(m[2]);
  const row = m[1] === 'subject' ? formRowOfSpecIndex(form.subject, n) : formRowOfSanIndex(form.san, n);
  return row === null ? m[1]! : `${m[1]}:${row}`;
}

export function problemPlaces(problems: readonly CsrProblemDto[], form: CsrForm): ProblemPlaces {
  const out = new Map<string, CsrProblemDto[]>();
  for (const p of problems) {
    const place = placeOf(p.field, form);
    if (place === null) continue;
    out.set(place, [...(out.get(place) ?? []), p]);
  }
  return out;
}

/** The step that edits a field, for "Fix" links in the review. */
export function stepOfField(field: string | undefined): StepId {
  if (!field) return 'review';
  if (field === 'subject' || field.startsWith('subject')) return 'subject';
  if (/^(san|cnAsSan|keyUsage|extendedKeyUsage|challengePassword)/.test(field)) return 'names';
  if (/^(key|signatureHash|days|selfSign|ca|pathLength)/.test(field)) return 'key';
  return 'review';
}

const ORDER = { error: 0, warning: 1, info: 2 };
export const bySeverity = (problems: readonly CsrProblemDto[]) => [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);

export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface Verdict {
  tone: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

/** The review's first line: can it go out as it is? */
export function verdictOf(check: CsrCheckDto | null, selfSigned: boolean): Verdict {
  if (!check) return { tone: 'info', text: 'Checking…' };
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  const warnings = check.problems.filter((p) => p.severity === 'warning').length;
  const ready = selfSigned ? 'Ready to make' : 'Ready to send';
  if (errors > 0) return { tone: 'error', text: `${count(errors, 'problem')} to fix first` };
  if (warnings > 0) return { tone: 'warning', text: `${ready}, with ${count(warnings, 'warning')}` };
  return { tone: 'success', text: ready };
}

/** Why Create cannot run yet, or null: only errors (and a check still on its way) block it, never warnings. */
export function createBlocker(check: CsrCheckDto | null, stale: boolean): string | null {
  if (!check || stale) return 'Checking the form…';
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && check.ok) return null;
  if (errors.length === 0) return 'The check refused the form.';
  return `Fix ${errors.length === 1 ? 'this' : `these ${errors.length} problems`} first: ${errors[0]!.message}`;
}

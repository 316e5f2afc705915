/** No control characters (tab, newline, NUL, DEL, C1 controls) in subject values. */
import { label, quoted } from './subject-attributes';
import type { LintRule } from './types';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const subjectControlCharacters: LintRule = {
  id: 'e_subject_dn_not_printable_characters',
  rule: 'RFC 5280 appendix A',
  severity: 'error',
  check(input) {
    return input.subject
      .filter((a) => CONTROL.test(a.value))
      .map((a) => ({
        code: 'SUBJECT_CONTROL_CHARACTER',
        field: a.field,
        message: `${label(a.type)} ${quoted(a.value)} contains a control character (a tab, line break or similar, often pasted by accident). Retype the value without it.`,
      }));
  },
};

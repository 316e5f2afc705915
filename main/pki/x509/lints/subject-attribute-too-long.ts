/** RFC 5280 appendix A upper bounds (ub-*) per attribute type, counted in characters. */
import { label, quoted } from './subject-attributes';
import type { LintRule } from './types';

const UPPER_BOUNDS: Record<string, number> = {
  CN: 64,
  O: 64,
  OU: 64,
  L: 128,
  ST: 128,
  title: 64,
  serialNumber: 64,
  // RFC 5280 says 255; OpenSSL (and so our writer and most CAs' tooling) stops at 128.
  emailAddress: 128,
  // X.520 ub-postal-code.
  postalCode: 40,
};

export const subjectAttributeTooLong: LintRule = {
  id: 'e_subject_attribute_too_long',
  rule: 'RFC 5280 appendix A upper bounds',
  severity: 'error',
  check(input) {
    return input.subject.flatMap((a) => {
      const max = UPPER_BOUNDS[a.type];
      const length = [...a.value].length;
      if (max === undefined || length <= max) return [];
      const cn = a.type === 'CN' ? ' A long host name belongs in the subject alternative names only; keep the CN short or leave it out.' : ' Shorten it.';
      return [{ code: 'SUBJECT_VALUE_TOO_LONG', field: a.field, message: `${label(a.type)} ${quoted(a.value)} is ${length} characters long; at most ${max} are allowed.${cn}` }];
    });
  },
};

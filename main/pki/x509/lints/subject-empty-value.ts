/** Every attribute value has at least one character; placeholders such as "." or "-" for "none" are refused too. */
import { label } from './subject-attributes';
import type { LintRule } from './types';

const PLACEHOLDERS = new Set(['.', '-', '--', 'n/a', 'N/A', 'NA', 'none', 'None']);

export const subjectEmptyValue: LintRule = {
  id: 'e_subject_empty_value',
  rule: 'RFC 5280 appendix A (SIZE 1..) / CA/B Forum BR 7.1.4.2.2 (j)',
  severity: 'error',
  check(input) {
    return input.subject.flatMap((a) => {
      if (a.value.trim() === '')
        return [{ code: 'SUBJECT_VALUE_EMPTY', field: a.field, message: `${label(a.type)} is empty. Fill it in, or remove the field: an empty value makes a malformed name that CAs refuse.` }];
      if (PLACEHOLDERS.has(a.value.trim()))
        return [{ code: 'SUBJECT_VALUE_PLACEHOLDER', field: a.field, message: `${label(a.type)} is "${a.value.trim()}", a placeholder for "none". Remove the field instead; CAs refuse placeholder values.` }];
      return [];
    });
  },
};

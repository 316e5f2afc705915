/**
 * Attributes RFC 5280 defines as PrintableString only (serialNumber, dnQualifier) must use its characters.
 * C is PrintableString too, but the country rule already demands two capital letters.
 */
import { label, quoted } from './subject-attributes';
import type { LintRule } from './types';

const PRINTABLE_ONLY = new Set(['serialNumber', 'dnQualifier']);
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

export const subjectNotPrintableString: LintRule = {
  id: 'e_subject_printable_string_badalpha',
  rule: 'RFC 5280 appendix A (PrintableString)',
  severity: 'error',
  check(input) {
    return input.subject
      .filter((a) => PRINTABLE_ONLY.has(a.type) && !PRINTABLE.test(a.value))
      .map((a) => {
        const bad = [...new Set([...a.value].filter((c) => !PRINTABLE.test(c)))].join(' ');
        return {
          code: 'SUBJECT_NOT_PRINTABLE_STRING',
          field: a.field,
          message: `${label(a.type)} ${quoted(a.value)} has characters a PrintableString cannot hold (${quoted(bad)}). Use only letters, digits, spaces and the marks ' ( ) + , - . / : = ? (no underscores, @, & or accented letters).`,
        };
      });
  },
};

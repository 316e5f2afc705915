/** C (and the EV jurisdictionC) must be an ISO 3166-1 alpha-2 code in capitals. */
import { ISO_3166_ALPHA_2, ISO_3166_ALPHA_3_TO_2 } from './iso3166';
import { quoted } from './subject-attributes';
import type { LintRule } from './types';

/** Codes people write that ISO spells differently. */
const COMMON_MISTAKES: Record<string, string> = { UK: 'GB', EL: 'GR', EN: 'GB' };

function suggestion(value: string): string | null {
  const upper = value.trim().toUpperCase();
  if (COMMON_MISTAKES[upper]) return COMMON_MISTAKES[upper];
  if (ISO_3166_ALPHA_2.has(upper)) return upper;
  return ISO_3166_ALPHA_3_TO_2[upper] ?? null;
}

export const subjectCountryNotIso: LintRule = {
  id: 'e_subject_country_not_iso',
  rule: 'RFC 5280 4.1.2.4 / X.520 (ISO 3166-1 alpha-2)',
  severity: 'error',
  check(input) {
    return input.subject
      .filter((a) => (a.type === 'C' || a.type === 'jurisdictionC') && a.value !== '' && !ISO_3166_ALPHA_2.has(a.value))
      .map((a) => {
        const s = suggestion(a.value);
        const fix = s ? `Use "${s}".` : 'Use the two-letter ISO 3166 code of the country, in capitals (US, DE, GB, FR ...).';
        return { code: 'SUBJECT_COUNTRY_NOT_ISO', field: a.field, message: `The country ${quoted(a.value)} is not a two-letter ISO 3166 country code. ${fix}` };
      });
  },
};

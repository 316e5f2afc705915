/**
 * Long-lived server certificates: public CAs issue at most 398 days (BR 6.3.2) and Apple platforms refuse TLS
 * server certificates valid for more than 825 days even from a private CA. Fine for a lab.
 */
import type { LintRule } from './types';

export const selfSignedValidity: LintRule = {
  id: 'n_validity_too_long_for_tls',
  rule: 'CA/B Forum BR 6.3.2 / Apple 825-day limit',
  severity: 'info',
  check(input) {
    const s = input.selfSign;
    if (!s || s.ca || s.days <= 398) return [];
    const message =
      s.days > 825
        ? `${s.days} days is longer than Apple platforms (macOS, iOS) accept for a TLS server certificate (825 days), and longer than public CAs issue (398 days). Fine for a lab; choose 398 days or less for browsers.`
        : `${s.days} days is longer than public CAs issue (398 days), and browsers may refuse it. Fine for a lab or an internal service.`;
    return [{ code: 'VALIDITY_TOO_LONG', field: 'days', message }];
  },
};

/**
 * P-521: the Baseline Requirements (6.1.5) allow it, but Mozilla's Root Store Policy (5.1) allows only P-256 and
 * P-384, so CAs in Mozilla's store refuse P-521 keys.
 */
import type { LintRule } from './types';

export const keyEcCurveP521: LintRule = {
  id: 'w_ec_p521_public_ca',
  rule: 'Mozilla Root Store Policy 5.1 (CA/B Forum BR 6.1.5 allows it)',
  severity: 'warning',
  check(input) {
    if (input.key.algorithm !== 'EC' || input.key.curve !== 'P-521') return [];
    return [{ code: 'EC_CURVE_P521', field: 'key', message: 'Public CAs in Mozilla\'s root store accept only P-256 and P-384 keys, so they refuse P-521. Fine for an internal CA; choose P-256 or P-384 for a public one.' }];
  },
};

/**
 * P-521: the Baseline Requirements (6.1.5) allow it, and so does Mozilla's Root Store Policy since version 3.1
 * (June 2026; 2.9 and 3.0 listed only P-256 and P-384 in 5.1). Some public CAs (Let's Encrypt among them) still
 * accept only P-256 and P-384 subscriber keys, and some TLS clients cannot use P-521: a warning, not an error.
 */
import type { LintRule } from './types';

export const keyEcCurveP521: LintRule = {
  id: 'w_ec_p521_public_ca',
  rule: 'CA/B Forum BR 6.1.5 / Mozilla Root Store Policy 5.1',
  severity: 'warning',
  check(input) {
    if (input.key.algorithm !== 'EC' || input.key.curve !== 'P-521') return [];
    return [
      {
        code: 'EC_CURVE_P521',
        field: 'key',
        message: 'Some public CAs (Let\'s Encrypt among them) accept only P-256 and P-384 keys, and some clients cannot use P-521. Fine for an internal CA; choose P-256 or P-384 for the widest acceptance.',
      },
    ];
  },
};

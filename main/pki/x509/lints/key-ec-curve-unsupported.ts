/** ECDSA keys on curves other than the NIST ones (secp256k1, brainpool, P-192 ...): public CAs refuse them. */
import type { LintRule } from './types';

const NIST = new Set(['P-256', 'P-384', 'P-521']);

export const keyEcCurveUnsupported: LintRule = {
  id: 'w_ec_curve_not_nist',
  rule: 'CA/B Forum BR 6.1.5',
  severity: 'warning',
  check(input) {
    const { algorithm, curve } = input.key;
    if (algorithm !== 'EC' || curve === null || NIST.has(curve)) return [];
    return [{ code: 'EC_CURVE_NOT_ALLOWED', field: 'key', message: `The key is on the ${curve} curve. Public CAs accept only NIST P-256 and P-384 (some P-521); most clients support nothing else. Make a P-256 key unless every peer is yours.` }];
  },
};

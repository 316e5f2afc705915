/** RSA keys of fewer than 2048 bits are refused by every public CA and most software. */
import type { LintRule } from './types';

export const keyRsaTooSmall: LintRule = {
  id: 'e_rsa_mod_less_than_2048_bits',
  rule: 'CA/B Forum BR 6.1.5',
  severity: 'error',
  check(input) {
    const { algorithm, size } = input.key;
    if (algorithm !== 'RSA' || size === null || size >= 2048) return [];
    return [{ code: 'RSA_KEY_TOO_SMALL', field: 'key', message: `The RSA key is ${size} bits; at least 2048 are required. Make a new key of 2048 bits or more (3072 for keys meant to last).` }];
  },
};

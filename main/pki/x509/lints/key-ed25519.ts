/** Ed25519/Ed448 are fine for internal PKI, but the Baseline Requirements allow only RSA and ECDSA P-256/384/521. */
import type { LintRule } from './types';

export const keyEd25519: LintRule = {
  id: 'w_key_eddsa_public_ca',
  rule: 'CA/B Forum BR 6.1.5 / 7.1.3.1',
  severity: 'warning',
  check(input) {
    const { algorithm } = input.key;
    if (algorithm !== 'Ed25519' && algorithm !== 'Ed448') return [];
    return [{ code: 'KEY_EDDSA_PUBLIC_CA', field: 'key', message: `${algorithm} keys are fine for an internal CA, but public CAs refuse them and many clients cannot use them. Choose ECDSA P-256 or RSA 2048+ for a public CA.` }];
  },
};

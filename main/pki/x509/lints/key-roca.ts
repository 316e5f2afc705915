/** RSA keys made by the Infineon library affected by ROCA can be factored; public CAs refuse them. */
import { isRocaVulnerable } from '../../keys/roca';
import type { LintRule } from './types';

export const keyRoca: LintRule = {
  id: 'e_rsa_roca_weak_key',
  rule: 'ROCA (CVE-2017-15361)',
  severity: 'error',
  check(input) {
    const { algorithm, modulus } = input.key;
    if (algorithm !== 'RSA' || modulus === undefined || !isRocaVulnerable(modulus)) return [];
    return [
      {
        code: 'RSA_KEY_ROCA',
        field: 'key',
        message: 'This RSA key has the ROCA fingerprint: it was made by a vulnerable Infineon chip (smart card, TPM, YubiKey 4 before 4.3.5) and its private key can be computed from the public one. Do not use it: update the device firmware and make a new key.',
      },
    ];
  },
};

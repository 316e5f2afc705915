/** The PKCS#9 challengePassword travels in clear inside the request; few CAs use it any more. */
import type { LintRule } from './types';

export const challengePassword: LintRule = {
  id: 'w_csr_challenge_password',
  rule: 'RFC 2985 5.4.1',
  severity: 'warning',
  check(input) {
    if (!input.challengePassword) return [];
    return [
      {
        code: 'CHALLENGE_PASSWORD',
        field: 'challengePassword',
        message: 'The request carries a challenge password. It is not encrypted: anyone who sees the CSR can read it, and it does not protect the key. Leave it out unless your CA asks for it.',
      },
    ];
  },
};

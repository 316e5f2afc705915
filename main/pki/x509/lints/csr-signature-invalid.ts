/** An opened request whose self-signature does not verify: it was changed after signing, or is not for this key. */
import type { LintRule } from './types';

export const csrSignatureInvalid: LintRule = {
  id: 'e_csr_signature_invalid',
  rule: 'RFC 2986 3',
  severity: 'error',
  check(input) {
    if (input.signature === 'unchecked')
      return [
        {
          code: 'CSR_SIGNATURE_UNCHECKED',
          severity: 'info',
          field: 'signatureHash',
          message: `Certbench cannot check signatures made with ${input.signatureAlgorithm}; check it with "openssl req -verify -noout -in <file>" before you send it.`,
        },
      ];
    if (input.signature !== 'invalid') return [];
    return [
      {
        code: 'CSR_SIGNATURE_INVALID',
        field: 'signatureHash',
        message: "The request's signature does not verify: it was changed after it was signed, or damaged on the way. A CA will refuse it; make the request again from the key.",
      },
    ];
  },
};

/** The CN, when it names a host, must also be one of the subject alternative names (browsers ignore the CN). */
import type { LintRule } from './types';

export const subjectCnNotInSan: LintRule = {
  id: 'w_subject_common_name_not_in_san',
  rule: 'CA/B Forum BR 7.1.4.2.2',
  severity: 'warning',
  check(input) {
    return input.names
      .filter((n) => n.origin === 'cn')
      .map((n) => ({
        code: 'CN_NOT_IN_SAN',
        field: n.field,
        message:
          input.source === 'form'
            ? `The CN "${n.value}" is not among the subject alternative names; browsers ignore the CN, and CAs require it to be one of the SANs. Switch on "add the CN as a SAN".`
            : `The CN "${n.value}" is not among the subject alternative names; browsers ignore the CN, and CAs require it to be one of the SANs. Make the request again with the CN also listed as a DNS name (the "add the CN as a SAN" switch does this).`,
      }));
  },
};

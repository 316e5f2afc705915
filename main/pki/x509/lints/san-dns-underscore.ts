/** Underscores are legal in DNS but public CAs may no longer certify them (Ballot SC12, 2019). */
import { describeName, dnsNames } from './names';
import type { LintRule } from './types';

export const sanDnsUnderscore: LintRule = {
  id: 'w_dns_name_underscore',
  rule: 'CA/B Forum BR 7.1.4.2.1',
  severity: 'warning',
  check(input) {
    return dnsNames(input.names)
      .filter((n) => n.value.includes('_'))
      .map((n) => ({
        code: 'DNS_NAME_UNDERSCORE',
        field: n.field,
        message: `${describeName(n)} contains an underscore. Fine for an internal CA; a public CA will refuse it. Use a hyphen instead if the name can change.`,
      }));
  },
};

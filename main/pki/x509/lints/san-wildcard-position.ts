/** A wildcard is only ever the whole leftmost label: "*.example.com", never "www.*.example.com" or "w*.example.com". */
import { describeName, dnsNames } from './names';
import type { LintRule } from './types';

export const sanWildcardPosition: LintRule = {
  id: 'e_dns_wildcard_not_leftmost_label',
  rule: 'CA/B Forum BR 7.1.4.2.1 / RFC 6125 6.4.3',
  severity: 'error',
  check(input) {
    return dnsNames(input.names)
      .filter((n) => n.value.includes('*') && n.value !== '*' && !(n.value.startsWith('*.') && !n.value.slice(2).includes('*')))
      .map((n) => ({
        code: 'WILDCARD_NOT_LEFTMOST',
        field: n.field,
        message: `${describeName(n)} has a wildcard in the wrong place. A wildcard must be the whole leftmost label, as in "*.example.com"; browsers and CAs refuse "www.*.example.com" or "w*.example.com".`,
      }));
  },
};

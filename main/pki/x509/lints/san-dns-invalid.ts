/** DNS names must be host names: letters, digits, hyphens; labels of 1-63, names up to 253; IDNs as "xn--" A-labels. */
import { hostNameProblem, withoutWildcard } from './host-name';
import { describeName, dnsNames } from './names';
import type { LintRule } from './types';

export const sanDnsInvalid: LintRule = {
  id: 'e_dns_name_invalid',
  rule: 'RFC 5280 4.2.1.6 / RFC 1034 3.5 / RFC 5890',
  severity: 'error',
  check(input) {
    return dnsNames(input.names).flatMap((n) => {
      const name = withoutWildcard(n.value);
      // Misplaced wildcards are reported by their own rule.
      if (name.includes('*') || n.value === '*') return [];
      const why = hostNameProblem(name);
      if (!why) return [];
      const hint = n.origin === 'cn-as-san' ? ' If the CN is not a host name, switch off "add the CN as a SAN".' : '';
      return [{ code: 'DNS_NAME_INVALID', field: n.field, message: `${describeName(n)} is not a valid host name: ${why}.${hint}` }];
    });
  },
};

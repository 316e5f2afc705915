/** Private, loopback, link-local and other reserved addresses: public CAs may not certify them. */
import { parseIpAddress } from '../ip-address';
import { reservedRange } from './reserved-ip';
import { describeName } from './names';
import type { LintRule } from './types';

export const sanReservedIp: LintRule = {
  id: 'w_ip_address_reserved',
  rule: 'CA/B Forum BR 7.1.4.2.1 (reserved IP addresses)',
  severity: 'warning',
  check(input) {
    return input.names.flatMap((n) => {
      const bytes = n.type === 'IP' ? parseIpAddress(n.value) : null;
      const what = bytes && reservedRange(bytes);
      if (!what) return [];
      return [{ code: 'IP_ADDRESS_RESERVED', field: n.field, message: `${describeName(n)} is ${what}. Fine for an internal CA; a public CA will refuse it.` }];
    });
  },
};

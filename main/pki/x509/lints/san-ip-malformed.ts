/** An IP SAN must be exactly one IPv4 or IPv6 address: no port, mask, zone or host name. */
import { parseIpAddress } from '../ip-address';
import { describeName } from './names';
import type { LintRule } from './types';

export const sanIpMalformed: LintRule = {
  id: 'e_ip_address_malformed',
  rule: 'RFC 5280 4.2.1.6',
  severity: 'error',
  check(input) {
    return input.names
      .filter((n) => n.type === 'IP' && !parseIpAddress(n.value))
      .map((n) => ({
        code: 'IP_ADDRESS_MALFORMED',
        field: n.field,
        message: `${describeName(n)} is not an IP address. Write one IPv4 address ("192.0.2.10") or IPv6 address ("2001:db8::10") without a port, mask or brackets; put host names in DNS names.`,
      }));
  },
};

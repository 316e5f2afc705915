/** A wildcard must leave at least a registrable domain: "*", "*.com" or "*.co.uk" would cover a whole TLD. */
import { describeName, dnsNames } from './names';
import type { LintRule } from './types';

/** Common multi-label public suffixes (a short excerpt of the Public Suffix List, not all of it). */
const PUBLIC_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'co.nz', 'org.nz', 'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'co.kr', 'or.kr', 'com.br', 'net.br', 'org.br', 'com.cn', 'net.cn',
  'org.cn', 'gov.cn', 'com.mx', 'org.mx', 'co.in', 'net.in', 'org.in', 'co.za', 'org.za', 'com.tr', 'com.tw', 'com.hk',
  'com.sg', 'com.ar', 'com.pl', 'co.il', 'com.ua', 'co.id', 'com.my', 'com.ph', 'com.vn', 'com.sa', 'com.eg', 'gv.at', 'co.at',
]);

export const sanWildcardTooBroad: LintRule = {
  id: 'e_dns_wildcard_public_suffix',
  rule: 'CA/B Forum BR 3.2.2.6',
  severity: 'error',
  check(input) {
    return dnsNames(input.names)
      .filter((n) => {
        if (n.value === '*') return true;
        if (!n.value.startsWith('*.')) return false;
        const rest = n.value.slice(2).toLowerCase();
        return !rest.includes('.') || PUBLIC_SUFFIXES.has(rest);
      })
      .map((n) => ({
        code: 'WILDCARD_TOO_BROAD',
        field: n.field,
        message: `${describeName(n)} would cover every name under a top-level or public suffix. Put the wildcard under your own domain, as in "*.example.com".`,
      }));
  },
};

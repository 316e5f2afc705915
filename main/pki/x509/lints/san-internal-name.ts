/** Names that only exist inside a network: public CAs may not certify them (internal names, since 2016). */
import { describeName, dnsNames } from './names';
import type { LintRule } from './types';

/** Suffixes that are not (and will not be) delegated in the public DNS, or are reserved by RFC 2606 / 6761 / 8375. */
const INTERNAL_SUFFIXES = ['local', 'localhost', 'internal', 'lan', 'corp', 'home', 'home.arpa', 'localdomain', 'intranet', 'private', 'test', 'example', 'invalid'];

/** Why a public CA refuses the name, or null. */
function whyInternal(name: string): string | null {
  const n = name.toLowerCase();
  if (n === 'localhost') return 'is "localhost"';
  if (!n.includes('.')) return 'is a single-label name (no domain)';
  const suffix = INTERNAL_SUFFIXES.find((s) => n.endsWith('.' + s));
  return suffix ? `ends in ".${suffix}", which is not a public domain` : null;
}

export const sanInternalName: LintRule = {
  id: 'w_dns_name_internal',
  rule: 'CA/B Forum BR 7.1.4.2.1 (internal names)',
  severity: 'warning',
  check(input) {
    return dnsNames(input.names).flatMap((n) => {
      const name = n.value.startsWith('*.') ? n.value.slice(2) : n.value;
      // "*.com" is too broad, not internal: the wildcard rule says so.
      if (name === '' || name.includes('*') || /\s/.test(name) || (name !== n.value && !name.includes('.'))) return [];
      const why = whyInternal(name);
      if (!why) return [];
      return [{ code: 'DNS_NAME_INTERNAL', field: n.field, message: `${describeName(n)} ${why}. Fine for an internal CA; a public CA will refuse it.` }];
    });
  },
};

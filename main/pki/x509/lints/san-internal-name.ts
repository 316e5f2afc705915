/** Names that only exist inside a network: public CAs may not certify them (internal names, since 2016). */
import { describeName, dnsNames } from './names';
import type { LintRule } from './types';

/** Suffixes that are not (and will not be) delegated in the public DNS, or are reserved by RFC 2606 / 6761 / 8375. */
const INTERNAL_SUFFIXES = ['local', 'localhost', 'internal', 'lan', 'corp', 'home', 'home.arpa', 'localdomain', 'intranet', 'private', 'test', 'example', 'invalid'];

function internalSuffix(name: string): string | null {
  const n = name.toLowerCase();
  if (n === 'localhost') return 'localhost';
  return INTERNAL_SUFFIXES.find((s) => n === s || n.endsWith('.' + s)) ?? null;
}

export const sanInternalName: LintRule = {
  id: 'w_dns_name_internal',
  rule: 'CA/B Forum BR 7.1.4.2.1 (internal names)',
  severity: 'warning',
  check(input) {
    return dnsNames(input.names).flatMap((n) => {
      const name = n.value.startsWith('*.') ? n.value.slice(2) : n.value;
      if (name === '' || name.includes('*') || /\s/.test(name)) return [];
      const suffix = internalSuffix(name);
      const why = suffix === 'localhost' ? 'is "localhost"' : suffix ? `ends in ".${suffix}", which is not a public domain` : !name.includes('.') ? 'is a single-label name (no domain)' : null;
      if (!why) return [];
      return [{ code: 'DNS_NAME_INTERNAL', field: n.field, message: `${describeName(n)} ${why}. Fine for an internal CA; a public CA will refuse it.` }];
    });
  },
};

/** Which subject CNs name a host, and when two names are the same. */
import { parseIpAddress } from '../ip-address';
import type { LintName } from './types';

/**
 * A CN that names a host ("www.example.com", "*.example.com", "10.0.0.1", "localhost") rather than a person or
 * an account ("Jane Doe", "api-user-42@example.com", "build-agent"): DNS or IP, else null.
 */
export function hostLikeCn(cn: string): 'DNS' | 'IP' | null {
  if (parseIpAddress(cn)) return 'IP';
  if (cn.toLowerCase() === 'localhost') return 'DNS';
  return /^[^\s@/:]+\.[^\s@/:]+$/.test(cn) ? 'DNS' : null;
}

/** DNS names compare without case; IP addresses by their bytes (so "::1" equals "0:0:0:0:0:0:0:1"). */
export function sameName(name: LintName, value: string): boolean {
  if (name.type === 'IP') {
    const a = parseIpAddress(name.value);
    const b = parseIpAddress(value);
    return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return name.value.toLowerCase() === value.toLowerCase();
}

const KIND: Record<LintName['type'], string> = { DNS: 'DNS name', IP: 'IP address', email: 'email address', URI: 'URI', other: 'name' };

/** How a name is introduced in a message: 'The DNS name "a.example"', or where it came from when it is the CN. */
export function describeName(n: LintName): string {
  const v = JSON.stringify(n.value);
  if (n.origin === 'cn-as-san') return `The CN ${v} (added as a ${KIND[n.type]} by "add the CN as a SAN")`;
  if (n.origin === 'cn') return `The CN ${v}`;
  return `The ${KIND[n.type]} ${v}`;
}

/** The DNS names among the names (SANs, the CN when it names a host). */
export const dnsNames = (names: LintName[]): LintName[] => names.filter((n) => n.type === 'DNS');

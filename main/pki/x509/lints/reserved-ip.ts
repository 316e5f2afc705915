/** IANA special-purpose address ranges (RFC 6890 and successors): addresses no public CA may certify. */
import { parseIpAddress } from '../ip-address';

interface SpecialRange {
  prefix: number[];
  bits: number;
  what: string;
}

const range = (text: string, bits: number, what: string): SpecialRange => ({ prefix: Array.from(parseIpAddress(text)!), bits, what });

const SPECIAL: SpecialRange[] = [
  range('0.0.0.0', 8, '"this network" (0.0.0.0/8)'),
  range('10.0.0.0', 8, 'a private address (10.0.0.0/8, RFC 1918)'),
  range('100.64.0.0', 10, 'a carrier-grade NAT address (100.64.0.0/10, RFC 6598)'),
  range('127.0.0.0', 8, 'a loopback address (127.0.0.0/8)'),
  range('169.254.0.0', 16, 'a link-local address (169.254.0.0/16)'),
  range('172.16.0.0', 12, 'a private address (172.16.0.0/12, RFC 1918)'),
  range('192.0.0.0', 24, 'an IETF protocol address (192.0.0.0/24)'),
  range('192.0.2.0', 24, 'a documentation address (192.0.2.0/24)'),
  range('192.168.0.0', 16, 'a private address (192.168.0.0/16, RFC 1918)'),
  range('198.18.0.0', 15, 'a benchmarking address (198.18.0.0/15)'),
  range('198.51.100.0', 24, 'a documentation address (198.51.100.0/24)'),
  range('203.0.113.0', 24, 'a documentation address (203.0.113.0/24)'),
  range('224.0.0.0', 4, 'a multicast address (224.0.0.0/4)'),
  range('240.0.0.0', 4, 'a reserved address (240.0.0.0/4)'),
  range('::', 128, 'the unspecified address (::)'),
  range('::1', 128, 'the loopback address (::1)'),
  range('::ffff:0:0', 96, 'an IPv4-mapped address (::ffff:0:0/96)'),
  range('100::', 64, 'a discard-only address (100::/64)'),
  range('2001:db8::', 32, 'a documentation address (2001:db8::/32)'),
  range('fc00::', 7, 'a unique local address (fc00::/7)'),
  range('fe80::', 10, 'a link-local address (fe80::/10)'),
  range('ff00::', 8, 'a multicast address (ff00::/8)'),
];

function inRange(address: Uint8Array, r: SpecialRange): boolean {
  if (address.length !== r.prefix.length) return false;
  for (let bit = 0; bit < r.bits; bit += 8) {
    const left = r.bits - bit;
    const mask = left >= 8 ? 0xff : (0xff << (8 - left)) & 0xff;
    if ((address[bit >> 3] & mask) !== (r.prefix[bit >> 3] & mask)) return false;
  }
  return true;
}

/** What kind of non-public address this is ("a private address (10.0.0.0/8, RFC 1918)"), or null for a public one. */
export function reservedRange(address: Uint8Array): string | null {
  return SPECIAL.find((r) => inRange(address, r))?.what ?? null;
}

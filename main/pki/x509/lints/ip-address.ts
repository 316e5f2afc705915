/** IP address text as a form or `openssl req` config holds it ("10.0.0.1", "2001:db8::1"), parsed strictly. */

/** The 4 or 16 bytes of an address, or null when the text is not exactly one IPv4 or IPv6 address. */
export function parseIp(text: string): Uint8Array | null {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

export function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    // Leading zeros are refused: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    out[i] = Number(p);
  }
  return out;
}

export function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): string[] | null => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  const words: number[] = [];
  const all = [...head, ...tail];
  let v4: Uint8Array | null = null;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    v4 = parseIpv4(last);
    if (!v4) return null;
    all.pop();
    if (tail.length) tail.pop();
    else head.pop();
  }
  for (const g of all) if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
  const wanted = v4 ? 6 : 8;
  if (halves.length === 1 && all.length !== wanted) return null;
  if (halves.length === 2 && all.length > wanted - 1) return null;
  words.push(...head.map((g) => parseInt(g, 16)));
  for (let i = all.length; i < wanted; i++) words.push(0);
  words.push(...tail.map((g) => parseInt(g, 16)));
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  if (v4) out.set(v4, 12);
  return out;
}

interface SpecialRange {
  prefix: number[];
  bits: number;
  what: string;
}

const range = (text: string, bits: number, what: string): SpecialRange => ({ prefix: Array.from(parseIp(text)!), bits, what });

/** IANA special-purpose registries (RFC 6890 and successors): addresses no public CA may certify. */
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

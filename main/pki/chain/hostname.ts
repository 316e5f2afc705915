/**
 * RFC 6125 host name matching: SAN dNSName (wildcard only as the whole leftmost label, never on a public
 * suffix), iPAddress for IP literals, CN only when the certificate has no SAN DNS/IP at all.
 */
import { domainToASCII } from 'node:url';
import { children, contextNumber, oidOf, stringOf, value } from '../der/der';
import { parseIpAddress } from '../x509/ip-address';
import { EXT, type ChainCert } from './chain-cert';

export interface HostMatch {
  matches: boolean;
  /** The names the certificate is valid for ("DNS:example.com", "IP:127.0.0.1"), for the message. */
  names: string[];
  /** Why it does not match, in plain words. */
  detail: string;
}

const COMMON_NAME = '2.5.4.3';

/** The SAN dNSName and iPAddress entries of a certificate (other name forms do not name hosts). */
export interface HostNames {
  dns: string[];
  ips: Uint8Array[];
}

export function sanHostNames(cert: ChainCert): HostNames {
  const out: HostNames = { dns: [], ips: [] };
  const san = cert.extensions.get(EXT.subjectAltName);
  if (!san) return out;
  for (const gn of children(san.value, 'subject alternative name')) {
    const n = contextNumber(gn);
    if (n === 2) out.dns.push(latin1(value(gn)));
    else if (n === 7) out.ips.push(value(gn));
  }
  return out;
}

/** Subject commonName values, in order. */
export function commonNames(cert: ChainCert): string[] {
  const out: string[] = [];
  for (const rdn of children(cert.fields.subject, 'name')) {
    for (const atv of children(rdn, 'name attribute')) {
      const [type, val] = children(atv, 'name attribute');
      if (type && val && oidOf(type) === COMMON_NAME) out.push(stringOf(val));
    }
  }
  return out;
}

function latin1(v: Uint8Array): string {
  let s = '';
  for (let i = 0; i < v.length; i++) s += String.fromCharCode(v[i]);
  return s;
}

/**
 * The address an IP literal names, in any textual form a browser reads: "[::1]" and "::1", "2001:DB8:0::1",
 * and the IPv4 shorthands of the WHATWG URL parser ("127.1", "0x7f.0.0.1"); a zone ("%eth0") is dropped.
 * Null for a DNS name.
 */
export function hostIp(host: string): Uint8Array | null {
  let h = host.trim();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  const zone = h.indexOf('%');
  if (zone >= 0 && h.includes(':')) h = h.slice(0, zone);
  const direct = parseIpAddress(h);
  if (direct || h.includes(':') || !/^[0-9a-fx.]+$/i.test(h) || !/[0-9]$/.test(h.replace(/\.$/, ''))) return direct;
  try {
    return parseIpAddress(new URL(`http://${h}/`).hostname);
  } catch {
    return null;
  }
}

/** Lower case, no trailing dot, Unicode labels as their A-labels (the form certificates carry). */
function canonicalDns(name: string): string {
  let n = name.toLowerCase();
  if (n.endsWith('.')) n = n.slice(0, -1);
  return /[^\x00-\x7f]/.test(n) ? domainToASCII(n) || n : n;
}

export function ipText(ip: Uint8Array): string {
  if (ip.length === 4) return Array.from(ip).join('.');
  if (ip.length !== 16) return `<${ip.length}-byte address>`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip[i] << 8) | ip[i + 1]).toString(16));
  // Shorten the longest run of zero groups to "::" (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Whether one dNSName (or CN) pattern matches a DNS host. A wildcard counts only as the entire leftmost label
 * ("*.example.com"), matches exactly one non-empty label, and is refused over fewer than two labels ("*.com").
 */
export function dnsPatternMatches(pattern: string, host: string): boolean {
  const p = canonicalDns(pattern);
  const h = canonicalDns(host);
  if (p === '' || h === '') return false;
  if (!p.includes('*')) return p === h;
  if (!p.startsWith('*.') || p.indexOf('*', 1) >= 0) return false;
  const base = p.slice(2);
  if (!base.includes('.') || base.split('.').some((l) => l === '')) return false;
  const dot = h.indexOf('.');
  if (dot <= 0) return false;
  return h.slice(dot + 1) === base;
}

export function matchHostName(cert: ChainCert, hostName: string): HostMatch {
  const san = sanHostNames(cert);
  const names = [...san.dns.map((d) => `DNS:${d}`), ...san.ips.map((ip) => `IP:${ipText(ip)}`)];
  const useCn = san.dns.length === 0 && san.ips.length === 0;
  const cns = useCn ? commonNames(cert) : [];
  if (useCn) names.push(...cns.map((cn) => `CN:${cn}`));
  const listed = names.length ? names.join(', ') : 'no names at all';
  const ip = hostIp(hostName);
  if (ip) {
    const candidates = useCn ? cns.map(hostIp).filter((x): x is Uint8Array => x !== null) : san.ips;
    if (candidates.some((c) => sameBytes(c, ip))) return { matches: true, names, detail: `${ipText(ip)} is listed` };
    const dnsOnly = !useCn && san.ips.length === 0;
    return {
      matches: false,
      names,
      detail: `The IP address ${ipText(ip)} is not among the names the certificate is valid for (${listed})${dnsOnly ? '; an IP address matches only an IP entry in the subject alternative names' : ''}.`,
    };
  }
  const patterns = useCn ? cns : san.dns;
  const hit = patterns.find((p) => dnsPatternMatches(p, hostName));
  if (hit !== undefined) return { matches: true, names, detail: `${hostName} matches ${useCn ? 'CN' : 'DNS'}:${hit}` };
  const why = useCn && cns.length ? ' (the certificate has no DNS or IP subject alternative names, so its common name was used)' : '';
  return { matches: false, names, detail: `The name ${hostName} is not among the names the certificate is valid for (${listed})${why}.` };
}

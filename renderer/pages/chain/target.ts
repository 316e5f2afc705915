/**
 * What the user typed in the server field, as the endpoint to connect to: "host", "host:port",
 * "https://host/path", "[::1]:8443", a bare IPv6 address. The port defaults to the scheme's (443 without one);
 * a scheme that speaks STARTTLS (smtp://, imap://, ...) says so.
 */
import type { StarttlsProtocol } from '../../../main/api/dto';

export type ParsedTarget = { ok: true; host: string; port: number; starttls: StarttlsProtocol | null } | { ok: false; message: string };

interface SchemeDefault {
  port: number;
  starttls: StarttlsProtocol | null;
}

const SCHEMES: Record<string, SchemeDefault> = {
  https: { port: 443, starttls: null },
  // A pasted web address: the site's TLS is what the user means.
  http: { port: 443, starttls: null },
  wss: { port: 443, starttls: null },
  ldaps: { port: 636, starttls: null },
  imaps: { port: 993, starttls: null },
  pop3s: { port: 995, starttls: null },
  smtps: { port: 465, starttls: null },
  ftps: { port: 990, starttls: null },
  smtp: { port: 25, starttls: 'smtp' },
  submission: { port: 587, starttls: 'smtp' },
  imap: { port: 143, starttls: 'imap' },
  pop3: { port: 110, starttls: 'pop3' },
  ftp: { port: 21, starttls: 'ftp' },
  ldap: { port: 389, starttls: 'ldap' },
  postgres: { port: 5432, starttls: 'postgres' },
  postgresql: { port: 5432, starttls: 'postgres' },
};

const DNS_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.-]+)?$/;

function portOf(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : null;
}

const badPort = (text: string): ParsedTarget => ({ ok: false, message: `“${text}” is not a port: use a number from 1 to 65535 (443 for HTTPS).` });

export function parseTarget(typed: string): ParsedTarget {
  let rest = typed.trim();
  if (rest === '') return { ok: false, message: 'Type a server: a host name or address, with :port when it is not 443.' };
  let defaults: SchemeDefault = SCHEMES.https!;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    const known = SCHEMES[scheme[1]!.toLowerCase()];
    if (!known) return { ok: false, message: `Certbench cannot check a ${scheme[1]}:// address: give the host and port instead (host:port).` };
    defaults = known;
    rest = rest.slice(scheme[0].length);
  }
  // Whatever follows the authority (a path, a query) is not part of where to connect.
  rest = rest.replace(/[/?#].*$/, '');
  // user@host: the part before @ is a login, not the host.
  rest = rest.slice(rest.lastIndexOf('@') + 1);
  if (rest === '') return { ok: false, message: 'The address has no host name in it.' };

  let host: string;
  let port = defaults.port;
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end < 0) return { ok: false, message: 'An IPv6 address in brackets needs its closing “]”: [2001:db8::1]:443.' };
    host = rest.slice(1, end);
    const after = rest.slice(end + 1);
    if (after !== '') {
      if (!after.startsWith(':')) return { ok: false, message: 'After “]” only “:port” may follow: [2001:db8::1]:443.' };
      const p = portOf(after.slice(1));
      if (p === null) return badPort(after.slice(1));
      port = p;
    }
    if (!host.includes(':') || !IPV6.test(host)) return { ok: false, message: `“${host}” is not an IPv6 address.` };
  } else if ((rest.match(/:/g) ?? []).length > 1) {
    // Several colons without brackets: a bare IPv6 address, on the default port.
    if (!IPV6.test(rest)) return { ok: false, message: `“${rest}” is not a host name or an address. Put an IPv6 address in brackets to give a port: [2001:db8::1]:8443.` };
    host = rest;
  } else {
    const colon = rest.indexOf(':');
    host = colon < 0 ? rest : rest.slice(0, colon);
    if (colon >= 0) {
      const p = portOf(rest.slice(colon + 1));
      if (p === null) return badPort(rest.slice(colon + 1));
      port = p;
    }
    if (!DNS_NAME.test(host) || host.length > 253) return { ok: false, message: `“${host}” is not a host name or an address (letters, digits, dots and hyphens).` };
  }
  return { ok: true, host, port, starttls: defaults.starttls };
}

/** host:port on the command line: "example.com:443", "127.0.0.1:8443", "[::1]:443" (IPv6 in brackets). */
import { PkiError } from '../pki/errors';

export interface HostPort {
  host: string;
  port: number;
}

/** The endpoint `text` names, or null when it does not look like host:port at all. Throws for a bad port. */
export function parseHostPort(text: string): HostPort | null {
  const t = text.replace(/^(?:https?|tls):\/\//i, '').replace(/\/$/, '');
  const m = /^\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]:(\w*)$/.exec(t) ?? /^([A-Za-z0-9_.-]+):(\w*)$/.exec(t);
  if (!m) {
    if (/^[0-9A-Fa-f:]+:\d+$/.test(t) && t.split(':').length > 2) {
      throw new PkiError('INVALID_ARGUMENT', `"${text}" looks like an IPv6 address with a port.`, 'Put an IPv6 address in brackets: [::1]:443.');
    }
    return null;
  }
  const port = /^\d{1,5}$/.test(m[2]) ? Number(m[2]) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new PkiError('INVALID_ARGUMENT', `"${m[2]}" is not a port number (1 to 65535) in "${text}".`, 'Write the server as host:port, e.g. example.com:443.');
  return { host: m[1], port };
}

/**
 * The names a certificate covers (subjectAltName) as the form edits them: rows of type + value, pasted lists
 * split into rows with a type guessed from each name, and the rows the CSR will carry.
 */
import type { SanDto, SanType } from '../../../main/api/dto';

export const SAN_TYPES: readonly { type: SanType; label: string; example: string }[] = [
  { type: 'DNS', label: 'Host name', example: 'www.example.com or *.example.com' },
  { type: 'IP', label: 'IP address', example: '192.0.2.10 or 2001:db8::10' },
  { type: 'email', label: 'Email', example: 'someone@example.com' },
  { type: 'URI', label: 'URI', example: 'spiffe://example.com/service' },
];

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*$/i;
const PREFIX: Record<string, SanType> = { dns: 'DNS', ip: 'IP', email: 'email', uri: 'URI' };

/** The type a name most likely is: an address, an email, a URI, else a host name. */
export function guessSanType(value: string): SanType {
  if (IPV4.test(value) || (IPV6.test(value) && value.includes(':') && !value.includes('://'))) return 'IP';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^urn:/i.test(value)) return 'URI';
  if (value.includes('@')) return 'email';
  return 'DNS';
}

/**
 * Names pasted at once: separated by spaces, commas, semicolons or new lines; an OpenSSL-style "DNS:" / "IP:"
 * prefix says the type; repeats are dropped.
 */
export function parsePastedNames(text: string): SanDto[] {
  const out: SanDto[] = [];
  for (const token of text.split(/[\s,;]+/)) {
    if (!token) continue;
    const m = /^(dns|ip|email|uri):(.+)$/i.exec(token);
    const prefixed = m && !/^[a-z][a-z0-9+.-]*:\/\//i.test(token) ? m : null;
    const value = prefixed ? prefixed[2]! : token;
    const type = prefixed ? PREFIX[prefixed[1]!.toLowerCase()]! : guessSanType(value);
    if (!out.some((n) => n.type === type && n.value.toLowerCase() === value.toLowerCase())) out.push({ type, value });
  }
  return out;
}

/** Adds names after the rows there are, without repeating one; an empty last row is filled first. */
export function addNames(rows: readonly SanDto[], names: readonly SanDto[]): SanDto[] {
  const kept = rows.filter((r) => r.value.trim() !== '');
  for (const n of names) {
    if (!kept.some((r) => r.type === n.type && r.value.trim().toLowerCase() === n.value.toLowerCase())) kept.push(n);
  }
  return kept;
}

/** What the CSR carries: the rows with a value, trimmed, in order. */
export function sanOf(rows: readonly SanDto[]): SanDto[] {
  return rows.filter((r) => r.value.trim() !== '').map((r) => ({ type: r.type, value: r.value.trim() }));
}

/** The form row behind `spec.san[n]` (the lints' 'san.N'). */
export function formRowOfSanIndex(rows: readonly SanDto[], n: number): number | null {
  let seen = -1;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.value.trim() === '') continue;
    seen += 1;
    if (seen === n) return i;
  }
  return null;
}

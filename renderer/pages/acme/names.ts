/**
 * The names an ACME order covers: DNS names only (rows of the SAN editor shared with the CSR wizard), checked
 * before anything is sent, and the wildcard rule (a wildcard can only be proven with DNS-01).
 */
import type { CsrProblemDto, SanDto } from '../../../main/api/dto';
import type { ProblemPlaces } from '../csr/problems';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The names to order: trimmed, lower case, a trailing dot dropped, each once, in the order typed. */
export function domainsOf(rows: readonly SanDto[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const name = r.value.trim().toLowerCase().replace(/\.$/, '');
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

export const isWildcard = (name: string) => name.startsWith('*.');
export const wildcardsOf = (domains: readonly string[]) => domains.filter(isWildcard);

/** Why a name cannot be ordered, or null. */
export function nameProblem(raw: string): string | null {
  const name = raw.trim().toLowerCase().replace(/\.$/, '');
  if (name === '') return null;
  if (IPV4.test(name) || name.includes(':')) return `${name} is an IP address: this page orders certificates for host names only.`;
  if (/\s/.test(name)) return 'A host name has no spaces.';
  if (name.includes('@')) return `${name} looks like an email address, not a host name.`;
  if (name.includes('*') && !/^\*\.[^*]+$/.test(name)) return 'A wildcard is only allowed as the whole first label: *.example.com.';
  const labels = (isWildcard(name) ? name.slice(2) : name).split('.');
  if (labels.length < 2) return `${name} has no domain: a CA issues only for names like www.example.com.`;
  if (name.length > 253) return 'A host name is at most 253 characters.';
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) return bad === '' ? 'Two dots in a row, or a dot at the start.' : `"${bad}" is not a valid label (letters, digits and hyphens, not at either end; at most 63).`;
  return null;
}

/** Problems placed under the row they are about (`san:ROW`), as the shared SAN editor shows them. */
export function namePlaces(rows: readonly SanDto[]): ProblemPlaces {
  const out = new Map<string, CsrProblemDto[]>();
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const name = r.value.trim().toLowerCase().replace(/\.$/, '');
    const problem = nameProblem(r.value);
    if (problem) out.set(`san:${i}`, [{ code: 'ACME_NAME', severity: 'error', message: problem, field: `san.${i}` }]);
    else if (name && seen.has(name)) out.set(`san:${i}`, [{ code: 'ACME_NAME_REPEATED', severity: 'warning', message: `${name} is already name ${seen.get(name)! + 1}: it is ordered once.`, field: `san.${i}` }]);
    if (name && !seen.has(name)) seen.set(name, i);
  });
  return out;
}

/** Why the names step cannot go on, or null. */
export function namesBlocker(rows: readonly SanDto[]): string | null {
  const domains = domainsOf(rows);
  if (domains.length === 0) return 'Add the host name the certificate is for.';
  const errors = [...namePlaces(rows).values()].flat().filter((p) => p.severity === 'error');
  if (errors.length > 0) return errors.length === 1 ? `Fix this first: ${errors[0]!.message}` : `Fix these ${errors.length} names first.`;
  if (domains.length > 100) return 'A CA takes at most 100 names in one certificate.';
  return null;
}

/** The rows the editor starts with, and the rows of an earlier order's names. */
export const rowsOf = (domains: readonly string[]): SanDto[] => (domains.length ? domains.map((value) => ({ type: 'DNS', value })) : [{ type: 'DNS', value: '' }]);

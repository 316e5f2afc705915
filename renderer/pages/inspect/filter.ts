/**
 * Search, filters and sort for the object list, as pure functions over compact rows: the list shows files
 * in open order, each with the rows that pass the query, sorted within the file.
 */
import type { ObjectKind } from '../../../main/api/dto';
import type { ObjectSummaryDto as RowData } from '../../../main/api/dto';
import { EXPIRY_WARNING_DAYS } from './verdict';

export type ExpiryFilter = 'any' | 'expired' | 'expiring';
export type RoleFilter = 'any' | 'ca' | 'leaf';
export type SortOrder = 'file' | 'name' | 'expiry';

export interface ListQuery {
  /** Words to find in name, subject, issuer, SANs, alias, serial or fingerprints; every word must match. */
  text: string;
  /** Only these kinds; empty means every kind. */
  kinds: readonly ObjectKind[];
  expiry: ExpiryFilter;
  role: RoleFilter;
  /** Only certificates and CSRs whose private key is open, and the keys themselves. */
  withKey: boolean;
  sort: SortOrder;
}

export const EMPTY_QUERY: ListQuery = { text: '', kinds: [], expiry: 'any', role: 'any', withKey: false, sort: 'file' };

export function isFiltering(q: ListQuery): boolean {
  return q.text.trim() !== '' || q.kinds.length > 0 || q.expiry !== 'any' || q.role !== 'any' || q.withKey;
}

const HEX_FIELDS = /[:\s]/g;
const hayCache = new WeakMap<RowData, { words: string; hex: string }>();

/** What a row is searched by, lower-cased once per row object. */
function haystack(r: RowData): { words: string; hex: string } {
  let h = hayCache.get(r);
  if (!h) {
    const words = [r.label, r.subject, r.issuer, r.alias, ...r.san].filter(Boolean).join('\n').toLowerCase();
    const hex = [r.serial, r.sha256, r.spkiSha256].filter(Boolean).join('\n').toLowerCase().replace(/:/g, '');
    h = { words, hex };
    hayCache.set(r, h);
  }
  return h;
}

interface CompiledText {
  terms: string[];
}

function compileText(text: string): CompiledText {
  return { terms: text.toLowerCase().split(/\s+/).filter(Boolean) };
}

function matchesText(r: RowData, t: CompiledText): boolean {
  if (t.terms.length === 0) return true;
  const h = haystack(r);
  return t.terms.every((term) => {
    if (h.words.includes(term)) return true;
    // Serials and fingerprints are typed or pasted with or without colons.
    const hex = term.replace(HEX_FIELDS, '');
    return hex.length >= 2 && /^[0-9a-f]+$/.test(hex) && h.hex.includes(hex);
  });
}

export function isExpired(r: RowData): boolean {
  return r.validity === 'expired' || (r.daysLeft !== null && r.daysLeft < 0);
}

export function isExpiring(r: RowData): boolean {
  return r.validity === 'valid' && r.daysLeft !== null && r.daysLeft >= 0 && r.daysLeft < EXPIRY_WARNING_DAYS;
}

function matchesFilters(r: RowData, q: ListQuery): boolean {
  if (q.kinds.length > 0 && !q.kinds.includes(r.kind)) return false;
  if (q.expiry === 'expired' && !isExpired(r)) return false;
  if (q.expiry === 'expiring' && !isExpiring(r)) return false;
  if (q.role === 'ca' && !(r.kind === 'certificate' && r.isCA)) return false;
  if (q.role === 'leaf' && !(r.kind === 'certificate' && !r.isCA)) return false;
  if (q.withKey && !(r.hasPrivateKey || r.kind === 'privateKey')) return false;
  return true;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareBy(sort: SortOrder): ((a: RowData, b: RowData) => number) | null {
  switch (sort) {
    case 'file':
      return null;
    case 'name':
      return (a, b) => collator.compare(a.label, b.label) || a.index - b.index;
    case 'expiry':
      // Soonest first; objects without an expiry date go last, in file order.
      return (a, b) => {
        const ta = a.notAfter ? Date.parse(a.notAfter) : Number.POSITIVE_INFINITY;
        const tb = b.notAfter ? Date.parse(b.notAfter) : Number.POSITIVE_INFINITY;
        return ta === tb ? a.index - b.index : ta < tb ? -1 : 1;
      };
  }
}

/** Keeps the rows that pass the query, sorted as asked (a new array; the input is not changed). */
export function filterRows(rows: readonly RowData[], q: ListQuery): RowData[] {
  const text = compileText(q.text);
  const kept = isFiltering(q) ? rows.filter((r) => matchesFilters(r, q) && matchesText(r, text)) : rows.slice();
  const compare = compareBy(q.sort);
  return compare ? kept.sort(compare) : kept;
}

/** How many rows of each kind there are, for the kind filter's choices. */
export function kindCounts(rows: Iterable<RowData>): Map<ObjectKind, number> {
  const counts = new Map<ObjectKind, number>();
  for (const r of rows) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return counts;
}

/**
 * What an object is linked to, in words that name the file: key ↔ certificate ↔ CSR by public key, and
 * identical copies (same SHA-256) as "also in FILE, position N" ("this file" when it is the same file).
 */
import type { MatchGroupDto, ObjectSummaryDto as RowData } from '../../../main/api/dto';

export interface Link {
  targetId: string;
  label: string;
}

export interface OpenSet {
  byId: ReadonlyMap<string, RowData>;
  /** Match groups by id: everything open that shares one public key. */
  groups: ReadonlyMap<string, MatchGroupDto>;
}

/** The other open objects with the same public key as `row`, in open order. */
export function matchesOf(row: RowData, open: OpenSet): RowData[] {
  const group = row.matchGroup ? open.groups.get(row.matchGroup) : undefined;
  if (!group) return [];
  const out: RowData[] = [];
  for (const id of group.members) {
    const o = id === row.id ? undefined : open.byId.get(id);
    if (o) out.push(o);
  }
  return out;
}

export interface LinkContext extends OpenSet {
  /** File names by document id. */
  fileNames: ReadonlyMap<string, string>;
  /** Repeats of each first copy, by the first copy's id. */
  copies: ReadonlyMap<string, readonly RowData[]>;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many.replace('N', String(n));
}

function where(self: RowData, other: RowData, ctx: LinkContext): string {
  return other.documentId === self.documentId ? 'this file' : (ctx.fileNames.get(other.documentId) ?? 'another file');
}

/** " (server.key)" when the other object is in another file. */
function inFile(self: RowData, other: RowData, ctx: LinkContext): string {
  return other.documentId === self.documentId ? '' : ` (${ctx.fileNames.get(other.documentId) ?? 'another file'})`;
}

/** Repeats of each certificate, CSR or CRL, under the id of its first open copy. */
export function copiesOf(rows: Iterable<RowData>): Map<string, RowData[]> {
  const copies = new Map<string, RowData[]>();
  for (const r of rows) {
    if (!r.duplicateOf) continue;
    const list = copies.get(r.duplicateOf);
    if (list) list.push(r);
    else copies.set(r.duplicateOf, [r]);
  }
  return copies;
}

export function linksOf(self: RowData, ctx: LinkContext): Link[] {
  const links: Link[] = [];
  // The same certificate (CSR, CRL) open more than once.
  const first = self.duplicateOf ? ctx.byId.get(self.duplicateOf) : undefined;
  const sameBytes = new Set<string>();
  if (first) {
    links.push({ targetId: first.id, label: `Also in ${where(self, first, ctx)}, position ${first.index + 1}` });
    sameBytes.add(first.id);
    for (const c of ctx.copies.get(first.id) ?? []) sameBytes.add(c.id);
  } else {
    const repeats = ctx.copies.get(self.id) ?? [];
    if (repeats.length > 0) {
      const r = repeats[0]!;
      links.push({ targetId: r.id, label: `Also in ${where(self, r, ctx)}, position ${r.index + 1}${repeats.length > 1 ? ` and ${repeats.length - 1} more` : ''}` });
    }
    for (const c of repeats) sameBytes.add(c.id);
  }

  const others = matchesOf(self, ctx).filter((o) => !sameBytes.has(o.id));
  const keys = others.filter((o) => o.kind === 'privateKey');
  if (keys.length > 0) {
    const k = keys[0]!;
    links.push({
      targetId: k.id,
      label: self.kind === 'privateKey' ? plural(keys.length, `Same key in ${where(self, k, ctx)}`, 'Same key in N other places') : `Key present${inFile(self, k, ctx)}`,
    });
  }
  // Distinct certificates only: copies of one certificate are summed up by the chip above. A key shared by
  // many certificates (renewals, 10,000 copies) gets one chip that counts them, not one chip each.
  const seen = new Set<string>();
  const certs: RowData[] = [];
  const csrs: RowData[] = [];
  for (const o of others) {
    if (o.kind !== 'certificate' && o.kind !== 'csr') continue;
    const id = o.duplicateOf ?? o.id;
    if (seen.has(id) || sameBytes.has(id)) continue;
    seen.add(id);
    (o.kind === 'csr' ? csrs : certs).push(o);
  }
  const more = (n: number) => (n > 1 ? ` and ${n - 1} more` : '');
  if (certs.length > 0) {
    const c = certs[0]!;
    links.push({
      targetId: c.id,
      label: self.kind === 'certificate' ? `Same key as certificate ${c.label}${inFile(self, c, ctx)}${more(certs.length)}` : `Matches certificate ${c.label}${inFile(self, c, ctx)}${more(certs.length)}`,
    });
  }
  if (csrs.length > 0) links.push({ targetId: csrs[0]!.id, label: `Matches CSR ${csrs[0]!.label.replace(/^Request for /, '')}${inFile(self, csrs[0]!, ctx)}${more(csrs.length)}` });
  const publics = others.filter((o) => o.kind === 'publicKey');
  if (publics.length > 0 && self.kind !== 'certificate' && self.kind !== 'csr') {
    const p = publics[0]!;
    links.push({ targetId: p.id, label: self.kind === 'publicKey' ? plural(publics.length, `Same public key in ${where(self, p, ctx)}`, 'Same public key in N other places') : plural(publics.length, `Public key open${inFile(self, p, ctx)}`, 'Public key open in N places') });
  }
  return links;
}

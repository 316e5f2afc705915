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

/** A match group's members by kind; certificates and CSRs as first copies only. Built once per group. */
interface GroupParts {
  keys: RowData[];
  certs: RowData[];
  csrs: RowData[];
  publics: RowData[];
}

const partsCache = new WeakMap<MatchGroupDto, GroupParts>();

function groupParts(row: RowData, open: OpenSet): GroupParts | null {
  const group = row.matchGroup ? open.groups.get(row.matchGroup) : undefined;
  if (!group) return null;
  let parts = partsCache.get(group);
  if (!parts) {
    parts = { keys: [], certs: [], csrs: [], publics: [] };
    for (const id of group.members) {
      const o = open.byId.get(id);
      if (!o) continue;
      if (o.kind === 'privateKey') parts.keys.push(o);
      else if (o.kind === 'publicKey') parts.publics.push(o);
      else if (o.kind === 'certificate' && !o.duplicateOf) parts.certs.push(o);
      else if (o.kind === 'csr' && !o.duplicateOf) parts.csrs.push(o);
    }
    partsCache.set(group, parts);
  }
  return parts;
}

/** The first member that is not the object itself (its own entry is skipped): O(1) however big the group. */
function firstOther(list: RowData[], isSelf: (r: RowData) => boolean): RowData | undefined {
  return list[0] && isSelf(list[0]) ? list[1] : list[0];
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

  const parts = groupParts(self, ctx);
  if (!parts) return links;
  const selfFirst = self.duplicateOf ?? self.id;
  const key = firstOther(parts.keys, (k) => k.id === self.id);
  if (key) {
    const n = parts.keys.length - (self.kind === 'privateKey' ? 1 : 0);
    links.push({ targetId: key.id, label: self.kind === 'privateKey' ? plural(n, `Same key in ${where(self, key, ctx)}`, 'Same key in N other places') : `Key present${inFile(self, key, ctx)}` });
  }
  // Distinct certificates and CSRs only (copies are summed up by the chip above); a key shared by many
  // certificates (renewals, 10,000 copies) gets one chip that counts them, not one chip each.
  const more = (n: number) => (n > 1 ? ` and ${n - 1} more` : '');
  const cert = firstOther(parts.certs, (c) => c.id === selfFirst);
  if (cert) {
    const n = parts.certs.length - (self.kind === 'certificate' ? 1 : 0);
    links.push({ targetId: cert.id, label: `${self.kind === 'certificate' ? 'Same key as' : 'Matches'} certificate ${cert.label}${inFile(self, cert, ctx)}${more(n)}` });
  }
  const csr = firstOther(parts.csrs, (c) => c.id === selfFirst);
  if (csr) links.push({ targetId: csr.id, label: `Matches CSR ${csr.label.replace(/^Request for /, '')}${inFile(self, csr, ctx)}${more(parts.csrs.length - (self.kind === 'csr' ? 1 : 0))}` });
  const pub = firstOther(parts.publics, (p) => p.id === self.id);
  if (pub && self.kind !== 'certificate' && self.kind !== 'csr') {
    const n = parts.publics.length - (self.kind === 'publicKey' ? 1 : 0);
    links.push({ targetId: pub.id, label: self.kind === 'publicKey' ? plural(n, `Same public key in ${where(self, pub, ctx)}`, 'Same public key in N other places') : plural(n, `Public key open${inFile(self, pub, ctx)}`, 'Public key open in N places') });
  }
  return links;
}

/**
 * The flat sequence the virtualized list renders: each open file's header, then its rows that pass the
 * query, unless the user folded the file. Files always keep their header (a locked or broken file must stay
 * visible while filtering).
 */
import { filterRows, type ListQuery } from './filter';
import type { ObjectSummaryDto as RowData } from '../../../main/api/dto';

export interface FileEntry<D> {
  doc: D;
  rows: readonly RowData[];
}

export type ListItem<D> =
  | { type: 'file'; key: string; doc: D; shown: number; total: number; folded: boolean }
  | { type: 'object'; key: string; doc: D; row: RowData; last: boolean };

export interface ListModel<D> {
  items: ListItem<D>[];
  /** Rows that pass the query, over all files. */
  shown: number;
  total: number;
  /** Position in `items` of every file header and shown row, by file id or object id. */
  positions: Map<string, number>;
}

export function buildList<D extends { id: string }>(files: readonly FileEntry<D>[], query: ListQuery, folded: ReadonlySet<string> = new Set()): ListModel<D> {
  const items: ListItem<D>[] = [];
  const positions = new Map<string, number>();
  let shown = 0;
  let total = 0;
  for (const { doc, rows } of files) {
    const kept = filterRows(rows, query);
    positions.set(doc.id, items.length);
    const isFolded = folded.has(doc.id) && rows.length > 0;
    items.push({ type: 'file', key: `file:${doc.id}`, doc, shown: kept.length, total: rows.length, folded: isFolded });
    if (!isFolded) kept.forEach((row, i) => {
      positions.set(row.id, items.length);
      items.push({ type: 'object', key: row.id, doc, row, last: i === kept.length - 1 });
    });
    shown += kept.length;
    total += rows.length;
  }
  return { items, shown, total, positions };
}

/** The table's rows: filtered by status and typed text, sorted by a column, soonest expiry first by default. */
import type { ExpiryRowDto, ExpiryStatus } from '../../../main/api/dto';

export type SortKey = 'daysLeft' | 'subject' | 'source' | 'status';
export type SortDirection = 'asc' | 'desc';

export interface TableView {
  /** Statuses shown; all four when none was picked. */
  statuses: ReadonlySet<ExpiryStatus>;
  search: string;
  sort: SortKey;
  direction: SortDirection;
}

export const ALL_STATUSES: readonly ExpiryStatus[] = ['expired', 'expiring', 'ok', 'error'];

export const INITIAL_VIEW: TableView = { statuses: new Set(ALL_STATUSES), search: '', sort: 'daysLeft', direction: 'asc' };

/** Most urgent first when sorting by status. */
const STATUS_ORDER: Record<ExpiryStatus, number> = { expired: 0, expiring: 1, error: 2, ok: 3 };

function matches(row: ExpiryRowDto, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const hay = `${row.subject}\n${row.source}\n${row.issuer}\n${row.sha256}\n${row.serial}\n${row.error?.message ?? ''}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Error rows (no days) sort after every dated row, whichever the direction. */
function compareDays(a: ExpiryRowDto, b: ExpiryRowDto): number | null {
  if (a.daysLeft === null && b.daysLeft === null) return 0;
  if (a.daysLeft === null) return null;
  if (b.daysLeft === null) return null;
  return a.daysLeft - b.daysLeft;
}

const text = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

export function viewRows(rows: readonly ExpiryRowDto[], view: TableView): ExpiryRowDto[] {
  const words = view.search.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = rows.filter((r) => view.statuses.has(r.status) && matches(r, words));
  const sign = view.direction === 'asc' ? 1 : -1;
  const byNotAfter = (a: ExpiryRowDto, b: ExpiryRowDto) => (a.notAfter ?? '').localeCompare(b.notAfter ?? '');
  return kept
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = x.row;
      const b = y.row;
      let c: number;
      if (view.sort === 'daysLeft') {
        const d = compareDays(a, b);
        // Undated rows stay at the bottom in both directions.
        if (d === null) return a.daysLeft === null ? 1 : -1;
        c = d || byNotAfter(a, b);
      } else if (view.sort === 'subject') c = text(a.subject || '\uffff', b.subject || '\uffff');
      else if (view.sort === 'source') c = text(a.source, b.source);
      else c = STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (compareDays(a, b) ?? 0);
      return sign * c || x.i - y.i;
    })
    .map((x) => x.row);
}

/** Clicking a column: sorts by it ascending, or flips the direction when it already sorts. */
export function toggleSort(view: TableView, key: SortKey): TableView {
  if (view.sort === key) return { ...view, direction: view.direction === 'asc' ? 'desc' : 'asc' };
  return { ...view, sort: key, direction: 'asc' };
}

/** A status chip: on/off; turning the last one off shows all again rather than nothing. */
export function toggleStatus(view: TableView, status: ExpiryStatus): TableView {
  const next = new Set(view.statuses);
  if (next.has(status)) next.delete(status);
  else next.add(status);
  return { ...view, statuses: next.size === 0 ? new Set(ALL_STATUSES) : next };
}

/** Only this status (a dashboard tile), or all again when it was the only one shown. */
export function onlyStatus(view: TableView, status: ExpiryStatus): TableView {
  const alone = view.statuses.size === 1 && view.statuses.has(status);
  return { ...view, statuses: alone ? new Set(ALL_STATUSES) : new Set([status]) };
}

/** Wording the expiry reports share (digests, HTML, PDF, calendar): a certificate's name, dates, days, statuses. */
import type { ExpiryRowDto, ExpiryStatus } from '../../api/dto';
import { countText } from '../count-text';
import { day } from '../chain/words';

/** The CN of an RFC 4514 subject ("CN=shop.example,O=Shop" → "shop.example"), else the whole subject. */
export function subjectName(subject: string): string {
  const m = /(?:^|,)\s*CN=((?:\\.|[^,\\])*)/.exec(subject);
  const cn = m ? m[1].replace(/\\(.)/g, '$1').trim() : '';
  return cn || subject || '(no subject)';
}

/** What a row is called in a list: its certificate's CN, or for an error row the source that failed. */
export function rowName(row: ExpiryRowDto): string {
  return row.status === 'error' ? row.source : subjectName(row.subject);
}

/** "12 Mar 2027" (UTC), or "-" when the date is missing. */
export function dateText(iso: string | null): string {
  return iso === null ? '-' : day(Date.parse(iso));
}

/** "in 5 days", "today", "tomorrow", "yesterday", "12 days ago". */
export function daysText(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  if (daysLeft === -1) return 'yesterday';
  return daysLeft > 0 ? `in ${countText(daysLeft)} days` : `${countText(-daysLeft)} days ago`;
}

/** "1 certificate", "3 certificates". */
export function certificatesText(n: number): string {
  return `${countText(n)} ${n === 1 ? 'certificate' : 'certificates'}`;
}

export const STATUS_LABEL: Record<ExpiryStatus, string> = { ok: 'OK', expiring: 'Expiring', expired: 'Expired', error: 'Error' };

/** The order a report lists statuses in: what needs work first. */
export const STATUS_ORDER: readonly ExpiryStatus[] = ['expired', 'expiring', 'error', 'ok'];

/** Where and how a certificate is found: "shop.example:443 (served)", "/etc/ssl/a.pem". */
export function whereText(row: ExpiryRowDto): string {
  return row.presence === 'served' ? `${row.source} (served)` : row.source;
}

/** Rows soonest notAfter first; rows without a date (errors) last, in their order. */
export function bySoonest(rows: readonly ExpiryRowDto[]): ExpiryRowDto[] {
  const t = (r: ExpiryRowDto) => (r.notAfter === null ? Number.POSITIVE_INFINITY : Date.parse(r.notAfter));
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => t(a.row) - t(b.row) || a.i - b.i)
    .map((x) => x.row);
}

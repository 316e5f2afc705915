/**
 * A scan as CSV (RFC 4180): a header row, one record per certificate, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break, quotes doubled. Text that a spreadsheet would run as a formula (a subject
 * or path starting with = + - @, tab or CR) gets a leading apostrophe (OWASP's CSV injection advice); the
 * numbers we write ourselves (daysLeft, threshold) are left as numbers.
 */
import type { ExpiryRowDto } from '../../api/dto';

export const CSV_COLUMNS = ['source', 'subject', 'issuer', 'sha256', 'serial', 'notBefore', 'notAfter', 'daysLeft', 'status', 'threshold', 'presence', 'error'] as const;

type Column = (typeof CSV_COLUMNS)[number];

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string | number | null, numeric: boolean): string {
  if (value === null) return '';
  let text = String(value);
  if (!numeric && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cells(row: ExpiryRowDto): Record<Column, string | number | null> {
  return {
    source: row.source,
    subject: row.subject,
    issuer: row.issuer,
    sha256: row.sha256,
    serial: row.serial,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    daysLeft: row.daysLeft,
    status: row.status,
    threshold: row.threshold,
    presence: row.presence,
    error: row.error ? `${row.error.code}: ${row.error.message}` : null,
  };
}

const NUMERIC = new Set<Column>(['daysLeft', 'threshold']);

export function scanCsv(rows: readonly ExpiryRowDto[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const c = cells(row);
    lines.push(CSV_COLUMNS.map((col) => field(c[col], NUMERIC.has(col))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

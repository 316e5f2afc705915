/**
 * What the printable report says, once, for both renderings (html.ts and pdf.ts): the title, what was scanned,
 * the counts by status, the digest's sections when there is one, and the table, what needs work first. Only
 * public facts of certificates and where they are: passwords and keys never reach a scan row.
 */
import type { ExpiryDigestDto, ExpiryRowDto, ExpiryScanDto, ExpiryStatus } from '../../api/dto';
import { countText } from '../count-text';
import { listText } from '../chain/words';
import { bySoonest, certificatesText, dateText, daysText, STATUS_LABEL, STATUS_ORDER, subjectName, whereText } from './report-text';

export interface PrintableColumn {
  label: string;
  /** Share of the table's width in the PDF. */
  weight: number;
}

export interface PrintableRow {
  status: ExpiryStatus;
  cells: string[];
}

export interface PrintableSection {
  heading: string;
  items: string[];
}

export interface PrintableReport {
  title: string;
  /** What was scanned, when, with which thresholds. */
  about: string[];
  counts: { status: ExpiryStatus; label: string; count: number }[];
  /** The digest's headline, or null without a digest. */
  digestTitle: string | null;
  sections: PrintableSection[];
  columns: PrintableColumn[];
  rows: PrintableRow[];
}

export const PRINTABLE_COLUMNS: PrintableColumn[] = [
  { label: 'Status', weight: 7 },
  { label: 'Days left', weight: 6 },
  { label: 'Expires', weight: 9 },
  { label: 'Certificate', weight: 23 },
  { label: 'Issuer', weight: 12 },
  { label: 'Where', weight: 21 },
  { label: 'SHA-256', weight: 22 },
];

function timeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${dateText(iso)} ${d.toISOString().slice(11, 16)} UTC`;
}

function tableRow(row: ExpiryRowDto): PrintableRow {
  if (row.status === 'error') {
    const why = row.error ? row.error.message : 'It could not be read.';
    return { status: row.status, cells: [STATUS_LABEL.error, '-', '-', `Could not read: ${why}`, '', whereText(row), ''] };
  }
  return {
    status: row.status,
    cells: [
      STATUS_LABEL[row.status],
      row.daysLeft === null ? '-' : countText(row.daysLeft),
      dateText(row.notAfter),
      row.subject || '(no subject)',
      subjectName(row.issuer),
      whereText(row),
      row.sha256,
    ],
  };
}

function sectionItem(row: ExpiryRowDto): string {
  const when = row.daysLeft === null ? '' : ` ${row.daysLeft < 0 ? 'expired' : 'expires'} ${dateText(row.notAfter)} (${daysText(row.daysLeft)})`;
  return `${subjectName(row.subject)}${when}: ${whereText(row)}`;
}

function digestSections(digest: ExpiryDigestDto): PrintableSection[] {
  const window = digest.kind === 'daily' ? 'Expiring soon' : 'Expiring in the coming weeks';
  return [
    { heading: `${window}: ${certificatesText(digest.expiring.length)}`, items: digest.expiring.map(sectionItem) },
    { heading: `Already expired, still stored or served: ${certificatesText(digest.expired.length)}`, items: digest.expired.map(sectionItem) },
  ];
}

export function printableReport(scan: ExpiryScanDto, digest?: ExpiryDigestDto): PrintableReport {
  const rank = (s: ExpiryStatus) => STATUS_ORDER.indexOf(s);
  const ordered = bySoonest(scan.rows)
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row.status) - rank(b.row.status) || a.i - b.i)
    .map((x) => x.row);
  const places = [
    scan.filesScanned ? `${countText(scan.filesScanned)} ${scan.filesScanned === 1 ? 'file' : 'files'}` : '',
    scan.endpointsScanned ? `${countText(scan.endpointsScanned)} ${scan.endpointsScanned === 1 ? 'endpoint' : 'endpoints'}` : '',
  ].filter(Boolean);
  const thresholds = [...scan.thresholds].sort((a, b) => b - a).map(String);
  const about = [
    `Scanned ${timeText(scan.finishedAt)}: ${places.length ? listText(places) : 'nothing'}, ${certificatesText(scan.rows.filter((r) => r.status !== 'error').length)} found.`,
    thresholds.length ? `A certificate counts as expiring within ${listText(thresholds)} days of its expiry.` : '',
    scan.cancelled ? 'The scan was stopped before it finished: this report covers only what it found until then.' : '',
  ].filter(Boolean);
  return {
    title: digest ? `${digest.kind === 'daily' ? 'Daily' : 'Monthly'} certificate digest` : 'Certificate expiry report',
    about,
    counts: STATUS_ORDER.map((status) => ({ status, label: STATUS_LABEL[status], count: scan.counts[status] ?? 0 })),
    digestTitle: digest ? digest.title : null,
    sections: digest ? digestSections(digest) : [],
    columns: PRINTABLE_COLUMNS,
    rows: ordered.map(tableRow),
  };
}

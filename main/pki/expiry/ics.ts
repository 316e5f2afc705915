/**
 * A scan as an iCalendar file (RFC 5545) to import into a calendar: one all-day event on each certificate's
 * expiry day (its notAfter date in UTC) with one reminder (VALARM) per threshold, so the calendar warns 60, 30
 * and 3 days ahead as the app does. UIDs are stable for a certificate at a place (sha256 + source), so importing
 * a newer export updates the events instead of doubling them. Rows without a certificate (errors) are left out.
 */
import type { ExpiryRowDto } from '../../api/dto';
import { digest } from '../crypto';
import { dateText, subjectName, whereText } from './report-text';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Content lines longer than 75 octets folded (RFC 5545 3.1): CRLF + a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(CRLF + ' ');
}

/** 20261127T174500Z */
function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** 20261127 */
function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The same certificate at the same place gets the same UID in every export. */
export function eventUid(row: ExpiryRowDto): string {
  const place = hex(digest('sha256', new TextEncoder().encode(row.source))).slice(0, 16);
  return `${row.sha256.toLowerCase()}-${place}@certbench`;
}

function eventLines(row: ExpiryRowDto & { notAfter: string }, thresholds: readonly number[], stamp: string): string[] {
  const end = Date.parse(row.notAfter);
  const name = subjectName(row.subject);
  const description = [
    `${row.subject || '(no subject)'} expires ${row.notAfter}.`,
    `Where: ${whereText(row)}`,
    `Issuer: ${row.issuer}`,
    `Serial: ${row.serial}`,
    `SHA-256: ${row.sha256}`,
  ].join('\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${eventUid(row)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${utcDate(end)}`,
    `DTEND;VALUE=DATE:${utcDate(end + 86_400_000)}`,
    `SUMMARY:${icsText(`Certificate expires: ${name}`)}`,
    `DESCRIPTION:${icsText(description)}`,
    `LOCATION:${icsText(whereText(row))}`,
    'TRANSP:TRANSPARENT',
    'CATEGORIES:Certificate expiry',
  ];
  for (const days of thresholds) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:-P${days}D`,
      `DESCRIPTION:${icsText(`${name} expires in ${days} ${days === 1 ? 'day' : 'days'}, on ${dateText(row.notAfter)}.`)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

export function scanIcs(rows: readonly ExpiryRowDto[], options: { thresholds: readonly number[]; now: Date }): string {
  const stamp = utcStamp(options.now);
  const thresholds = [...new Set(options.thresholds)].filter((d) => Number.isInteger(d) && d >= 0).sort((a, b) => b - a);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Certbench//Expiry watch//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Certificate expiry'];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.status === 'error' || !row.sha256 || row.notAfter === null || Number.isNaN(Date.parse(row.notAfter))) continue;
    const uid = eventUid(row);
    if (seen.has(uid)) continue; // the same certificate twice in one file: one event
    seen.add(uid);
    lines.push(...eventLines(row as ExpiryRowDto & { notAfter: string }, thresholds, stamp));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * The digests hosting platforms mail: monthly, what expires in 30 to 60 days (the window between the two
 * largest thresholds); daily, what expires within the smallest threshold (3 days). Both also list what has
 * already expired and is still stored or served. Rows are re-dated to the digest's moment (days left and
 * status from notAfter at `now`), so a digest of yesterday's scan does not say "in 3 days" for tomorrow.
 */
import type { ExpiryDigestDto, ExpiryRowDto, ExpiryScanDto } from '../../api/dto';
import { validityAt } from '../x509/certificate';
import { DEFAULT_THRESHOLDS, expiryStatus } from './status';
import { bySoonest, certificatesText, dateText, daysText, subjectName, whereText } from './report-text';

export type DigestKind = ExpiryDigestDto['kind'];

/** The days-left window of a digest, both ends included: monthly (30, 60] as [31, 60]; daily [0, 3]. */
export function digestWindow(kind: DigestKind, thresholds: readonly number[]): { from: number; to: number } {
  const t = [...new Set(thresholds.length ? thresholds : DEFAULT_THRESHOLDS)].sort((a, b) => b - a);
  if (kind === 'daily') return { from: 0, to: t[t.length - 1] };
  return { from: t.length > 1 ? t[1] + 1 : 0, to: t[0] };
}

/** "within 3 days", "in 31 to 60 days". */
function windowText({ from, to }: { from: number; to: number }): string {
  return from === 0 ? `within ${to} ${to === 1 ? 'day' : 'days'}` : `in ${from} to ${to} days`;
}

/** The row as of `now`: days left and status recomputed from its notAfter. */
function redated(row: ExpiryRowDto, thresholds: readonly number[], now: Date): ExpiryRowDto {
  const { daysLeft } = validityAt(row.notBefore ?? row.notAfter, row.notAfter, now);
  if (daysLeft === null) return row;
  return { ...row, daysLeft, ...expiryStatus(daysLeft, thresholds) };
}

function line(row: ExpiryRowDto): string {
  const when = row.daysLeft === null ? '' : row.daysLeft < 0 ? `expired ${dateText(row.notAfter)} (${daysText(row.daysLeft)})` : `expires ${dateText(row.notAfter)} (${daysText(row.daysLeft)})`;
  return `  - ${subjectName(row.subject)}: ${when}, ${whereText(row)}`;
}

export function makeDigest(scan: ExpiryScanDto, kind: DigestKind, now: Date): ExpiryDigestDto {
  const thresholds = scan.thresholds.length ? scan.thresholds : DEFAULT_THRESHOLDS;
  const window = digestWindow(kind, thresholds);
  const rows = scan.rows.filter((r) => r.status !== 'error' && r.notAfter !== null).map((r) => redated(r, thresholds, now));
  const expiring = bySoonest(rows.filter((r) => r.daysLeft !== null && r.daysLeft >= window.from && r.daysLeft <= window.to));
  const expired = bySoonest(rows.filter((r) => r.daysLeft !== null && r.daysLeft < 0));

  const within = windowText(window);
  const name = kind === 'daily' ? 'Daily' : 'Monthly';
  const title =
    expiring.length === 0 && expired.length === 0
      ? `${name} certificate digest: nothing expires ${within}`
      : `${name} certificate digest: ${certificatesText(expiring.length)} ${expiring.length === 1 ? 'expires' : 'expire'} ${within}` +
        (expired.length ? `, ${certificatesText(expired.length)} already expired` : '');

  const body = [`${name} certificate digest, ${dateText(now.toISOString())}`, ''];
  if (expiring.length) body.push(`${certificatesText(expiring.length)} ${expiring.length === 1 ? 'expires' : 'expire'} ${within}:`, ...expiring.map(line));
  else body.push(`No certificate expires ${within}.`);
  body.push('');
  if (expired.length) {
    body.push(`${certificatesText(expired.length)} ${expired.length === 1 ? 'has' : 'have'} already expired and ${expired.length === 1 ? 'is' : 'are'} still stored or served:`, ...expired.map(line));
    body.push('', 'Replace them, or remove them from where they are stored or served.');
  } else body.push('No expired certificate is stored or served.');
  if (scan.cancelled) body.push('', 'The scan was stopped before it finished: this digest covers only what it found until then.');
  const errors = scan.rows.filter((r) => r.status === 'error').length;
  if (errors) body.push('', `${errors} ${errors === 1 ? 'place' : 'places'} on the watchlist could not be read; see the scan for why.`);

  return { kind, title, generatedAt: now.toISOString(), expiring, expired, text: body.join('\n') + '\n' };
}

/**
 * The expiry timeline: the next 12 calendar months (the current one first), each with how many certificates
 * run out in it, split by the threshold band they are in now; what already expired is counted apart.
 */
import type { ExpiryRowDto } from '../../../main/api/dto';

/** The band a future expiry falls in: within a threshold (3, 30, 60 ...) or beyond all of them. */
export type Band = number | 'later';

export interface MonthBucket {
  /** "2026-11". */
  key: string;
  /** "Nov 2026". */
  label: string;
  total: number;
  /** Count per band, in the order of `bands`. */
  byBand: Map<Band, number>;
}

export interface Timeline {
  months: MonthBucket[];
  /** Bands from the most urgent (smallest threshold) to 'later'. */
  bands: Band[];
  /** Already expired (daysLeft < 0). */
  expired: number;
  /** Expiring after the twelfth month. */
  beyond: number;
  /** The tallest month, for the chart's scale. */
  max: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Bands for the thresholds, most urgent first: [3, 30, 60, 'later']. */
export function bandsOf(thresholds: readonly number[]): Band[] {
  const sorted: Band[] = [...new Set(thresholds)].sort((a, b) => a - b);
  return [...sorted, 'later'];
}

/** The smallest threshold the days left are within, or 'later'. */
export function bandOf(daysLeft: number, thresholds: readonly number[]): Band {
  const within = thresholds.filter((t) => daysLeft <= t);
  return within.length ? Math.min(...within) : 'later';
}

export function buildTimeline(rows: readonly ExpiryRowDto[], thresholds: readonly number[], now: Date): Timeline {
  const bands = bandsOf(thresholds);
  const startYear = now.getUTCFullYear();
  const startMonth = now.getUTCMonth();
  const months: MonthBucket[] = Array.from({ length: 12 }, (_, i) => {
    const y = startYear + Math.floor((startMonth + i) / 12);
    const m = (startMonth + i) % 12;
    return { key: `${y}-${String(m + 1).padStart(2, '0')}`, label: `${MONTHS[m]} ${y}`, total: 0, byBand: new Map(bands.map((b) => [b, 0])) };
  });
  let expired = 0;
  let beyond = 0;
  for (const row of rows) {
    if (row.status === 'error' || row.notAfter === null || row.daysLeft === null) continue;
    if (row.daysLeft < 0 || row.status === 'expired') {
      expired++;
      continue;
    }
    const end = new Date(row.notAfter);
    const index = (end.getUTCFullYear() - startYear) * 12 + (end.getUTCMonth() - startMonth);
    const bucket = months[index];
    if (!bucket) {
      // Before the current month cannot happen for a live certificate; after the twelfth is "later".
      beyond++;
      continue;
    }
    const band = bandOf(row.daysLeft, thresholds);
    bucket.byBand.set(band, (bucket.byBand.get(band) ?? 0) + 1);
    bucket.total++;
  }
  return { months, bands, expired, beyond, max: Math.max(0, ...months.map((m) => m.total)) };
}

/** How the chart names a band: "within 3 days", "later than 60 days". */
export function bandLabel(band: Band, bands: readonly Band[]): string {
  if (band !== 'later') return `Within ${band} days`;
  const largest = bands.filter((b): b is number => b !== 'later').pop();
  return largest === undefined ? 'Later' : `More than ${largest} days`;
}

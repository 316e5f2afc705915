/** Small wording helpers the doctor's messages share: dates, counts, lists of names. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Mar 2027" (UTC), as the Inspector writes dates. */
export function day(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? 'an unreadable date' : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export const DAY_MS = 86_400_000;

/** Whole days from `at` to `ms` (negative: in the past), rounded down. */
export function daysBetween(at: number, ms: number): number {
  return Math.floor((ms - at) / DAY_MS);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A headline placed after "but": "The server sends ..." → "the server sends ...". */
export function afterBut(headline: string): string {
  return /^(The|A|An|It|Could|Some) /.test(headline) ? headline[0].toLowerCase() + headline.slice(1) : headline;
}

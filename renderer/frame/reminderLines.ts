/** A reminder's first few certificates as short lines ("mail.example.test: 45 days left"), most urgent first. */
import type { ExpiryReminderDto } from '../../main/api/dto';
import { daysWords } from '../pages/expiry/words';

/** The CN when the subject has one, else the subject, else where it is. */
export function shortName(subject: string, source: string): string {
  const cn = /(?:^|[,/]\s*)CN=([^,/]+)/.exec(subject);
  return cn?.[1]?.trim() || subject || source;
}

export function reminderLines(reminder: ExpiryReminderDto, shown: number): { lines: string[]; more: number } {
  const rows = [...reminder.rows].sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity));
  const lines = rows.slice(0, shown).map((r) => `${shortName(r.subject, r.source)}: ${daysWords(r)}`);
  return { lines, more: Math.max(0, rows.length - shown) };
}

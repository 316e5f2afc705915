/** The thresholds field: "60, 30, 3" ↔ [60, 30, 3] (whole days from 1 to 3650, at most 10, largest first). */
export type ParsedThresholds = { ok: true; value: number[] } | { ok: false; message: string };

export function thresholdsText(thresholds: readonly number[]): string {
  return [...thresholds].sort((a, b) => b - a).join(', ');
}

export function parseThresholds(text: string): ParsedThresholds {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: 'Give at least one number of days, such as 30.' };
  const bad = parts.find((p) => !/^\d{1,4}$/.test(p) || Number(p) < 1 || Number(p) > 3650);
  if (bad !== undefined) return { ok: false, message: `“${bad}” is not a number of days from 1 to 3650.` };
  const value = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (value.length > 10) return { ok: false, message: 'At most 10 thresholds.' };
  return { ok: true, value };
}

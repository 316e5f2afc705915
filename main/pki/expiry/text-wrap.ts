/** Greedy line wrapping for the PDF: breaks after spaces, commas, slashes and semicolons, inside a word only when it is wider than a line. */
import { textWidth, type PdfFont } from './helvetica-metrics';

export interface WrapOptions {
  font: PdfFont;
  size: number;
  width: number;
  /** At most this many lines; the last one then ends in an ellipsis. */
  maxLines?: number;
}

/** The longest prefix of `text` (at least one character) that fits `width`. */
function fittingPrefix(text: string, o: WrapOptions): string {
  const chars = Array.from(text);
  let lo = 1;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join(''), o.font, o.size) <= o.width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('');
}

export function wrapText(text: string, o: WrapOptions): string[] {
  const fits = (s: string) => textWidth(s, o.font, o.size) <= o.width;
  const lines: string[] = [];
  let line = '';
  for (const token of text.replace(/\s+/g, ' ').trim().split(/(?<=[ ,/;])/)) {
    if (fits((line + token).trimEnd())) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    while (line && !fits(line.trimEnd())) {
      const head = fittingPrefix(line, o);
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  if (o.maxLines !== undefined && lines.length > o.maxLines) {
    const kept = lines.slice(0, o.maxLines);
    let last = kept[kept.length - 1];
    while (last && !fits(last + '…')) last = Array.from(last).slice(0, -1).join('');
    kept[kept.length - 1] = last + '…';
    return kept;
  }
  return lines;
}

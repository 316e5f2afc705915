/**
 * Text for the PDF's two standard fonts (Helvetica, Helvetica-Bold, which every PDF reader has built in):
 * Unicode to WinAnsiEncoding bytes, and how wide a text is, from Adobe's AFM widths (units of 1/1000 em) for
 * the printable ASCII range. Letters with accents take their base letter's width; the few other WinAnsi
 * characters an approximate one. Widths only steer line wrapping, so close is enough beyond ASCII.
 */

export type PdfFont = 'regular' | 'bold';

// AFM widths for codes 32..126 (space ... asciitilde).
// prettier-ignore
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
// prettier-ignore
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** WinAnsiEncoding's 0x80..0x9F, which differ from Latin-1 (undefined codes: 0). */
// prettier-ignore
const WIN_ANSI_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
const FROM_UNICODE = new Map<number, number>(WIN_ANSI_HIGH.map((u, i) => [u, 0x80 + i] as [number, number]).filter(([u]) => u !== 0));

/** Approximate widths of WinAnsi characters that are not ASCII and not a letter with an accent. */
const OTHER_WIDTH: Record<number, number> = {
  0x80: 556, 0x85: 1000, 0x89: 1000, 0x8c: 1000, 0x91: 222, 0x92: 222, 0x93: 333, 0x94: 333, 0x95: 350, 0x96: 556, 0x97: 1000, 0x99: 1000,
  0x9c: 944, 0xa0: 278, 0xa9: 737, 0xae: 737, 0xb0: 400, 0xc6: 1000, 0xd7: 584, 0xdf: 611, 0xe6: 889, 0xf7: 584,
};

/** The WinAnsi code of each character; "?" for what the encoding lacks (CJK, Cyrillic, emoji ...). */
export function winAnsiCodes(text: string): number[] {
  const codes: number[] = [];
  for (const ch of text) {
    const u = ch.codePointAt(0)!;
    if ((u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xff)) codes.push(u);
    else if (FROM_UNICODE.has(u)) codes.push(FROM_UNICODE.get(u)!);
    else if (u === 0x09) codes.push(0x20);
    else codes.push(0x3f);
  }
  return codes;
}

function codeWidth(code: number, table: readonly number[]): number {
  if (code >= 32 && code <= 126) return table[code - 32];
  if (OTHER_WIDTH[code] !== undefined) return OTHER_WIDTH[code];
  const base = String.fromCharCode(code).normalize('NFD').charCodeAt(0);
  if (base >= 32 && base <= 126 && base !== code) return table[base - 32];
  return 556;
}

/** Width in points of `text` set in `font` at `size` points. */
export function textWidth(text: string, font: PdfFont, size: number): number {
  const table = font === 'bold' ? HELVETICA_BOLD : HELVETICA;
  let units = 0;
  for (const code of winAnsiCodes(text)) units += codeWidth(code, table);
  return (units * size) / 1000;
}

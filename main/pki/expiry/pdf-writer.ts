/**
 * A small PDF 1.4 writer, enough for a report: pages of text in the two standard Helvetica fonts, lines and
 * filled rectangles, in RGB. Everything is uncompressed and ASCII; text goes as hex strings in WinAnsiEncoding
 * (so no escaping can go wrong), and the cross-reference table gives each object's exact byte offset.
 */
import { winAnsiCodes, type PdfFont } from './helvetica-metrics';

export type Rgb = readonly [number, number, number];

const FONT_NAME: Record<PdfFont, string> = { regular: 'F1', bold: 'F2' };

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, ''));
const rgb = (c: Rgb) => c.map((v) => num(Math.min(1, Math.max(0, v)))).join(' ');
const hexString = (codes: number[]) => `<${codes.map((c) => c.toString(16).padStart(2, '0')).join('')}>`;

export class PdfPage {
  readonly ops: string[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Text with its baseline starting at (x, y), points from the bottom left. */
  text(x: number, y: number, text: string, options: { font?: PdfFont; size: number; color?: Rgb }): void {
    if (text === '') return;
    const color = options.color ?? [0, 0, 0];
    this.ops.push(`BT /${FONT_NAME[options.font ?? 'regular']} ${num(options.size)} Tf ${rgb(color)} rg 1 0 0 1 ${num(x)} ${num(y)} Tm ${hexString(winAnsiCodes(text))} Tj ET`);
  }

  line(x1: number, y1: number, x2: number, y2: number, options: { width?: number; color?: Rgb } = {}): void {
    this.ops.push(`${num(options.width ?? 0.5)} w ${rgb(options.color ?? [0, 0, 0])} RG ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.ops.push(`${rgb(color)} rg ${num(x)} ${num(y)} ${num(width)} ${num(height)} re f`);
  }

  content(): string {
    return this.ops.join('\n') + '\n';
  }
}

/** A PDF text string for the document information: UTF-16BE with its byte order mark, as hex. */
function infoString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export class PdfDocument {
  readonly pages: PdfPage[] = [];

  constructor(
    readonly pageWidth: number,
    readonly pageHeight: number,
  ) {}

  addPage(): PdfPage {
    const page = new PdfPage(this.pageWidth, this.pageHeight);
    this.pages.push(page);
    return page;
  }

  /** The file's bytes. Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then each page and its content. */
  toBytes(info: { title: string; creationDate: Date }): Uint8Array {
    const objects: string[] = [];
    const pageIds = this.pages.map((_, i) => 6 + i * 2);
    objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
    objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${this.pages.length} >>`;
    objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
    objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
    const d = info.creationDate.toISOString();
    const pdfDate = `D:${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}Z`;
    objects[5] = `<< /Title ${infoString(info.title)} /Producer (Certbench) /CreationDate (${pdfDate}) >>`;
    this.pages.forEach((page, i) => {
      const content = page.content();
      objects[pageIds[i]] =
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
      objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}endstream`;
    });

    // Everything above is ASCII, so string lengths are byte counts.
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    for (let id = 1; id < objects.length; id++) {
      offsets[id] = out.length;
      out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
    }
    const xref = out.length;
    out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
    for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(out);
  }
}

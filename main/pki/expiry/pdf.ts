/**
 * The printable report as a PDF (A4 landscape), written by pdf-writer.ts: the title, what was scanned, the
 * counts, the digest's sections, then the table, its header repeated on every page, rows never split across
 * pages, a footer with "Page n of N". It says only what printable.ts says: no passwords, no keys.
 */
import type { ExpiryDigestDto, ExpiryScanDto, ExpiryStatus } from '../../api/dto';
import type { PdfFont } from './helvetica-metrics';
import { PdfDocument, type PdfPage, type Rgb } from './pdf-writer';
import { printableReport, type PrintableReport } from './printable';
import { wrapText } from './text-wrap';

const PAGE = { width: 842, height: 595, margin: 36, footer: 22 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const TABLE = { size: 7.5, leading: 9, pad: 3, maxLines: 8 };
const INK: Rgb = [0.12, 0.14, 0.16];
const MUTED: Rgb = [0.34, 0.38, 0.42];
const RULE: Rgb = [0.82, 0.84, 0.87];
const HEADER_FILL: Rgb = [0.96, 0.97, 0.98];
const STATUS_COLOR: Record<ExpiryStatus, Rgb> = { expired: [0.81, 0.13, 0.18], expiring: [0.6, 0.4, 0], error: [0.51, 0.31, 0.87], ok: [0.1, 0.5, 0.22] };

/** A cursor down the pages: starts a new page when what comes next does not fit. */
class Flow {
  page: PdfPage;
  y: number;
  private readonly bottom = PAGE.margin + PAGE.footer;

  constructor(readonly doc: PdfDocument) {
    this.page = doc.addPage();
    this.y = PAGE.height - PAGE.margin;
  }

  /** Makes room for `height` points, on a new page when this one is full. */
  need(height: number): void {
    if (this.y - height >= this.bottom) return;
    this.page = this.doc.addPage();
    this.y = PAGE.height - PAGE.margin;
  }

  /** Wrapped text across the content width, one line at a time. */
  paragraph(text: string, o: { font?: PdfFont; size: number; color?: Rgb; indent?: number; gapAfter?: number }): void {
    const leading = o.size * 1.3;
    const indent = o.indent ?? 0;
    for (const line of wrapText(text, { font: o.font ?? 'regular', size: o.size, width: CONTENT_WIDTH - indent })) {
      this.need(leading);
      this.y -= leading;
      this.page.text(PAGE.margin + indent, this.y + o.size * 0.25, line, { font: o.font, size: o.size, color: o.color ?? INK });
    }
    this.y -= o.gapAfter ?? 0;
  }
}

function drawCounts(flow: Flow, report: PrintableReport): void {
  const box = { width: 120, height: 38, gap: 12 };
  flow.need(box.height + 12);
  const top = flow.y - 6;
  report.counts.forEach((c, i) => {
    const x = PAGE.margin + i * (box.width + box.gap);
    flow.page.fillRect(x, top - box.height, box.width, box.height, HEADER_FILL);
    flow.page.fillRect(x, top - box.height, 4, box.height, STATUS_COLOR[c.status]);
    flow.page.text(x + 12, top - 18, String(c.count), { font: 'bold', size: 15, color: INK });
    flow.page.text(x + 12, top - 31, c.label, { size: 9, color: MUTED });
  });
  flow.y = top - box.height - 12;
}

function columnLayout(report: PrintableReport): { x: number; width: number }[] {
  const total = report.columns.reduce((s, c) => s + c.weight, 0);
  let x = PAGE.margin;
  return report.columns.map((c) => {
    const width = (c.weight / total) * CONTENT_WIDTH;
    const col = { x, width };
    x += width;
    return col;
  });
}

function drawTableHeader(flow: Flow, report: PrintableReport, cols: { x: number; width: number }[]): void {
  const height = TABLE.leading + 2 * TABLE.pad;
  flow.need(height);
  flow.page.fillRect(PAGE.margin, flow.y - height, CONTENT_WIDTH, height, HEADER_FILL);
  report.columns.forEach((c, i) => flow.page.text(cols[i].x + TABLE.pad, flow.y - TABLE.pad - TABLE.size, c.label, { font: 'bold', size: TABLE.size, color: INK }));
  flow.y -= height;
  flow.page.line(PAGE.margin, flow.y, PAGE.margin + CONTENT_WIDTH, flow.y, { width: 0.8, color: INK });
}

function drawTable(doc: PdfDocument, flow: Flow, report: PrintableReport): void {
  const cols = columnLayout(report);
  flow.need(3 * (TABLE.leading + 2 * TABLE.pad)); // not a lone header at the foot of a page
  drawTableHeader(flow, report, cols);
  for (const row of report.rows) {
    const cells = row.cells.map((cell, i) =>
      wrapText(cell, { font: i === 0 ? 'bold' : 'regular', size: TABLE.size, width: cols[i].width - 2 * TABLE.pad, maxLines: TABLE.maxLines }),
    );
    const height = Math.max(...cells.map((c) => c.length)) * TABLE.leading + 2 * TABLE.pad;
    const pagesBefore = doc.pages.length;
    flow.need(height);
    if (doc.pages.length !== pagesBefore) drawTableHeader(flow, report, cols);
    cells.forEach((lines, i) => {
      const color = i === 0 ? STATUS_COLOR[row.status] : INK;
      lines.forEach((line, j) => flow.page.text(cols[i].x + TABLE.pad, flow.y - TABLE.pad - TABLE.size - j * TABLE.leading, line, { font: i === 0 ? 'bold' : 'regular', size: TABLE.size, color }));
    });
    flow.y -= height;
    flow.page.line(PAGE.margin, flow.y, PAGE.margin + CONTENT_WIDTH, flow.y, { width: 0.4, color: RULE });
  }
}

export function scanPdf(scan: ExpiryScanDto, digest?: ExpiryDigestDto): Uint8Array {
  const report = printableReport(scan, digest);
  const doc = new PdfDocument(PAGE.width, PAGE.height);
  const flow = new Flow(doc);
  flow.paragraph(report.title, { font: 'bold', size: 18, gapAfter: 4 });
  for (const line of report.about) flow.paragraph(line, { size: 9, color: MUTED });
  drawCounts(flow, report);
  if (report.digestTitle) {
    flow.paragraph(report.digestTitle, { font: 'bold', size: 12, gapAfter: 2 });
    for (const s of report.sections) {
      flow.paragraph(s.heading, { font: 'bold', size: 10 });
      if (s.items.length === 0) flow.paragraph('None.', { size: 9, indent: 10 });
      for (const item of s.items) flow.paragraph(`• ${item}`, { size: 9, indent: 10 });
      flow.y -= 4;
    }
  }
  flow.y -= 6;
  flow.paragraph('Certificates', { font: 'bold', size: 12, gapAfter: 4 });
  if (report.rows.length === 0) flow.paragraph('No certificate was found.', { size: 9 });
  else drawTable(doc, flow, report);

  doc.pages.forEach((page, i) => {
    page.text(PAGE.margin, PAGE.margin - 12, `Certbench · ${report.title} · page ${i + 1} of ${doc.pages.length}`, { size: 7.5, color: MUTED });
  });
  const finished = Date.parse(scan.finishedAt);
  return doc.toBytes({ title: report.title, creationDate: new Date(Number.isNaN(finished) ? 0 : finished) });
}

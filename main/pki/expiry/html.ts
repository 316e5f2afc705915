/**
 * The printable report as one HTML file: inline CSS with a print layout (A4 landscape, the table header
 * repeated on every page, rows kept whole), no scripts (a Content-Security-Policy forbids them too), every
 * text escaped. It says only what printable.ts says: no passwords, no keys.
 */
import type { ExpiryDigestDto, ExpiryScanDto } from '../../api/dto';
import { printableReport } from './printable';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
  :root { color-scheme: light; }
  body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328; margin: 24px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 16px; margin: 20px 0 6px; }
  h3 { font-size: 14px; margin: 12px 0 4px; }
  p.about { margin: 2px 0; color: #57606a; }
  .counts { display: flex; gap: 12px; margin: 16px 0; }
  .count { border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 4px; padding: 6px 12px; min-width: 90px; }
  .count b { display: block; font-size: 20px; }
  .expired { border-left-color: #cf222e; } .expiring { border-left-color: #bf8700; }
  .error { border-left-color: #8250df; } .ok { border-left-color: #1a7f37; }
  ul { margin: 4px 0 8px; padding-left: 20px; }
  table { border-collapse: collapse; width: 100%; margin-top: 8px; }
  th, td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; font-weight: 600; }
  td.num { text-align: right; white-space: nowrap; }
  td.hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; word-break: break-all; }
  td.where { word-break: break-all; }
  tr.expired td.status { color: #cf222e; font-weight: 600; } tr.expiring td.status { color: #9a6700; font-weight: 600; }
  tr.error td.status { color: #8250df; font-weight: 600; } tr.ok td.status { color: #1a7f37; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print {
    body { margin: 0; font-size: 10px; }
    .counts { break-inside: avoid; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th { background: none; border-bottom: 2px solid #1f2328; }
  }
`;

const CELL_CLASS = ['status', 'num', '', '', '', 'where', 'hash'];

export function scanHtml(scan: ExpiryScanDto, digest?: ExpiryDigestDto): string {
  const r = printableReport(scan, digest);
  const e = escapeHtml;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(r.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(r.title)}</h1>`,
    ...r.about.map((line) => `<p class="about">${e(line)}</p>`),
    '<div class="counts">',
    ...r.counts.map((c) => `<div class="count ${c.status}"><b>${c.count}</b>${e(c.label)}</div>`),
    '</div>',
  ];
  if (r.digestTitle) {
    out.push(`<h2>${e(r.digestTitle)}</h2>`);
    for (const s of r.sections) {
      out.push(`<h3>${e(s.heading)}</h3>`);
      out.push(s.items.length ? `<ul>${s.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>` : '<p>None.</p>');
    }
  }
  out.push(
    '<h2>Certificates</h2>',
    '<table>',
    `<thead><tr>${r.columns.map((c) => `<th scope="col">${e(c.label)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...r.rows.map((row) => `<tr class="${row.status}">${row.cells.map((cell, i) => `<td${CELL_CLASS[i] ? ` class="${CELL_CLASS[i]}"` : ''}>${e(cell)}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table>',
  );
  if (r.rows.length === 0) out.push('<p>No certificate was found.</p>');
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

/** The last scan (or a digest of it) in an export format, through expiry-reports' writers. */
import type { ExpiryDigestDto, ExpiryExportFormat, ExpiryRowDto, ExpiryScanDto } from '../../api/dto';
import { scanCsv, scanHtml, scanIcs, scanJson, scanOpenMetrics, scanPdf } from '../../pki/expiry/reports';
import { countByStatus } from './scan';

export function renderExport(format: ExpiryExportFormat, scan: ExpiryScanDto, digest: ExpiryDigestDto | undefined, thresholds: readonly number[], now: Date): { bytes: Uint8Array; rows: number } {
  const rows: readonly ExpiryRowDto[] = digest ? [...digest.expiring, ...digest.expired] : scan.rows;
  const text = (s: string) => ({ bytes: new TextEncoder().encode(s), rows: rows.length });
  switch (format) {
    case 'csv':
      return text(scanCsv(rows));
    case 'json':
      return text(scanJson(digest ? { ...scan, rows: [...rows], counts: countByStatus(rows) } : scan));
    case 'ics':
      return text(scanIcs(rows, { thresholds, now }));
    case 'html':
      return text(scanHtml(scan, digest));
    case 'pdf':
      return { bytes: scanPdf(scan, digest), rows: rows.length };
    case 'openmetrics':
      return text(scanOpenMetrics(rows, now));
  }
}

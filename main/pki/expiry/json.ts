/**
 * A scan as JSON: CLI.md's `{ "rows": [ { "source", "subject", "sha256", "notAfter", "daysLeft", "status" } ] }`,
 * each row followed by its other fields, then the counts and what the scan covered.
 */
import type { ExpiryRowDto, ExpiryScanDto } from '../../api/dto';

/** CLI.md's fields first, in its order, then the rest of the row. */
function jsonRow(r: ExpiryRowDto) {
  return {
    source: r.source,
    subject: r.subject,
    sha256: r.sha256,
    notAfter: r.notAfter,
    daysLeft: r.daysLeft,
    status: r.status,
    threshold: r.threshold,
    issuer: r.issuer,
    serial: r.serial,
    notBefore: r.notBefore,
    presence: r.presence,
    isCA: r.isCA,
    targetId: r.targetId,
    error: r.error,
  };
}

export function scanJson(scan: ExpiryScanDto): string {
  const doc = {
    rows: scan.rows.map(jsonRow),
    counts: scan.counts,
    thresholds: scan.thresholds,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    filesScanned: scan.filesScanned,
    ...(scan.filesSkipped !== undefined ? { filesSkipped: scan.filesSkipped } : {}),
    endpointsScanned: scan.endpointsScanned,
    cancelled: scan.cancelled,
    scanId: scan.scanId,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

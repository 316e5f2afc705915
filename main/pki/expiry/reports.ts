/**
 * What a scan is written as (STUBS, owner: expiry-reports; each writer in its own file beside this one, this
 * file re-exports them): CSV (RFC 4180, a header row, one row per certificate), JSON (CLI.md's `{rows: [...]}`
 * plus counts), .ics (RFC 5545: an event per certificate at notAfter, a VALARM per threshold), HTML (printable,
 * no secrets), PDF (the same report, readable by pdftoppm), OpenMetrics (certbench_cert_not_after_seconds{...}
 * and friends, for Prometheus' textfile collector), and the daily / monthly digests.
 */
import type { ExpiryDigestDto, ExpiryRowDto, ExpiryScanDto } from '../../api/dto';

const notYet = (what: string): never => {
  throw new Error(`${what} is not built yet`);
};

export function scanCsv(rows: readonly ExpiryRowDto[]): string {
  void rows;
  return notYet('CSV export');
}

export function scanJson(scan: ExpiryScanDto): string {
  void scan;
  return notYet('JSON export');
}

export function scanIcs(rows: readonly ExpiryRowDto[], options: { thresholds: readonly number[]; now: Date }): string {
  void rows;
  void options;
  return notYet('.ics export');
}

export function scanHtml(scan: ExpiryScanDto, digest?: ExpiryDigestDto): string {
  void scan;
  void digest;
  return notYet('HTML report');
}

export function scanPdf(scan: ExpiryScanDto, digest?: ExpiryDigestDto): Uint8Array {
  void scan;
  void digest;
  return notYet('PDF report');
}

export function scanOpenMetrics(rows: readonly ExpiryRowDto[], now: Date): string {
  void rows;
  void now;
  return notYet('OpenMetrics export');
}

/** daily: expiring within the smallest threshold; monthly: within the two largest (30–60 days); both list the expired. */
export function makeDigest(scan: ExpiryScanDto, kind: 'daily' | 'monthly', now: Date): ExpiryDigestDto {
  void scan;
  void kind;
  void now;
  return notYet('Digests');
}

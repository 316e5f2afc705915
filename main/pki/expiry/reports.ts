/**
 * What a scan is written as, one writer per file beside this one: CSV (RFC 4180), JSON (CLI.md's `{rows: [...]}`
 * plus counts), .ics (RFC 5545: an event per certificate at notAfter, a VALARM per threshold), HTML (printable,
 * no secrets), PDF (the same report), OpenMetrics (certbench_cert_not_after_seconds{...} and friends, for
 * Prometheus' textfile collector), and the daily / monthly digests.
 */
export { scanCsv, CSV_COLUMNS } from './csv';
export { scanJson } from './json';
export { scanIcs } from './ics';
export { scanHtml } from './html';
export { scanPdf } from './pdf';
export { scanOpenMetrics } from './openmetrics';
/** daily: expiring within the smallest threshold; monthly: within the two largest (30–60 days); both list the expired. */
export { makeDigest, digestWindow } from './digest';

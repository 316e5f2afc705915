/**
 * A scan in the OpenMetrics text format, for Prometheus' node_exporter textfile collector (which reads it as the
 * Prometheus text format: # UNIT and # EOF are comments there). One series per certificate at a place; the same
 * certificate twice in one file is one series, since a duplicate label set makes the whole file unreadable.
 */
import type { ExpiryRowDto } from '../../api/dto';

/** Label values (OpenMetrics ABNF): backslash, double quote and line feed escaped. */
export function labelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text: backslash and line feed escaped. */
function helpText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function labels(pairs: [string, string][]): string {
  return `{${pairs.map(([k, v]) => `${k}="${labelValue(v)}"`).join(',')}}`;
}

interface Family {
  name: string;
  help: string;
  unit?: string;
  samples: string[];
}

function family(f: Family): string[] {
  return [`# TYPE ${f.name} gauge`, ...(f.unit ? [`# UNIT ${f.name} ${f.unit}`] : []), `# HELP ${f.name} ${helpText(f.help)}`, ...f.samples];
}

const seconds = (ms: number) => (ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3));

export function scanOpenMetrics(rows: readonly ExpiryRowDto[], now: Date): string {
  const notAfter: string[] = [];
  const daysLeft: string[] = [];
  const status: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.status === 'error' || !row.sha256 || row.notAfter === null || Number.isNaN(Date.parse(row.notAfter))) continue;
    const id: [string, string][] = [
      ['source', row.source],
      ['subject', row.subject],
      ['sha256', row.sha256],
    ];
    const key = labels(id);
    if (seen.has(key)) continue;
    seen.add(key);
    notAfter.push(`certbench_cert_not_after_seconds${key} ${seconds(Date.parse(row.notAfter))}`);
    if (row.daysLeft !== null) daysLeft.push(`certbench_cert_days_left${key} ${row.daysLeft}`);
    status.push(`certbench_cert_status${labels([...id, ['status', row.status]])} 1`);
  }
  const errors = rows.filter((r) => r.status === 'error').length;
  const lines = [
    ...family({ name: 'certbench_cert_not_after_seconds', unit: 'seconds', help: 'When the certificate expires (its notAfter), as a Unix time.', samples: notAfter }),
    ...family({ name: 'certbench_cert_days_left', help: 'Whole days until the certificate expires at scan time; negative once expired.', samples: daysLeft }),
    ...family({ name: 'certbench_cert_status', help: 'The certificate\'s expiry status at scan time (ok, expiring or expired); the value is always 1.', samples: status }),
    ...family({ name: 'certbench_scan_errors', help: 'Files, folders and endpoints the scan could not read.', samples: [`certbench_scan_errors ${errors}`] }),
    ...family({ name: 'certbench_scan_timestamp_seconds', unit: 'seconds', help: 'When the scan ran, as a Unix time.', samples: [`certbench_scan_timestamp_seconds ${seconds(now.getTime())}`] }),
    '# EOF',
  ];
  return lines.join('\n') + '\n';
}

/** `certbench expiry` in words: one line per certificate, soonest first, errors after, then a summary line. */
import type { ExpiryRowDto, ExpiryScanDto } from '../api/dto';
import { countText } from '../pki/count-text';
import { bySoonest, certificatesText, dateText, daysText, whereText } from '../pki/expiry/report-text';

const STATUS_WORD: Record<ExpiryRowDto['status'], string> = { expired: 'EXPIRED', expiring: 'EXPIRING', ok: 'ok', error: 'ERROR' };

function certificateLine(r: ExpiryRowDto): string {
  const days = r.daysLeft === null ? '' : r.daysLeft < 0 ? `expired ${daysText(r.daysLeft)}` : `expires ${daysText(r.daysLeft)}`;
  return `${STATUS_WORD[r.status].padEnd(8)}  ${dateText(r.notAfter).padEnd(11)}  ${days.padEnd(22)}  ${r.subject || '(no subject)'}  ${whereText(r)}`;
}

export function expiryLines(scan: ExpiryScanDto, within: number): string[] {
  const certs = bySoonest(scan.rows.filter((r) => r.status !== 'error'));
  const errors = scan.rows.filter((r) => r.status === 'error');
  const lines = certs.map(certificateLine);
  for (const r of errors) lines.push(`${STATUS_WORD.error.padEnd(8)}  ${r.source}: ${r.error?.message ?? 'could not be read.'}${r.error?.hint ? `\n          hint: ${r.error.hint}` : ''}`);
  if (lines.length) lines.push('');
  const expired = certs.filter((r) => r.status === 'expired').length;
  const soon = certs.filter((r) => r.status !== 'expired' && r.daysLeft !== null && r.daysLeft <= within).length;
  const parts = [
    expired ? `${countText(expired)} expired` : '',
    soon ? `${countText(soon)} ${soon === 1 ? 'expires' : 'expire'} within ${countText(within)} days` : '',
    errors.length ? `${countText(errors.length)} could not be read` : '',
  ].filter(Boolean);
  const found = `${certificatesText(certs.length)} in ${countText(scan.filesScanned)} ${scan.filesScanned === 1 ? 'file' : 'files'}` + (scan.endpointsScanned ? ` and ${countText(scan.endpointsScanned)} ${scan.endpointsScanned === 1 ? 'endpoint' : 'endpoints'}` : '');
  lines.push(parts.length ? `${found}: ${parts.join(', ')}.` : `${found}: nothing expires within ${countText(within)} days.`);
  return lines;
}

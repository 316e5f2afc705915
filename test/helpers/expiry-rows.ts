/** Hand-made expiry rows and scans for the report writers' tests: a certificate expiring N days from a fixed moment. */
import type { ExpiryRowDto, ExpiryScanDto, ExpiryStatus } from '../../main/api/dto';

export const NOW = new Date('2026-11-27T12:00:00.000Z');
const DAY = 86_400_000;

let serial = 0x1000;

/** A fake but well-formed SHA-256 (64 uppercase hex) derived from a name. */
export function fakeSha256(name: string): string {
  let out = '';
  for (let chunk = 0; out.length < 64; chunk++) {
    let h = (0x811c9dc5 ^ chunk) >>> 0;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64).toUpperCase();
}

/** A stored certificate `cn` at `source` that expires `days` days (and an hour) after NOW; statuses as the default thresholds give them. */
export function certRow(cn: string, days: number, over: Partial<ExpiryRowDto> = {}): ExpiryRowDto {
  const notAfter = new Date(NOW.getTime() + days * DAY + (days >= 0 ? 3_600_000 : -3_600_000));
  const daysLeft = Math.floor((notAfter.getTime() - NOW.getTime()) / DAY);
  const status: ExpiryStatus = daysLeft < 0 ? 'expired' : daysLeft <= 60 ? 'expiring' : 'ok';
  const threshold = status !== 'expiring' ? null : daysLeft <= 3 ? 3 : daysLeft <= 30 ? 30 : 60;
  return {
    targetId: 't1',
    source: `/srv/certs/${cn}.pem`,
    presence: 'stored',
    subject: `CN=${cn},O=Example Corp,C=US`,
    issuer: 'CN=Example Issuing CA,O=Example Corp,C=US',
    sha256: fakeSha256(cn + (over.source ?? '')),
    serial: (serial++).toString(16).toUpperCase(),
    notBefore: new Date(notAfter.getTime() - 365 * DAY).toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft,
    status,
    threshold,
    isCA: false,
    error: null,
    ...over,
  };
}

export function errorRow(source: string, message = 'The password is wrong.'): ExpiryRowDto {
  return {
    targetId: 't2',
    source,
    presence: 'stored',
    subject: '',
    issuer: '',
    sha256: '',
    serial: '',
    notBefore: null,
    notAfter: null,
    daysLeft: null,
    status: 'error',
    threshold: null,
    isCA: false,
    error: { code: 'WRONG_PASSWORD', message, hint: 'Check the password.' },
  };
}

export function scanOf(rows: ExpiryRowDto[], over: Partial<ExpiryScanDto> = {}): ExpiryScanDto {
  const counts: Record<ExpiryStatus, number> = { ok: 0, expiring: 0, expired: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    scanId: 'scan-1',
    startedAt: new Date(NOW.getTime() - 5000).toISOString(),
    finishedAt: NOW.toISOString(),
    thresholds: [60, 30, 3],
    rows,
    counts,
    filesScanned: rows.filter((r) => r.presence === 'stored').length,
    endpointsScanned: rows.filter((r) => r.presence === 'served').length,
    cancelled: false,
    ...over,
  };
}

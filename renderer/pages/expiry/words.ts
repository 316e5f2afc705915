/** The Expiry page's words: days left, statuses, the last scan, the page's one-line verdict. */
import type { ExpiryRowDto, ExpiryScanDto, ExpiryStatus, WatchTargetDto } from '../../../main/api/dto';

export const STATUS_LABEL: Record<ExpiryStatus, string> = { ok: 'OK', expiring: 'Expiring', expired: 'Expired', error: 'Could not read' };

/** The table's narrow status column. */
export const STATUS_SHORT: Record<ExpiryStatus, string> = { ...STATUS_LABEL, error: 'Error' };

/** MUI palette colour per status. */
export const STATUS_COLOR: Record<ExpiryStatus, 'success' | 'warning' | 'error' | 'info'> = { ok: 'success', expiring: 'warning', expired: 'error', error: 'info' };

export function daysWords(row: Pick<ExpiryRowDto, 'daysLeft' | 'status'>): string {
  const d = row.daysLeft;
  if (d === null) return '—';
  if (d < 0) return d === -1 ? 'Expired yesterday' : `Expired ${-d} days ago`;
  if (d === 0) return 'Expires today';
  if (d === 1) return 'Expires tomorrow';
  return `${d} days left`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Scanned 5 min ago: 12 certificates in 4 files and 1 endpoint", or "Not scanned yet". */
export function lastScanWords(scan: ExpiryScanDto | null, now: Date): string {
  if (!scan) return 'Not scanned yet';
  const ago = agoWords(new Date(scan.finishedAt), now);
  const found = plural(scan.rows.filter((r) => r.status !== 'error').length, 'certificate');
  const where = [scan.filesScanned ? plural(scan.filesScanned, 'file') : null, scan.endpointsScanned ? plural(scan.endpointsScanned, 'endpoint') : null].filter(Boolean).join(' and ');
  return `Scanned ${ago}${scan.cancelled ? ' (stopped early)' : ''}: ${found}${where ? ` in ${where}` : ''}`;
}

export function agoWords(then: Date, now: Date): string {
  const s = Math.round((now.getTime() - then.getTime()) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return d === 1 ? 'yesterday' : `${d} days ago`;
}

/** The page's verdict: the most urgent thing first. */
export function verdict(scan: ExpiryScanDto | null, targets: number): { text: string; tone: 'success' | 'warning' | 'error' | 'info' } {
  if (targets === 0) return { text: 'Nothing is watched yet', tone: 'info' };
  if (!scan) return { text: `${plural(targets, 'item')} on the watchlist; scan to see what expires`, tone: 'info' };
  const { expired, expiring, error } = scan.counts;
  if (expired) return { text: `${plural(expired, 'certificate')} expired${expiring ? `, ${expiring} expiring soon` : ''}`, tone: 'error' };
  if (expiring) {
    const soonest = Math.min(...scan.rows.filter((r) => r.status === 'expiring' && r.daysLeft !== null).map((r) => r.daysLeft!));
    return { text: `${plural(expiring, 'certificate')} expiring soon; the first in ${plural(soonest, 'day')}`, tone: 'warning' };
  }
  if (error) return { text: `Nothing expires soon, but ${plural(error, 'item')} could not be read`, tone: 'warning' };
  return { text: `All ${plural(scan.counts.ok, 'certificate')} valid beyond ${Math.max(...scan.thresholds)} days`, tone: 'success' };
}

/** How a watchlist entry reads: its label, else where it is. */
export function targetTitle(t: WatchTargetDto): string {
  return t.label ?? t.location;
}

export function targetDetail(t: WatchTargetDto): string {
  const parts: string[] = [];
  if (t.label) parts.push(t.location);
  if (t.kind === 'folder') parts.push(t.recursive ? 'folder and subfolders' : 'folder only');
  if (t.kind === 'file') parts.push('file');
  if (t.endpoint) {
    parts.push('TLS endpoint');
    if (t.endpoint.servername) parts.push(`SNI ${t.endpoint.servername}`);
    if (t.endpoint.starttls) parts.push(`STARTTLS ${t.endpoint.starttls}`);
  }
  if (t.hasPassword) parts.push('password kept');
  return parts.join(' · ');
}

/**
 * Scans watchlist targets: files (every format the reader knows, keystores with their vault password or listed
 * without it), folders (recursively, bounded), endpoints (the chain doctor's TLS fetch), concurrently with a
 * limit, with progress and cancel. One row per certificate; a target that cannot be read is one error row.
 *
 * Folders are listed first (the phase names the folder; fraction unknown), then every file and endpoint is one
 * job; the fraction is jobs done / jobs. Rows come back in target order, whatever order the jobs finished in.
 */
import type { ExpiryRowDto, ExpiryScanDto, ExpiryStatus, WatchTargetDto } from '../../api/dto';
import { randomBytes } from '../../pki/crypto';
import { hex } from '../../pki/der/der';
import type { NetworkPort } from '../../pki/net/port';
import { SummaryCache } from '../../pki/summary';
import { errorRow, type RowContext } from './certificate-rows';
import { scanEndpoint } from './endpoint-rows';
import { scanFile } from './file-rows';
import { listFolder } from './folder-walk';
import { runPool } from './pool';

export { targetFromInput } from './target-input';

export interface ScanOptions {
  net: NetworkPort;
  thresholds: readonly number[];
  now: Date;
  /** The vault's password for a target's keystores / PFX files. */
  passwordFor?: (targetId: string) => string | undefined;
  /** Targets read at once (files and endpoints). Default 8. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number | null, phase: string) => void;
}

export const DEFAULT_CONCURRENCY = 8;
/** Progress is announced at most this often (a 10,000-file tree would otherwise send 10,000 events). */
const PROGRESS_INTERVAL_MS = 100;

type Job = { kind: 'file'; target: WatchTargetDto; path: string; inFolder: boolean } | { kind: 'endpoint'; target: WatchTargetDto };

interface JobResult {
  rows: ExpiryRowDto[];
  skipped: boolean;
}

export async function scanTargets(targets: readonly WatchTargetDto[], options: ScanOptions): Promise<ExpiryScanDto> {
  const started = performance.now();
  const cache = new SummaryCache();
  const report = throttled(options.onProgress);
  const context = (target: WatchTargetDto, presence: ExpiryRowDto['presence']): RowContext => ({ targetId: target.id, presence, now: options.now, thresholds: options.thresholds, cache });

  // Rows found while listing (unreadable sub-folders, dangling links) go before the target's files.
  const slots: { rows: ExpiryRowDto[]; job: Job | null }[] = [];
  let skipped = 0;
  for (const target of targets) {
    if (options.signal?.aborted) break;
    if (target.kind === 'endpoint') slots.push({ rows: [], job: { kind: 'endpoint', target } });
    else if (target.kind === 'file') slots.push({ rows: [], job: { kind: 'file', target, path: target.location, inFolder: false } });
    else {
      report(null, `Listing ${target.location}`, true);
      try {
        const listing = await listFolder(target.location, { recursive: target.recursive, signal: options.signal });
        skipped += listing.skipped;
        const problems = listing.problems.map((p) => errorRow(target.id, p.path, 'stored', p.error));
        if (problems.length) slots.push({ rows: problems, job: null });
        for (const path of listing.files) slots.push({ rows: [], job: { kind: 'file', target, path, inFolder: true } });
      } catch (e) {
        slots.push({ rows: [errorRow(target.id, target.location, 'stored', e)], job: null });
      }
    }
  }

  const jobs = slots.filter((s) => s.job !== null);
  let done = 0;
  let filesScanned = 0;
  let endpointsScanned = 0;
  await runPool(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, options.signal, async (slot) => {
    const job = slot.job!;
    const result = await runJob(job, context, options);
    // A job cut short by Stop found nothing worth reporting: its error would only say "cancelled".
    if (options.signal?.aborted && result.rows.some((r) => r.status === 'error')) return;
    slot.rows = result.rows;
    if (result.skipped) skipped++;
    if (job.kind === 'file') filesScanned++;
    else endpointsScanned++;
    done++;
    report(done / jobs.length, job.kind === 'file' ? job.path : job.target.location, done === jobs.length);
  });

  const rows = slots.flatMap((s) => s.rows);
  return {
    scanId: 'scan_' + hex(randomBytes(8)).toLowerCase(),
    startedAt: options.now.toISOString(),
    finishedAt: new Date(options.now.getTime() + Math.round(performance.now() - started)).toISOString(),
    thresholds: [...options.thresholds],
    rows,
    counts: countByStatus(rows),
    filesScanned,
    filesSkipped: skipped,
    endpointsScanned,
    cancelled: options.signal?.aborted ?? false,
  };
}

async function runJob(job: Job, context: (t: WatchTargetDto, p: ExpiryRowDto['presence']) => RowContext, options: ScanOptions): Promise<JobResult> {
  const password = options.passwordFor?.(job.target.id);
  if (job.kind === 'file') return scanFile(job.path, { ...context(job.target, 'stored'), password, inFolder: job.inFolder, signal: options.signal });
  return { rows: await scanEndpoint(job.target, options.net, context(job.target, 'served'), options.signal), skipped: false };
}

export function countByStatus(rows: readonly ExpiryRowDto[]): Record<ExpiryStatus, number> {
  const counts: Record<ExpiryStatus, number> = { ok: 0, expiring: 0, expired: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

function throttled(onProgress: ScanOptions['onProgress']): (fraction: number | null, phase: string, force: boolean) => void {
  let last = -Infinity;
  return (fraction, phase, force) => {
    if (!onProgress) return;
    const t = performance.now();
    if (!force && t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    onProgress(fraction, phase);
  };
}

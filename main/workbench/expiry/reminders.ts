/**
 * The reminder scheduler: on start (after a short delay, so the window is there to show it) and every 24 hours
 * while the app runs, scan the watchlist, raise `expiry.reminder` for the rows that crossed a threshold since the
 * last reminder (when settings.notify), and write the scheduled digests (daily; monthly on the first run of a
 * month, normally the 1st) as .txt and .html into settings.reportsFolder (default: the data folder's "reports").
 * The timer is unref'd (it never keeps the process alive); clock and timer are injectable for tests.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ExpiryReminderDto, ExpiryRowDto, ExpiryScanDto, ExpirySettingsDto } from '../../api/dto';
import { isPkiError, PkiError, toErrorInfo } from '../../pki/errors';
import { makeDigest, scanHtml } from '../../pki/expiry/reports';
import type { EventHub } from '../events';
import { writeFilesAtomically } from '../write-files';
import { nodeTimers, type TimerPort } from '../timer-port';
import { ReminderStateFile, type ReminderState } from './reminder-state';
import type { ExpiryWatch } from './watch';

export const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 5_000;

export type { TimerPort } from '../timer-port';

export interface ReminderOptions {
  watch: ExpiryWatch;
  events: EventHub;
  dataDir?: string;
  now?: () => Date;
  timers?: TimerPort;
  firstRunDelayMs?: number;
  intervalMs?: number;
  /** The digest files of a scan (name extension → content); default expiry-reports' text digest and HTML report. */
  renderDigest?: DigestRenderer;
  /** Where a failed run is told (it never throws out of the timer). Default: console.warn. */
  onError?: (message: string) => void;
}

export type DigestRenderer = (scan: ExpiryScanDto, kind: 'daily' | 'monthly', now: Date) => { extension: string; text: string }[];

const defaultRenderer: DigestRenderer = (scan, kind, now) => {
  const digest = makeDigest(scan, kind, now);
  return [
    { extension: 'txt', text: digest.text },
    { extension: 'html', text: scanHtml(scan, digest) },
  ];
};

export interface ReminderRun {
  /** The reminder raised, or null (nothing crossed a threshold, or notifications are off). */
  reminder: ExpiryReminderDto | null;
  /** Digest files written. */
  written: string[];
}

export class ReminderScheduler {
  private readonly state: ReminderStateFile;
  private readonly timers: TimerPort;
  private readonly now: () => Date;
  private handle: unknown = null;
  private running: Promise<ReminderRun> | null = null;
  private stopped = true;

  constructor(private readonly options: ReminderOptions) {
    this.state = new ReminderStateFile(options.dataDir);
    this.timers = options.timers ?? nodeTimers;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(this.options.firstRunDelayMs ?? FIRST_RUN_DELAY_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  /** One run: scan, remind, write digests. Runs never overlap; a second call while one runs gets that one. */
  run(): Promise<ReminderRun> {
    this.running ??= this.runScan().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The same as run() (an earlier name the Expiry e2e used). */
  runOnce(): Promise<ReminderRun> {
    return this.run();
  }

  private schedule(ms: number): void {
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      void this.run()
        .catch((e: unknown) => (this.options.onError ?? console.warn)(`Expiry reminders: ${toErrorInfo(e).message}`))
        .finally(() => {
          if (!this.stopped) this.schedule(this.options.intervalMs ?? DAY_MS);
        });
    }, ms);
  }

  private async runScan(): Promise<ReminderRun> {
    const { scan, watchlist } = await this.options.watch.scanQuietly();
    const settings = watchlist.settings;
    const state = await this.state.load();
    const crossed = crossedRows(scan.rows, state);
    const reminder = crossed.length && settings.notify ? reminderFor(crossed) : null;
    if (reminder) this.options.events.emit('expiry.reminder', reminder);
    state.reminded = levels(scan.rows);
    await this.state.save(state);
    // A digest that cannot be written is told, and tried again next run; it does not repeat the reminder.
    let written: string[] = [];
    try {
      written = await this.writeDigests(scan, settings, state);
      await this.state.save(state);
    } catch (e) {
      (this.options.onError ?? console.warn)(`Expiry digests: ${toErrorInfo(e).message}`);
    }
    return { reminder, written };
  }

  private async writeDigests(scan: ExpiryScanDto, settings: ExpirySettingsDto, state: ReminderState): Promise<string[]> {
    const folder = settings.reportsFolder ?? (this.options.dataDir === undefined ? null : join(this.options.dataDir, 'reports'));
    if (!folder || (!settings.dailyDigest && !settings.monthlyDigest)) return [];
    const now = this.now();
    const day = localDate(now);
    const month = day.slice(0, 7);
    const written: string[] = [];
    if (settings.dailyDigest && state.lastDaily !== day) {
      written.push(...(await this.writeDigest(scan, 'daily', now, folder, `certbench-expiry-daily-${day}`)));
      state.lastDaily = day;
    }
    if (settings.monthlyDigest && state.lastMonthly !== month) {
      written.push(...(await this.writeDigest(scan, 'monthly', now, folder, `certbench-expiry-monthly-${month}`)));
      state.lastMonthly = month;
    }
    return written;
  }

  /** The digest as mailed (.txt) and printable (.html); names already there (an earlier run today) are left alone. */
  private async writeDigest(scan: ExpiryScanDto, kind: 'daily' | 'monthly', now: Date, folder: string, base: string): Promise<string[]> {
    const files = (this.options.renderDigest ?? defaultRenderer)(scan, kind, now).map((f) => ({ path: join(folder, `${base}.${f.extension}`), bytes: new TextEncoder().encode(f.text), secret: false }));
    await fs.mkdir(folder, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new PkiError('INVALID_ARGUMENT', `The reports folder ${folder} cannot be made (${e.code ?? e.message}).`, 'Choose another reports folder in the Expiry settings.');
    });
    try {
      await writeFilesAtomically(files, { overwrite: false });
    } catch (e) {
      if (isPkiError(e) && e.code === 'EXISTS') return [];
      throw e;
    }
    return files.map((f) => f.path);
  }
}

/** The level a row stands at: the smallest threshold it is within, 0 once expired; null when ok or unreadable. */
function levelOf(row: ExpiryRowDto): number | null {
  if (row.status === 'expired') return 0;
  if (row.status === 'expiring') return row.threshold;
  return null;
}

const keyOf = (row: ExpiryRowDto) => `${row.targetId}\n${row.source}\n${row.sha256}`;

/** Rows at a lower level than when last reminded (or never reminded). A renewed certificate has a new fingerprint, so a new key. */
export function crossedRows(rows: readonly ExpiryRowDto[], state: ReminderState): ExpiryRowDto[] {
  return rows.filter((r) => {
    const level = levelOf(r);
    if (level === null) return false;
    const before = state.reminded[keyOf(r)];
    return before === undefined || level < before;
  });
}

function levels(rows: readonly ExpiryRowDto[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const level = levelOf(r);
    if (level !== null) out[keyOf(r)] = level;
  }
  return out;
}

export function reminderFor(rows: readonly ExpiryRowDto[]): ExpiryReminderDto {
  const sorted = [...rows].sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
  const expired = sorted.filter((r) => r.status === 'expired').length;
  const title =
    sorted.length === 1
      ? `${nameOf(sorted[0])} ${whenText(sorted[0])}`
      : `${sorted.length} certificates ${expired === sorted.length ? 'have expired' : expired ? `need attention (${expired} expired)` : 'expire soon'}`;
  const lines = sorted.slice(0, 5).map((r) => `${nameOf(r)} ${whenText(r)} (${r.source})`);
  if (sorted.length > 5) lines.push(`and ${sorted.length - 5} more: open Certbench's Expiry page.`);
  return { title, body: lines.join('\n'), rows: sorted };
}

function nameOf(row: ExpiryRowDto): string {
  return /(?:^|,)\s*CN=([^,]+)/.exec(row.subject)?.[1] ?? (row.subject || row.source);
}

function whenText(row: ExpiryRowDto): string {
  const d = row.daysLeft ?? 0;
  // Counted as the chain report and the Inspector count: -daysLeft days ago.
  if (row.status === 'expired') return `expired ${-d} day${d === -1 ? '' : 's'} ago`;
  return d === 0 ? 'expires today' : d === 1 ? 'expires tomorrow' : `expires in ${d} days`;
}

/** "YYYY-MM-DD" in the machine's time zone: the user's day. */
function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

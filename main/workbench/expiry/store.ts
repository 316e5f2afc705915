/**
 * The watchlist in the app's data folder: `watchlist.json` = {schemaVersion: 1, targets, settings, lastScan},
 * rewritten atomically, one change after another. A file this version cannot read (not JSON, the wrong shape)
 * is copied to `watchlist.json.bak` and refused with CORRUPT; one written by a newer Certbench is refused too.
 * Neither is ever overwritten. Passwords are not here: they live in the key vault (hasPassword is the vault's).
 * Without a data folder the watchlist lives in memory.
 */
import { constants, promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { ExpiryScanDto, ExpirySettingsDto, WatchTargetDto } from '../../api/dto';
import { PkiError } from '../../pki/errors';
import { DEFAULT_THRESHOLDS } from '../../pki/expiry/status';
import { writeFilesAtomically } from '../write-files';

export const WATCHLIST_FILE = 'watchlist.json';
export const SCHEMA_VERSION = 1;

/** A target as stored: everything but hasPassword, which only the vault can answer. */
export type StoredTarget = Omit<WatchTargetDto, 'hasPassword'>;

export interface StoredWatchlist {
  schemaVersion: typeof SCHEMA_VERSION;
  targets: StoredTarget[];
  settings: ExpirySettingsDto;
  lastScan: ExpiryScanDto | null;
}

export const DEFAULT_SETTINGS: ExpirySettingsDto = { thresholds: [...DEFAULT_THRESHOLDS], notify: true, dailyDigest: false, monthlyDigest: false, reportsFolder: null };

export const emptyWatchlist = (): StoredWatchlist => ({ schemaVersion: SCHEMA_VERSION, targets: [], settings: { ...DEFAULT_SETTINGS, thresholds: [...DEFAULT_SETTINGS.thresholds] }, lastScan: null });

export class WatchlistStore {
  private queue: Promise<unknown> = Promise.resolve();
  private memory: StoredWatchlist | null = null;

  constructor(private readonly dataDir: string | undefined) {}

  get path(): string | null {
    return this.dataDir === undefined ? null : join(this.dataDir, WATCHLIST_FILE);
  }

  /** The watchlist as stored now (read again each time: the user may have fixed a damaged file meanwhile). */
  load(): Promise<StoredWatchlist> {
    return this.serialized(() => this.read());
  }

  /** Applies `edit` to the stored watchlist and writes the result; the edit may throw to change nothing. */
  update(edit: (current: StoredWatchlist) => StoredWatchlist): Promise<StoredWatchlist> {
    return this.serialized(async () => {
      const next = edit(await this.read());
      await this.write(next);
      return next;
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<StoredWatchlist> {
    const path = this.path;
    if (path === null) return this.memory ?? emptyWatchlist();
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyWatchlist();
      throw new PkiError('CORRUPT', `The watchlist (${path}) cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`, 'Check that Certbench may read its data folder.');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw await damaged(path, 'it is not JSON');
    }
    if (!parsed || typeof parsed !== 'object') throw await damaged(path, 'it is not a watchlist');
    const version = (parsed as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new PkiError(
        'INVALID_ARGUMENT',
        `The watchlist ${path} was written by a newer Certbench (schema ${version}; this one reads ${SCHEMA_VERSION}); it was left as it is.`,
        'Use the newer Certbench, or move that file away to start a new watchlist here.',
      );
    }
    if (version !== SCHEMA_VERSION) throw await damaged(path, 'it has no schema version');
    const why = shapeProblem(parsed as Record<string, unknown>);
    if (why) throw await damaged(path, why);
    const stored = parsed as StoredWatchlist;
    return { schemaVersion: SCHEMA_VERSION, targets: stored.targets, settings: settingsFrom(stored.settings), lastScan: stored.lastScan ?? null };
  }

  private async write(next: StoredWatchlist): Promise<void> {
    if (this.dataDir === undefined || this.path === null) {
      this.memory = next;
      return;
    }
    await fs.mkdir(this.dataDir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new PkiError('INVALID_ARGUMENT', `The data folder ${this.dataDir} cannot be made (${e.code ?? e.message}).`, 'Set CERTBENCH_DATA_DIR to a folder Certbench may write to.');
    });
    const text = JSON.stringify(next) + '\n';
    await writeFilesAtomically([{ path: this.path, bytes: new TextEncoder().encode(text), secret: false }], { overwrite: true });
  }
}

/** Keeps a copy of a file we cannot read (once: an older copy is not replaced) and says so. */
async function damaged(path: string, why: string): Promise<PkiError> {
  const backup = `${path}.bak`;
  const kept = await fs.copyFile(path, backup, constants.COPYFILE_EXCL).then(
    () => true,
    (e: NodeJS.ErrnoException) => e.code === 'EEXIST',
  );
  return new PkiError(
    'CORRUPT',
    `The watchlist ${path} is damaged (${why}); it was left as it is${kept ? ` and a copy is in ${backup}` : ''}.`,
    'Fix that file, or move it away to start a new watchlist.',
  );
}

const TARGET_KINDS = new Set(['file', 'folder', 'endpoint']);

function shapeProblem(w: Record<string, unknown>): string | null {
  if (!Array.isArray(w.targets)) return 'it has no "targets" list';
  for (const t of w.targets as unknown[]) {
    if (!t || typeof t !== 'object') return 'a target is not an object';
    const x = t as Record<string, unknown>;
    if (typeof x.id !== 'string' || !TARGET_KINDS.has(x.kind as string) || typeof x.location !== 'string') return 'a target has no id, kind or location';
    if (x.kind === 'endpoint') {
      const e = x.endpoint as Record<string, unknown> | null;
      if (!e || typeof e.host !== 'string' || typeof e.port !== 'number') return `the endpoint ${x.location} has no host and port`;
    }
  }
  if (w.settings !== undefined && (typeof w.settings !== 'object' || w.settings === null)) return '"settings" is not an object';
  if (w.lastScan !== undefined && w.lastScan !== null && (typeof w.lastScan !== 'object' || !Array.isArray((w.lastScan as ExpiryScanDto).rows))) return '"lastScan" has no rows';
  return null;
}

/** Stored settings over the defaults; a field of the wrong type falls back to its default. */
export function settingsFrom(x: unknown): ExpirySettingsDto {
  const s = (x && typeof x === 'object' ? x : {}) as Partial<Record<keyof ExpirySettingsDto, unknown>>;
  const thresholds = Array.isArray(s.thresholds) && s.thresholds.length && s.thresholds.every((t) => Number.isInteger(t) && (t as number) > 0) ? normalizeThresholds(s.thresholds as number[]) : [...DEFAULT_THRESHOLDS];
  const flag = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    thresholds,
    notify: flag(s.notify, DEFAULT_SETTINGS.notify),
    dailyDigest: flag(s.dailyDigest, DEFAULT_SETTINGS.dailyDigest),
    monthlyDigest: flag(s.monthlyDigest, DEFAULT_SETTINGS.monthlyDigest),
    reportsFolder: typeof s.reportsFolder === 'string' && s.reportsFolder ? s.reportsFolder : null,
  };
}

/** Descending, without repeats. */
export function normalizeThresholds(thresholds: readonly number[]): number[] {
  return [...new Set(thresholds)].sort((a, b) => b - a);
}

/**
 * The expiry watch of one workbench: the watchlist store, the vault's passwords, scans with progress and
 * cancel, digests and exports of the last scan. The expiry.* handlers and the reminder scheduler share it.
 */
import type { ExpiryDigestDto, ExpiryExportFormat, ExpiryFileDto, ExpiryScanDto, ExpirySettingsDto, WatchlistDto, WatchTargetDto, WatchTargetInput } from '../../api/dto';
import { randomBytes } from '../../pki/crypto';
import { hex } from '../../pki/der/der';
import { PkiError } from '../../pki/errors';
import type { NetworkPort } from '../../pki/net/port';
import type { EventHub } from '../events';
import { withProgress } from '../operation-progress';
import type { OutputFolders } from '../output-folders';
import type { PathGrants } from '../path-grants';
import type { Session } from '../session';
import { writeFilesAtomically } from '../write-files';
import { requireChosen } from './access';
import { renderExport } from './export-render';
import { makeDigest } from '../../pki/expiry/reports';
import { scanTargets } from './scan';
import { normalizeThresholds, WatchlistStore, type StoredTarget, type StoredWatchlist } from './store';
import { targetFromInput } from './target-input';

export interface ExpiryWatchContext {
  session: Session;
  folders: OutputFolders;
  grants: PathGrants;
  events: EventHub;
  net: NetworkPort;
  dataDir?: string;
  now?: () => Date;
  /** Files and endpoints read at once. Default 8. */
  concurrency?: number;
}

const vaultOwner = (targetId: string) => `expiry:${targetId}`;

export class ExpiryWatch {
  readonly store: WatchlistStore;
  private readonly now: () => Date;

  constructor(private readonly ctx: ExpiryWatchContext) {
    this.store = new WatchlistStore(ctx.dataDir);
    this.now = ctx.now ?? (() => new Date());
  }

  async watchlist(): Promise<WatchlistDto> {
    return this.dto(await this.store.load());
  }

  async addTargets(inputs: readonly WatchTargetInput[]): Promise<WatchlistDto> {
    const now = this.now();
    // Checked in full before anything is stored or any password kept: one bad entry changes nothing.
    const fresh = inputs.map((input) => {
      const target = targetFromInput(input, 't_' + hex(randomBytes(8)).toLowerCase(), now);
      if (target.kind !== 'endpoint') requireChosen(target.location, this.ctx.grants, this.ctx.folders);
      return { input, target };
    });
    const passwords: [string, string][] = [];
    const next = await this.store.update((w) => {
      const targets = [...w.targets];
      for (const { input, target } of fresh) {
        // The same file, folder or endpoint added again updates its entry (a password given now, a new label).
        const same = targets.findIndex((t) => t.kind === target.kind && t.location === target.location);
        const { hasPassword: _, ...stored } = target;
        void _;
        if (same >= 0) targets[same] = { ...stored, id: targets[same].id, addedAt: targets[same].addedAt, label: stored.label ?? targets[same].label };
        if (input.password !== undefined) passwords.push([same >= 0 ? targets[same].id : stored.id, input.password]);
        if (same < 0) targets.push(stored);
      }
      return { ...w, targets };
    });
    for (const [id, password] of passwords) this.ctx.session.vault.setPassword(vaultOwner(id), password);
    return this.dto(next);
  }

  async removeTargets(ids: readonly string[]): Promise<WatchlistDto> {
    const next = await this.store.update((w) => {
      const unknown = ids.filter((id) => !w.targets.some((t) => t.id === id));
      if (unknown.length) throw notOnWatchlist(unknown.length);
      const drop = new Set(ids);
      return { ...w, targets: w.targets.filter((t) => !drop.has(t.id)), lastScan: w.lastScan && withoutTargets(w.lastScan, drop) };
    });
    for (const id of ids) this.ctx.session.vault.forgetPassword(vaultOwner(id));
    return this.dto(next);
  }

  async updateSettings(change: Partial<ExpirySettingsDto>): Promise<WatchlistDto> {
    if (change.reportsFolder) requireChosen(change.reportsFolder, this.ctx.grants, this.ctx.folders);
    const next = await this.store.update((w) => ({
      ...w,
      settings: {
        ...w.settings,
        ...change,
        thresholds: change.thresholds ? normalizeThresholds(change.thresholds) : w.settings.thresholds,
        reportsFolder: change.reportsFolder === undefined ? w.settings.reportsFolder : change.reportsFolder,
      },
    }));
    return this.dto(next);
  }

  /** Scans with progress events (operations.cancel stops it) and keeps the result as the last scan. */
  async scan(targetIds?: readonly string[]): Promise<ExpiryScanDto> {
    const w = await this.store.load();
    const targets = this.pick(w, targetIds);
    const scan = await withProgress({ session: this.ctx.session, events: this.ctx.events }, 'Scanning the watchlist', ({ signal, onProgress }) =>
      this.scanNow(targets, w.settings.thresholds, signal, onProgress),
    );
    await this.store.update((current) => ({ ...current, lastScan: scan }));
    return scan;
  }

  /** A scan without progress events (the reminder scheduler's), saved as the last scan. */
  async scanQuietly(signal?: AbortSignal): Promise<{ scan: ExpiryScanDto; watchlist: StoredWatchlist }> {
    const w = await this.store.load();
    const scan = await this.scanNow(this.pick(w), w.settings.thresholds, signal);
    const watchlist = await this.store.update((current) => ({ ...current, lastScan: scan }));
    return { scan, watchlist };
  }

  async digest(kind: 'daily' | 'monthly'): Promise<ExpiryDigestDto> {
    return makeDigest(await this.lastScan(), kind, this.now());
  }

  async export(request: { format: ExpiryExportFormat; digest?: 'daily' | 'monthly'; destination: { folder: string; fileName: string; overwrite?: boolean } }): Promise<{ written: ExpiryFileDto[] }> {
    const path = this.ctx.folders.pathIn(request.destination.folder, request.destination.fileName);
    const scan = await this.lastScan();
    const w = await this.store.load();
    const now = this.now();
    const digest = request.digest ? makeDigest(scan, request.digest, now) : undefined;
    const rendered = renderExport(request.format, scan, digest, w.settings.thresholds, now);
    await writeFilesAtomically([{ path, bytes: rendered.bytes, secret: false }], { overwrite: request.destination.overwrite });
    this.ctx.grants.grant([path]);
    return { written: [{ path, format: request.format, rows: rendered.rows }] };
  }

  private scanNow(targets: readonly StoredTarget[], thresholds: readonly number[], signal?: AbortSignal, onProgress?: (f: number | null, phase: string) => void): Promise<ExpiryScanDto> {
    return scanTargets(
      targets.map((t) => this.withPassword(t)),
      {
        net: this.ctx.net,
        thresholds,
        now: this.now(),
        passwordFor: (id) => this.ctx.session.vault.password(vaultOwner(id)),
        concurrency: this.ctx.concurrency,
        signal,
        onProgress,
      },
    );
  }

  private pick(w: StoredWatchlist, ids?: readonly string[]): StoredTarget[] {
    if (!ids) return w.targets;
    const unknown = ids.filter((id) => !w.targets.some((t) => t.id === id));
    if (unknown.length) throw notOnWatchlist(unknown.length);
    return w.targets.filter((t) => ids.includes(t.id));
  }

  private async lastScan(): Promise<ExpiryScanDto> {
    const scan = (await this.store.load()).lastScan;
    if (!scan) throw new PkiError('INVALID_ARGUMENT', 'There is no scan yet to report on.', 'Scan the watchlist first.');
    return scan;
  }

  private withPassword(t: StoredTarget): WatchTargetDto {
    return { ...t, hasPassword: this.ctx.session.vault.password(vaultOwner(t.id)) !== undefined };
  }

  private dto(w: StoredWatchlist): WatchlistDto {
    return { targets: w.targets.map((t) => this.withPassword(t)), settings: w.settings, lastScan: w.lastScan };
  }
}

const notOnWatchlist = (n: number) =>
  new PkiError('NOT_FOUND', n === 1 ? 'That target is not on the watchlist.' : `${n} of those targets are not on the watchlist.`, 'It may have been removed already; the list is up to date now.');

function withoutTargets(scan: ExpiryScanDto, drop: ReadonlySet<string>): ExpiryScanDto {
  const rows = scan.rows.filter((r) => !drop.has(r.targetId));
  const counts = { ok: 0, expiring: 0, expired: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return { ...scan, rows, counts };
}

/**
 * File > Open Recent: the files the user opened, newest first, bounded, kept in the data folder
 * (recent-files.json) so the list survives a restart. Files that no longer exist are dropped when the
 * list is read; a damaged list file is treated as empty, never as an error the user must deal with.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../workbench/write-files';

export const RECENT_FILES_NAME = 'recent-files.json';
/** As many as a menu shows comfortably (Word and VS Code keep about this many). */
export const MAX_RECENT_FILES = 10;

export interface RecentFilesOptions {
  /** The app's data folder; without one the list lives in memory only. */
  dataDir?: string;
  max?: number;
  /** Whether a path is still a file: the default asks the file system. */
  exists?: (path: string) => boolean;
  /** Windows and macOS compare paths without case (C:\A.pem and c:\a.pem are one file). */
  caseInsensitive?: boolean;
}

interface StoredList {
  version: 1;
  paths: string[];
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

export class RecentFiles {
  private paths: string[] = [];
  private readonly max: number;
  private readonly exists: (path: string) => boolean;
  private readonly file: string | null;
  private readonly key: (path: string) => string;

  constructor(options: RecentFilesOptions = {}) {
    this.max = options.max ?? MAX_RECENT_FILES;
    this.exists = options.exists ?? isFile;
    this.file = options.dataDir ? join(options.dataDir, RECENT_FILES_NAME) : null;
    this.key = options.caseInsensitive ? (p) => p.toLowerCase() : (p) => p;
    this.paths = this.dedupe(this.readStored()).slice(0, this.max);
  }

  /** Newest first, only files that still exist (checked now: a file deleted since is left out and forgotten). */
  list(): string[] {
    const present = this.paths.filter((p) => this.exists(p));
    if (present.length !== this.paths.length) this.paths = present;
    return [...present];
  }

  /** Puts the paths first (the last of them ends up on top, as if opened one by one) and saves. */
  async add(paths: readonly string[]): Promise<void> {
    const fresh = paths.filter((p) => typeof p === 'string' && p !== '').reverse();
    if (fresh.length === 0) return;
    this.paths = this.dedupe([...fresh, ...this.paths]).slice(0, this.max);
    await this.save();
  }

  async clear(): Promise<void> {
    this.paths = [];
    await this.save();
  }

  private dedupe(paths: readonly string[]): string[] {
    const seen = new Set<string>();
    return paths.filter((p) => {
      const k = this.key(p);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  private readStored(): string[] {
    if (!this.file) return [];
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoredList>;
      return Array.isArray(parsed.paths) ? parsed.paths.filter((p): p is string => typeof p === 'string' && p !== '') : [];
    } catch {
      return [];
    }
  }

  /** Writes one after another, each the list as it was when asked, so the last change is what stays on disk. */
  private saving: Promise<void> = Promise.resolve();

  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const bytes = new TextEncoder().encode(JSON.stringify({ version: 1, paths: [...this.paths] } satisfies StoredList, null, 2) + '\n');
    const write = () => writeFilesAtomically([{ path: file, bytes, secret: false }], { overwrite: true });
    this.saving = this.saving.then(write, write);
    return this.saving;
  }
}

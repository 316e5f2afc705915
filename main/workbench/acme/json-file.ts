/**
 * One JSON file in the data folder with a schema version ({schemaVersion: 1, ...}), rewritten atomically, one
 * write after another (the expiry watchlist's pattern), or read, edited and rewritten (update). Unlike the watchlist, ACME files are read on start by
 * the app and the CLI, which must keep working: a file this version cannot read (not JSON, the wrong shape, or
 * written by a newer Certbench) is moved aside, never overwritten, and the reason is returned in words.
 * Without a data folder the value lives in memory.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { PkiError } from '../../pki/errors';
import { writeFilesAtomically } from '../write-files';

export interface Versioned {
  schemaVersion: number;
}

export interface JsonFileSpec<T extends Versioned> {
  /** The file, or null for memory only. */
  path: string | null;
  /** What the file holds, for messages: "The ACME order list". */
  what: string;
  schemaVersion: number;
  empty: () => T;
  /** Why a parsed object of the right version is not a T, or null when it is. */
  shapeProblem: (parsed: Record<string, unknown>) => string | null;
  now?: () => Date;
}

export interface Loaded<T> {
  value: T;
  /** Set when an unreadable file was moved aside: what happened and where it went, in words. */
  setAside: string | null;
}

export class JsonFile<T extends Versioned> {
  private queue: Promise<unknown> = Promise.resolve();
  private memory: T | null = null;

  constructor(private readonly spec: JsonFileSpec<T>) {}

  load(): Promise<Loaded<T>> {
    return this.serialized(() => this.read());
  }

  save(value: T): Promise<void> {
    return this.serialized(() => this.write(value));
  }

  /**
   * Reads the file again, applies `edit` and writes the result, one after another in this process: the app and
   * a CLI run may share the data folder, and each keeps the other's entries when it writes its own.
   */
  update(edit: (current: T) => T): Promise<Loaded<T>> {
    return this.serialized(async () => {
      const current = await this.read();
      const value = edit(current.value);
      await this.write(value);
      return { value, setAside: current.setAside };
    });
  }

  private serialized<R>(work: () => Promise<R>): Promise<R> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<Loaded<T>> {
    const { path, what, schemaVersion } = this.spec;
    if (path === null) return { value: this.memory ?? this.spec.empty(), setAside: null };
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { value: this.spec.empty(), setAside: null };
      throw new PkiError('CORRUPT', `${what} (${path}) cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`, 'Check that Certbench may read its data folder.');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.setAside('it is not JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return this.setAside('it does not hold an object');
    const version = (parsed as Versioned).schemaVersion;
    if (typeof version === 'number' && version > schemaVersion) {
      return this.setAside(`it was written by a newer Certbench (schema ${version}; this one reads ${schemaVersion})`, 'Use the newer Certbench to see what it holds, or move the file back once you run it.');
    }
    if (version !== schemaVersion) return this.setAside('it has no schema version');
    const why = this.spec.shapeProblem(parsed as Record<string, unknown>);
    if (why) return this.setAside(why);
    return { value: parsed as T, setAside: null };
  }

  /** Renames the unreadable file to "<name>.unreadable-<time>" beside it, so the next write starts a new one. */
  private async setAside(why: string, advice = 'Fix the moved file and put it back to see its entries again.'): Promise<Loaded<T>> {
    const path = this.spec.path!;
    const stamp = (this.spec.now?.() ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const aside = `${path}.unreadable-${stamp}`;
    try {
      await fs.rename(path, aside);
    } catch (e) {
      throw new PkiError('CORRUPT', `${this.spec.what} (${path}) cannot be used: ${why}; moving it aside failed (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`, 'Move that file away by hand; Certbench then starts a new one.');
    }
    return { value: this.spec.empty(), setAside: `${this.spec.what} (${path}) could not be used: ${why}. It was moved to ${aside} and a new one was started. ${advice}` };
  }

  private async write(value: T): Promise<void> {
    const path = this.spec.path;
    if (path === null) {
      this.memory = value;
      return;
    }
    try {
      await fs.mkdir(dirname(path), { recursive: true });
    } catch (e) {
      throw new PkiError('INVALID_ARGUMENT', `The data folder ${dirname(path)} cannot be made (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`, 'Set CERTBENCH_DATA_DIR to a folder Certbench may write to.');
    }
    const text = JSON.stringify(value, null, 1) + '\n';
    await writeFilesAtomically([{ path, bytes: new TextEncoder().encode(text), secret: false }], { overwrite: true });
  }
}

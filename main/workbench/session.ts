/**
 * The open documents of one window: read through the engine, locked when a password is needed,
 * described for the renderer, linked by public key across all of them.
 */
import type { ChainHintDto, DocumentDto, ObjectDto, ObjectSummaryDto, PasswordPrompt, WorkbenchState } from '../api/dto';
import { chainHint } from '../pki/chain-hint';
import { digest } from '../pki/crypto';
import { hex } from '../pki/der/der';
import { describeObject } from '../pki/describe';
import { PkiError, cancelled, isPkiError, toErrorInfo, type ErrorInfo } from '../pki/errors';
import { linkObjects, type Links } from '../pki/match';
import type { RawObject, ReadResult } from '../pki/model';
import { readBytes } from '../pki/read';
import { SummaryCache, summarizeObject } from '../pki/summary';
import { Slicer } from '../pki/yield';
import type { EventHub } from './events';
import { KeyVault } from './key-vault';
import { countText } from '../pki/count-text';


interface OpenDocument {
  id: string;
  name: string;
  path: string | null;
  bytes: Uint8Array;
  status: DocumentDto['status'];
  result: ReadResult | null;
  lock: PasswordPrompt | null;
  error: ErrorInfo | null;
  /** Compact rows; the details of one object are decoded again from `result` when asked for. */
  rows: ObjectSummaryDto[];
  /** Vault handles of the private keys, by object index. */
  handles: Map<number, string>;
  /** Public halves of the distinct private keys, decoded once when first shown. */
  keys: SummaryCache;
  chain: ChainHintDto | null;
}

/** One open object handed to a writer: its id, its row (public summary) and its raw content (main only). */
export interface CollectedObject {
  id: string;
  documentId: string;
  raw: RawObject;
  row: ObjectSummaryDto;
}

export interface SessionOptions {
  events?: EventHub;
  /** The moment expiry is counted from (tests pin it). */
  now?: () => Date;
}

export class Session {
  private docs: OpenDocument[] = [];
  private nextId = 1;
  private nextOperation = 1;
  private running = new Map<string, AbortController>();
  /** Links between all open objects, recomputed when the set of documents changes. */
  private links: Links | null = null;
  readonly vault = new KeyVault();

  constructor(private readonly options: SessionOptions = {}) {}

  async open(name: string, bytes: Uint8Array, path: string | null, password?: string): Promise<OpenDocument> {
    const doc: OpenDocument = { id: `doc${this.nextId++}`, name, path, bytes, status: 'error', result: null, lock: null, error: null, rows: [], handles: new Map(), keys: new SummaryCache(), chain: null };
    this.docs.push(doc);
    this.links = null;
    await this.read(doc, password, 0);
    return doc;
  }

  /** Records a file that could not even be read (missing, too large) as a document with its error. */
  openFailed(name: string, path: string | null, error: unknown): void {
    this.docs.push({ id: `doc${this.nextId++}`, name, path, bytes: new Uint8Array(0), status: 'error', result: null, lock: null, error: toErrorInfo(error), rows: [], handles: new Map(), keys: new SummaryCache(), chain: null });
  }

  /** Retries a locked document, or a keystore listed without its password, with a password. */
  async unlock(documentId: string, password: string): Promise<void> {
    const doc = this.find(documentId);
    if (!doc.lock) return;
    await this.read(doc, password, (doc.lock?.attempts ?? 0) + 1);
  }

  /**
   * Stops a running read; true when there was one. Its key-derivation workers are terminated at once; only a
   * short native PBKDF2 (under ~0.2 s, see pbe/pbkdf2.ts) already on the thread pool finishes unseen.
   */
  cancel(operationId: string): boolean {
    const controller = this.running.get(operationId);
    controller?.abort();
    return controller !== undefined;
  }

  /** A cancellable operation for work outside the session (keystore saves): operations.cancel stops it too. */
  startOperation(): { operationId: string; signal: AbortSignal; end: () => void } {
    const operationId = `op${this.nextOperation++}`;
    const controller = new AbortController();
    this.running.set(operationId, controller);
    return { operationId, signal: controller.signal, end: () => this.running.delete(operationId) };
  }

  close(documentId: string): void {
    const doc = this.find(documentId);
    this.vault.dropOwner(doc.id);
    this.docs = this.docs.filter((d) => d !== doc);
    this.links = null;
  }

  closeAll(): void {
    for (const d of [...this.docs]) this.close(d.id);
  }

  state(): WorkbenchState {
    const links = this.link();
    return {
      matchGroups: links.groups,
      documents: this.docs.map((d) => ({
        id: d.id,
        name: d.name,
        path: d.path,
        size: d.bytes.length,
        status: d.status,
        format: d.result?.format ?? null,
        encrypted: d.result?.encrypted ?? d.status === 'locked',
        integrity: d.result?.integrity ?? 'absent',
        notes: d.result?.notes ?? [],
        lock: d.lock,
        error: d.error,
        objects: d.rows,
        chain: d.chain,
      })),
    };
  }

  /** One object in full, decoded again from the file's raw objects (nothing heavy is kept per row). */
  details(objectId: string, { withoutPem = false } = {}): ObjectDto {
    const slash = objectId.lastIndexOf('/');
    const doc = this.find(objectId.slice(0, slash));
    const index = Number(objectId.slice(slash + 1));
    const raw = doc.result?.objects[index];
    const row = doc.rows[index];
    if (!raw || !row || row.id !== objectId) throw new PkiError('NOT_FOUND', 'That object is no longer open.', 'Open the file again.');
    const links = this.link();
    const matches = row.kind === 'privateKey' ? (row.matchGroup ? links.fingerprints.get(row.matchGroup) : undefined) ?? { listed: [], count: 0 } : undefined;
    return describeObject(raw, { id: row.id, now: this.now(), withoutPem, handle: doc.handles.get(index), keyFacts: (pkcs8) => doc.keys.keyFacts(pkcs8), certificateFacts: (der) => doc.keys.certificateFacts(der), matchGroup: row.matchGroup, hasPrivateKey: row.hasPrivateKey, matches });
  }

  /**
   * The raw objects behind a conversion or keystore import, in document order, with their rows: whole documents
   * and single objects, each once. Private keys are decrypted PKCS#8 here: main only, never returned to the renderer.
   */
  collect(source: { documentIds?: readonly string[]; objectIds?: readonly string[] }): CollectedObject[] {
    const wanted = new Map<string, Set<number> | 'all'>();
    for (const id of source.documentIds ?? []) wanted.set(this.find(id).id, 'all');
    for (const objectId of source.objectIds ?? []) {
      const slash = objectId.lastIndexOf('/');
      const doc = this.find(objectId.slice(0, slash));
      const index = Number(objectId.slice(slash + 1));
      if (!doc.rows[index] || doc.rows[index].id !== objectId) throw new PkiError('NOT_FOUND', 'That object is no longer open.', 'Open the file again.');
      const set = wanted.get(doc.id);
      if (set === 'all') continue;
      wanted.set(doc.id, (set ?? new Set<number>()).add(index));
    }
    const out: CollectedObject[] = [];
    for (const doc of this.docs) {
      const want = wanted.get(doc.id);
      if (!want || !doc.result) continue;
      doc.result.objects.forEach((raw, index) => {
        if (want === 'all' || want.has(index)) out.push({ id: doc.rows[index].id, documentId: doc.id, raw, row: doc.rows[index] });
      });
    }
    return out;
  }

  /** Every open certificate, for building chains from what the user has open. */
  openCertificates(): CollectedObject[] {
    return this.collect({ documentIds: this.docs.filter((d) => d.result).map((d) => d.id) }).filter((o) => o.raw.kind === 'certificate');
  }

  /** The file behind a document, for re-reading it (keystore editor). */
  documentFile(documentId: string): { id: string; name: string; path: string | null; bytes: Uint8Array; format: string | null; error: ErrorInfo | null } {
    const doc = this.find(documentId);
    return { id: doc.id, name: doc.name, path: doc.path, bytes: doc.bytes, format: doc.result?.format ?? null, error: doc.error };
  }

  private link(): Links {
    this.links ??= linkObjects(this.rows());
    return this.links;
  }

  /** Puts every private key in the vault; copies of one key share a handle. */
  private storeKeys(owner: string, result: ReadResult): Map<number, string> {
    const handles = new Map<number, string>();
    const byDer = new Map<string, string>();
    result.objects.forEach((raw, index) => {
      if (raw.kind !== 'privateKey') return;
      const id = hex(digest('sha256', raw.pkcs8));
      let handle = byDer.get(id);
      if (!handle) {
        handle = this.vault.put(raw.pkcs8, owner);
        byDer.set(id, handle);
      }
      handles.set(index, handle);
    });
    return handles;
  }

  private *rows(): Iterable<ObjectSummaryDto> {
    for (const d of this.docs) yield* d.rows;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private find(documentId: string): OpenDocument {
    const doc = this.docs.find((d) => d.id === documentId);
    if (!doc) throw new PkiError('NOT_FOUND', 'That document is no longer open.', 'Open the file again.');
    return doc;
  }

  private async read(doc: OpenDocument, password: string | undefined, attempts: number): Promise<void> {
    const operationId = `op${this.nextOperation++}`;
    const events = this.options.events;
    const label = `Opening ${doc.name}`;
    const controller = new AbortController();
    this.running.set(operationId, controller);
    // Announced at once, so the renderer can offer to stop it before any derivation reports.
    events?.emit('progress', { operationId, label, fraction: null, done: false });
    try {
      const result = await untilAborted(
        readBytes(doc.bytes, {
          password,
          signal: controller.signal,
          onProgress: events ? (fraction, phase) => events.emit('progress', { operationId, label: `${label}: ${phase}`, fraction, done: false }) : undefined,
        }),
        controller.signal,
      );
      const total = countText(result.objects.length);
      const keys = new SummaryCache();
      const rows = await summarizeAll(doc.id, result, this.now(), keys, controller.signal, (done) =>
        events?.emit('progress', { operationId, label: `${label}: ${countText(done)} of ${total} objects`, fraction: done / result.objects.length, done: false }),
      );
      this.vault.dropOwner(doc.id);
      doc.handles = this.storeKeys(doc.id, result);
      // The public halves and certificates decoded for the rows serve the details too; decoded rows are not needed again.
      keys.rows.clear();
      doc.keys = keys;
      doc.result = result;
      doc.rows = rows;
      doc.chain = chainHint(rows);
      this.links = null;
      doc.status = 'ready';
      doc.lock = password === undefined ? partialLock(result, attempts) : null;
      doc.error = null;
    } catch (e) {
      if (isPkiError(e) && e.code === 'CANCELLED') {
        // The user stopped waiting: the document stays exactly as it was.
        if (doc.status === 'error' && doc.result === null && !doc.lock) doc.error = toErrorInfo(e);
      } else if (isPkiError(e) && (e.code === 'PASSWORD_REQUIRED' || e.code === 'WRONG_PASSWORD')) {
        // A keystore listed without its password keeps its listing while the user retries.
        if (doc.status !== 'ready') doc.status = 'locked';
        doc.lock = { reason: e.code, message: e.message, hint: e.hint, attempts };
      } else {
        doc.status = 'error';
        doc.error = toErrorInfo(e);
      }
    } finally {
      this.running.delete(operationId);
      events?.emit('progress', { operationId, label, fraction: 1, done: true });
    }
  }
}

/** A file that opened without a password but holds locked parts (a keystore listed without its password). */
function partialLock(result: ReadResult, attempts: number): PasswordPrompt | null {
  const lockedKeys = result.objects.filter((o) => o.kind === 'unsupported' && o.code === 'PASSWORD_REQUIRED').length;
  if (lockedKeys === 0 && result.integrity !== 'not-checked') return null;
  const parts = [result.integrity === 'not-checked' ? 'its integrity was not checked' : '', lockedKeys ? `${lockedKeys} private key${lockedKeys === 1 ? ' is' : 's are'} locked` : ''].filter(Boolean);
  return {
    reason: 'PASSWORD_REQUIRED',
    message: `Listed without the password: ${parts.join(' and ')}.`,
    hint: 'Enter the keystore password to check its integrity and see its private keys.',
    attempts,
  };
}

/** The rows of a file, in slices that give the event loop back every SLICE_MS; stops when cancelled. */
async function summarizeAll(documentId: string, result: ReadResult, now: Date, cache: SummaryCache, signal: AbortSignal, onProgress: (done: number) => void): Promise<ObjectSummaryDto[]> {
  const rows: ObjectSummaryDto[] = [];
  const slicer = new Slicer(signal);
  for (let index = 0; index < result.objects.length; index++) {
    rows.push(summarizeObject(result.objects[index], { documentId, index, now, cache }));
    if (await slicer.tick()) onProgress(index + 1);
  }
  return rows;
}

/** Settles with CANCELLED as soon as `signal` aborts, whatever `work` is still doing. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

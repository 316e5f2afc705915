/**
 * Connects "remember keys between sessions" to the session: at start the remembered keys reopen as documents
 * (one per document they came from, named as it was); while the app runs, the sealed file follows the vault
 * (rewritten, debounced and one write at a time, whenever keys come in or leave), so a crash or a power loss
 * loses nothing the user asked to keep; at quit the keys open now are sealed a last time and the vault is zeroed.
 */
import { PkiError, isPkiError } from '../pki/errors';
import { pemBlock } from '../pki/formats/pem-write';
import { DebouncedLine } from './debounced-line';
import type { RememberedDocument, RememberedKeys } from './remembered-keys';
import type { Session } from './session';
import type { TimerPort } from './timer-port';

/** Changes gather this long before the sealed file is rewritten (a keystore's 500 keys make one write). */
export const RESEAL_DELAY_MS = 300;

export interface KeyMemoryOptions {
  delayMs?: number;
  timers?: TimerPort;
  /** Where a failed write is told: a typed problem that holds no key material. Default: console.error. */
  onProblem?: (problem: PkiError) => void;
}

export class KeyMemory {
  private readonly writes: DebouncedLine;
  private readonly stopFollowing: () => void;
  /** Restoring: the file already holds these keys; writing part of them midway would lose the rest on a crash. */
  private restoring = false;
  private changedWhileRestoring = false;

  constructor(
    private readonly session: Session,
    readonly store: RememberedKeys,
    private readonly options: KeyMemoryOptions = {},
  ) {
    this.writes = new DebouncedLine(() => this.store.save(this.current()), { delayMs: options.delayMs ?? RESEAL_DELAY_MS, timers: options.timers, onError: (e) => this.report(e) });
    this.stopFollowing = session.vault.onChange(() => {
      if (this.restoring) this.changedWhileRestoring = true;
      else this.writes.request();
    });
  }

  /** Reopens what the last session stored; returns how many documents came back. A failure leaves the session as it was. */
  async restore(): Promise<number> {
    this.restoring = true;
    this.changedWhileRestoring = false;
    let docs: RememberedDocument[] = [];
    try {
      docs = await this.store.load();
      for (const doc of docs) {
        const text = doc.keys.map((k) => pemBlock('PRIVATE KEY', k)).join('');
        await this.session.open(doc.name, new TextEncoder().encode(text), null);
      }
      return docs.length;
    } finally {
      for (const doc of docs) for (const k of doc.keys) k.fill(0);
      this.restoring = false;
      // One write once all are back (the same keys, unless the user opened or closed some meanwhile).
      if (this.changedWhileRestoring) this.writes.request();
    }
  }

  /** Turns the setting on (the keys open now are sealed shortly) or off (the sealed file is zeroed and deleted). */
  async setEnabled(on: boolean): Promise<void> {
    // Off: a write not yet started would find the setting off and write nothing; no need to wait for it.
    if (!on) this.writes.cancel();
    await this.writes.exclusive(() => this.store.setEnabled(on));
    if (on) this.writes.request();
  }

  /** The keys each open document holds, each key once, in document order. */
  current(): RememberedDocument[] {
    const names = new Map(this.session.state().documents.map((d) => [d.id, d.name]));
    const byOwner = new Map<string, Uint8Array[]>();
    for (const { owner, pkcs8 } of this.session.vault.entries()) {
      if (!names.has(owner)) continue;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), pkcs8]);
    }
    return [...names].filter(([id]) => byOwner.has(id)).map(([id, name]) => ({ name, keys: byOwner.get(id)! }));
  }

  /** Settles once every change so far is on disk (or has failed and been reported). */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  /**
   * At quit: stop following the vault, seal what is open once more after any write in flight (or wipe the sealed
   * file when the setting is off), then zero the vault. The KeyMemory is done after this.
   */
  async persistAndWipe(): Promise<void> {
    this.stopFollowing();
    this.writes.cancel();
    try {
      await this.writes.exclusive(() => this.store.save(this.current()));
    } finally {
      this.session.vault.wipe();
    }
  }

  private report(error: unknown): void {
    // Our own errors carry our own words; a sealer's foreign error is not quoted (it could echo what it was given).
    const why = isPkiError(error) ? error.message : `${this.store.protectedBy} did not seal them.`;
    const problem = new PkiError(
      isPkiError(error) ? error.code : 'INTERNAL',
      `The keys Certbench remembers could not be saved: ${why}`,
      'They stay open; Certbench tries again at the next change and at quit. If it keeps failing, check that the keyring is unlocked and the data folder is writable.',
    );
    (this.options.onProblem ?? logProblem)(problem);
  }
}

const logProblem = (problem: PkiError) => console.error(`certbench: ${problem.code}: ${problem.message}`);

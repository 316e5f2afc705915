/**
 * Connects "remember keys between sessions" to the session: at start the remembered keys reopen as documents
 * (one per document they came from, named as it was); at quit the keys open now are sealed (when the setting
 * is on) and the vault is zeroed either way.
 */
import { pemBlock } from '../pki/formats/pem-write';
import type { RememberedDocument, RememberedKeys } from './remembered-keys';
import type { Session } from './session';

export class KeyMemory {
  constructor(
    private readonly session: Session,
    readonly store: RememberedKeys,
  ) {}

  /** Reopens what the last session stored; returns how many documents came back. A failure leaves the session as it was. */
  async restore(): Promise<number> {
    const docs = await this.store.load();
    try {
      for (const doc of docs) {
        const text = doc.keys.map((k) => pemBlock('PRIVATE KEY', k)).join('');
        await this.session.open(doc.name, new TextEncoder().encode(text), null);
      }
      return docs.length;
    } finally {
      for (const doc of docs) for (const k of doc.keys) k.fill(0);
    }
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

  /** At quit: seal what is open (or wipe the sealed file when the setting is off), then zero the vault. */
  async persistAndWipe(): Promise<void> {
    try {
      await this.store.save(this.current());
    } finally {
      this.session.vault.wipe();
    }
  }
}

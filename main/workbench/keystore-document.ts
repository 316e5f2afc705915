/**
 * One keystore open for editing: its entries in order (ready ones as KeystoreModel entries, keys still
 * protected by a password of their own as locked placeholders), where it came from, the store password it
 * was opened with (main only) and whether it changed since it was opened or saved.
 */
import type { KeystoreKind } from '../api/dto';
import { PkiError } from '../pki/errors';
import type { KeyPairEntry, KeystoreModel, KeystoreModelEntry } from '../pki/formats/keystore-model';
import { aliasTaken, noSuchAlias, normalizeAlias, sameAlias } from './keystore-aliases';

/** A key entry whose own password is not known yet: listed with its chain, unusable until unlocked. */
export interface LockedEntry {
  type: 'locked';
  alias: string;
  /** The alias in the source file (the entry may have been renamed since). */
  sourceAlias: string;
  chain: Uint8Array[];
  created: Date;
}

export type EditorEntry = KeystoreModelEntry | LockedEntry;

/** The Java keystore file the document was read from: locked entries are decrypted from it. */
export interface JavaSource {
  kind: 'jks' | 'jceks';
  bytes: Uint8Array;
}

export interface KeystoreDocumentInit {
  id: string;
  name: string;
  path: string | null;
  kind: KeystoreKind;
  entries: EditorEntry[];
  storePassword?: string;
  source?: JavaSource;
  /** What opening it left out or changed, in plain words. */
  notes?: string[];
}

export class KeystoreDocument {
  readonly id: string;
  name: string;
  path: string | null;
  kind: KeystoreKind;
  entries: EditorEntry[];
  storePassword: string | null;
  source: JavaSource | null;
  notes: string[];
  dirty = false;

  constructor(init: KeystoreDocumentInit) {
    this.id = init.id;
    this.name = init.name;
    this.path = init.path;
    this.kind = init.kind;
    this.entries = init.entries;
    this.storePassword = init.storePassword ?? null;
    this.source = init.source ?? null;
    this.notes = init.notes ?? [];
  }

  find(alias: string): EditorEntry | undefined {
    return this.entries.find((e) => e.alias === alias) ?? this.entries.find((e) => sameAlias(e.alias, alias));
  }

  get(alias: string): EditorEntry {
    const entry = this.find(alias);
    if (!entry) throw noSuchAlias(alias);
    return entry;
  }

  /** A key pair that can be used now; INVALID_ARGUMENT for locked keys and other entry types. */
  keyPair(alias: string): KeyPairEntry {
    const entry = this.get(alias);
    if (entry.type === 'locked') throw lockedKey(entry.alias);
    if (entry.type !== 'privateKey') {
      throw new PkiError('INVALID_ARGUMENT', `'${entry.alias}' is ${entry.type === 'trustedCert' ? 'a trusted certificate' : 'a secret key'}, not a key pair.`, 'Pick an entry of type key pair.');
    }
    return entry;
  }

  has(alias: string): boolean {
    return this.find(alias) !== undefined;
  }

  /** The alias in this keystore's form; INVALID_ARGUMENT when blank or already used. */
  freeAlias(alias: string): string {
    const normalized = normalizeAlias(this.kind, alias);
    const existing = this.find(normalized);
    if (existing) throw aliasTaken(existing.alias);
    return normalized;
  }

  add(entry: KeystoreModelEntry): void {
    this.entries.push({ ...entry, alias: this.freeAlias(entry.alias) });
    this.dirty = true;
  }

  /** Puts `next` where the entry named `alias` was (same position in the list). */
  replace(alias: string, next: EditorEntry): void {
    const index = this.entries.indexOf(this.get(alias));
    this.entries[index] = next;
    this.dirty = true;
  }

  rename(alias: string, newAlias: string): void {
    const entry = this.get(alias);
    const normalized = normalizeAlias(this.kind, newAlias);
    if (normalized === entry.alias) return;
    const other = this.find(normalized);
    if (other && other !== entry) throw aliasTaken(other.alias);
    this.replace(entry.alias, { ...entry, alias: normalized });
  }

  /** All or nothing: an unknown alias deletes none. */
  delete(aliases: readonly string[]): void {
    const doomed = new Set(aliases.map((a) => this.get(a)));
    this.entries = this.entries.filter((e) => !doomed.has(e));
    this.dirty = true;
  }

  locked(): LockedEntry[] {
    return this.entries.filter((e): e is LockedEntry => e.type === 'locked');
  }

  /**
   * After a save: the document is now that file. Java keystores store aliases in lower case; PKCS#12 has one
   * password, so keys lose their own. What opening noted about the source no longer applies.
   */
  savedAs(saved: SavedAs): void {
    const { kind } = saved;
    this.entries = this.entries.map((e) => {
      const alias = kind === 'pkcs12' ? e.alias : e.alias.toLowerCase();
      if (e.type === 'privateKey' && kind === 'pkcs12' && e.keyPassword !== undefined) {
        const { keyPassword: _, ...rest } = e;
        return { ...rest, alias };
      }
      return { ...e, alias };
    });
    this.kind = kind;
    this.path = saved.path;
    this.name = saved.name;
    this.storePassword = saved.storePassword;
    this.source = kind === 'pkcs12' ? null : { kind, bytes: saved.bytes };
    this.notes = [];
    this.dirty = false;
  }

  /** The entries a writer takes: only when nothing is locked. */
  model(): KeystoreModel {
    const locked = this.locked();
    if (locked.length) throw lockedKey(locked.map((e) => e.alias));
    return { entries: this.entries.filter((e): e is KeystoreModelEntry => e.type !== 'locked') };
  }
}

export interface SavedAs {
  kind: KeystoreKind;
  path: string;
  name: string;
  storePassword: string;
  bytes: Uint8Array;
}

export function lockedKey(aliases: string | string[]): PkiError {
  const list = [aliases].flat().map((a) => `'${a}'`);
  const names = list.length === 1 ? `key ${list[0]}` : `keys ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  return new PkiError('INVALID_ARGUMENT', `Enter the password of ${names} first, or delete ${list.length === 1 ? 'it' : 'them'}.`, 'A key protected by its own password can be used and saved only once its password is entered.');
}

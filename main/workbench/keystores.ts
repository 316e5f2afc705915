/** The Keystores page: keystores open for editing, each a KeystoreModel held in main with its passwords. */
import type { KeystoreDto, KeystoreState } from '../api/dto';
import type { MethodHandlers } from '../rpc/dispatcher';
import { PkiError } from '../pki/errors';
import type { EventHub } from './events';
import { KeystoreDocument } from './keystore-document';
import { keystoreDto } from './keystore-dto';
import { addTrusted, importCaReply, importKeyPair, type ImportContext } from './keystore-import';
import { openKeystore, unlockEntry } from './keystore-open';
import { withProgress } from './operation-progress';
import { saveKeystore } from './keystore-save';
import type { OutputFolders } from './output-folders';
import type { Session } from './session';

export interface KeystoreEditorOptions {
  session: Session;
  folders: OutputFolders;
  events: EventHub;
  now?: () => Date;
}

type KeystoreMethods = Pick<
  MethodHandlers,
  | 'keystores.list'
  | 'keystores.create'
  | 'keystores.open'
  | 'keystores.unlockEntry'
  | 'keystores.addTrusted'
  | 'keystores.importKeyPair'
  | 'keystores.importCaReply'
  | 'keystores.rename'
  | 'keystores.delete'
  | 'keystores.setKeyPassword'
  | 'keystores.save'
  | 'keystores.close'
>;

export class KeystoreEditor {
  private keystores: KeystoreDocument[] = [];
  private nextId = 1;

  constructor(private readonly options: KeystoreEditorOptions) {}

  state(): KeystoreState {
    return { keystores: this.keystores.map((k) => this.dto(k)) };
  }

  handlers(): KeystoreMethods {
    return {
      'keystores.list': async () => this.state(),
      'keystores.create': async ({ kind, name }) => this.dto(this.add(new KeystoreDocument({ id: this.newId(), name: name ?? 'New keystore', path: null, kind, entries: [] }))),
      'keystores.open': async ({ documentId, password }) => {
        const name = this.options.session.documentFile(documentId).name;
        const { dirty, ...opened } = await withProgress(this.options, `Opening ${name}`, (progress) => openKeystore(this.options.session, documentId, password, progress));
        const doc = this.add(new KeystoreDocument({ id: this.newId(), ...opened }));
        doc.dirty = dirty;
        return this.dto(doc);
      },
      'keystores.unlockEntry': async ({ keystoreId, alias, keyPassword }) => {
        const doc = this.find(keystoreId);
        await withProgress(this.options, `Opening key '${alias}'`, (progress) => unlockEntry(doc, alias, keyPassword, progress));
        return this.dto(doc);
      },
      'keystores.addTrusted': async ({ keystoreId, objectIds, alias }) => this.edit(keystoreId, (doc) => addTrusted(doc, this.importContext(), objectIds, alias)),
      'keystores.importKeyPair': async ({ keystoreId, ...request }) => this.edit(keystoreId, (doc) => importKeyPair(doc, this.importContext(), request)),
      'keystores.importCaReply': async ({ keystoreId, alias, objectIds }) => this.edit(keystoreId, (doc) => importCaReply(doc, this.importContext(), alias, objectIds)),
      'keystores.rename': async ({ keystoreId, alias, newAlias }) => this.edit(keystoreId, (doc) => doc.rename(alias, newAlias)),
      'keystores.delete': async ({ keystoreId, aliases }) => this.edit(keystoreId, (doc) => doc.delete(aliases)),
      'keystores.setKeyPassword': async ({ keystoreId, alias, keyPassword }) =>
        this.edit(keystoreId, (doc) => {
          if (keyPassword === '') throw new PkiError('INVALID_ARGUMENT', 'A key password cannot be empty.', 'Choose a password, or use the store password for this key.');
          const { keyPassword: _, ...entry } = doc.keyPair(alias);
          doc.replace(entry.alias, keyPassword === null ? entry : { ...entry, keyPassword });
        }),
      'keystores.save': async ({ keystoreId, ...request }) => {
        const doc = this.find(keystoreId);
        const written = await saveKeystore(doc, request, this.options);
        return { written: [written], keystore: this.dto(doc) };
      },
      'keystores.close': async ({ keystoreId }) => {
        const doc = this.find(keystoreId);
        this.keystores = this.keystores.filter((k) => k !== doc);
        return this.state();
      },
    };
  }

  /** Runs one change; a change that fails leaves the keystore exactly as it was. */
  private edit(keystoreId: string, change: (doc: KeystoreDocument) => void): KeystoreDto {
    const doc = this.find(keystoreId);
    const before = { entries: [...doc.entries], notes: [...doc.notes], dirty: doc.dirty };
    try {
      change(doc);
    } catch (e) {
      Object.assign(doc, before);
      throw e;
    }
    return this.dto(doc);
  }

  private importContext(): ImportContext {
    return { session: this.options.session, now: this.now() };
  }

  private add(doc: KeystoreDocument): KeystoreDocument {
    this.keystores.push(doc);
    return doc;
  }

  private newId(): string {
    return `ks${this.nextId++}`;
  }

  private find(keystoreId: string): KeystoreDocument {
    const doc = this.keystores.find((k) => k.id === keystoreId);
    if (!doc) throw new PkiError('NOT_FOUND', 'That keystore is no longer open.', 'Open it again from the Keystores page.');
    return doc;
  }

  private dto(doc: KeystoreDocument): KeystoreDto {
    return keystoreDto(doc, this.now());
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** The Keystores page: keystores open for editing, each a KeystoreModel held in main with its passwords. */
import type { KeystoreState } from '../api/dto';
import type { MethodHandlers } from '../rpc/dispatcher';
import { PkiError } from '../pki/errors';
import type { EventHub } from './events';
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
  constructor(private readonly options: KeystoreEditorOptions) {}

  state(): KeystoreState {
    return { keystores: [] };
  }

  handlers(): KeystoreMethods {
    const notYet = async (): Promise<never> => {
      void this.options;
      throw new PkiError('INTERNAL', 'The keystore editor is being built.', 'Try again after the next update.');
    };
    return {
      'keystores.list': async () => this.state(),
      'keystores.create': notYet,
      'keystores.open': notYet,
      'keystores.unlockEntry': notYet,
      'keystores.addTrusted': notYet,
      'keystores.importKeyPair': notYet,
      'keystores.importCaReply': notYet,
      'keystores.rename': notYet,
      'keystores.delete': notYet,
      'keystores.setKeyPassword': notYet,
      'keystores.save': notYet,
      'keystores.close': async () => this.state(),
    };
  }
}

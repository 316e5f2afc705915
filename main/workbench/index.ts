/** The workbench: implements every api/ method over the session, the file port and the engine. */
import type { AppInfo, RememberKeysDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import type { MethodHandlers } from '../rpc/dispatcher';
import { EventHub } from './events';
import { nodeFiles, type FilePort } from './file-port';
import { PathGrants } from './path-grants';
import { OutputFolders } from './output-folders';
import { convertHandlers } from './convert-handlers';
import { csrHandlers } from './csr-handlers';
import { chainHandlers } from './chain-handlers';
import { expiryHandlers } from './expiry-handlers';
import { ExpiryWatch } from './expiry/watch';
import { ReminderScheduler } from './expiry/reminders';
import { nodeNetwork } from '../pki/net/node-network';
import type { NetworkPort } from '../pki/net/port';
import { KeystoreEditor } from './keystores';
import { AcmeOrders } from './acme/orders';
import { acmeHandlers } from './acme-handlers';
import { Session } from './session';
import { KeyMemory, type KeyMemoryOptions } from './key-memory';
import { RememberedKeys } from './remembered-keys';
import type { SecretSealer } from './secret-sealer';

export interface WorkbenchOptions {
  files?: FilePort;
  shell?: AppInfo['shell'];
  version?: string;
  now?: () => Date;
  /** The paths the user chose; 'documents.openPaths' reads nothing else. Default: none (the browser host). */
  grants?: PathGrants;
  /** The folders writes may go to (desktop: added by the save dialog; web host: its output folder). */
  folders?: OutputFolders;
  /** The app's data folder (user CSR templates): Electron's userData, the web host's CERTBENCH_DATA_DIR. Default: none. */
  dataDir?: string;
  /** The network door for the chain doctor (TLS fetch, AIA, OCSP, CRL). Default: the real network. */
  net?: NetworkPort;
  /** ACME orders: the first wait between polls of the CA (tests against pebble use ~200 ms). */
  acmePollMs?: number;
  /** What seals remembered keys (desktop: safeStorage); with a dataDir it enables "remember keys between sessions". */
  sealer?: SecretSealer;
  /** How remembered keys are resealed as they change: the delay, the timers, where a failed write is told (tests). */
  keyMemory?: KeyMemoryOptions;
}

export interface Workbench {
  handlers: MethodHandlers;
  events: EventHub;
  session: Session;
  grants: PathGrants;
  folders: OutputFolders;
  keystores: KeystoreEditor;
  /** The expiry watch behind expiry.*; the shells start its reminder scheduler. */
  expiry: ExpiryWatch;
  /** Expiry reminders and scheduled digests; not running until a shell calls start(). */
  reminders: ReminderScheduler;
  /** ACME orders behind acme.*; the shells call resumeUnfinished() on start and close() on quit. */
  acme: AcmeOrders;
  /**
   * "Remember keys between sessions" (null without a data folder and a sealer): the sealed file follows the open
   * keys by itself; the shells call restore() on start and persistAndWipe() on quit.
   */
  keyMemory: KeyMemory | null;
}

export function createWorkbench(options: WorkbenchOptions = {}): Workbench {
  const events = new EventHub();
  const files = options.files ?? nodeFiles;
  const session = new Session({ events, now: options.now });
  const grants = options.grants ?? new PathGrants();
  const folders = options.folders ?? new OutputFolders();
  const keystores = new KeystoreEditor({ session, folders, events, now: options.now });
  const acme = new AcmeOrders({ session, folders, grants, events, dataDir: options.dataDir, now: options.now, pollMs: options.acmePollMs });
  const expiry = new ExpiryWatch({ session, folders, grants, events, net: options.net ?? nodeNetwork, dataDir: options.dataDir, now: options.now });

  const openPaths = async (paths: string[], password?: string) => {
    // Before any read: a path nobody chose is refused whether or not it exists.
    grants.requireAll(paths);
    for (const path of paths) {
      try {
        const { name, bytes } = await files.read(path);
        await session.open(name, bytes, path, password);
      } catch (e) {
        session.openFailed(path.split(/[\\/]/).pop() ?? path, path, e);
      }
    }
    return session.state();
  };

  const keyMemory = options.dataDir && options.sealer ? new KeyMemory(session, new RememberedKeys(options.dataDir, options.sealer), options.keyMemory) : null;
  const rememberKeys = async (): Promise<RememberKeysDto> => {
    const store = keyMemory?.store;
    if (!store || !store.available()) return { available: false, enabled: false, protectedBy: null };
    return { available: true, enabled: await store.enabled(), protectedBy: store.protectedBy };
  };

  const handlers: MethodHandlers = {
    'app.info': async () => ({ name: 'Certbench', version: options.version ?? '0.1.0', shell: options.shell ?? 'web', platform: process.platform, outputFolder: options.shell === 'electron' ? null : folders.first }),
    'settings.rememberKeys': rememberKeys,
    'settings.setRememberKeys': async ({ enabled }) => {
      if (!keyMemory) throw new PkiError('INVALID_ARGUMENT', 'Keys are remembered only by the desktop app.', 'Open your key files again in each session, or use the desktop app.');
      await keyMemory.setEnabled(enabled);
      return rememberKeys();
    },
    'documents.list': async () => session.state(),
    'documents.openPaths': async ({ paths, password }) => openPaths(paths, password),
    'documents.openData': async ({ name, dataBase64 }) => {
      await session.open(name, new Uint8Array(Buffer.from(dataBase64, 'base64')), null);
      return session.state();
    },
    'documents.openText': async ({ name, text }) => {
      await session.open(name, new TextEncoder().encode(text), null);
      return session.state();
    },
    'documents.unlock': async ({ documentId, password }) => {
      await session.unlock(documentId, password);
      return session.state();
    },
    'documents.close': async ({ documentId }) => {
      session.close(documentId);
      return session.state();
    },
    'documents.closeAll': async () => {
      session.closeAll();
      return session.state();
    },
    'objects.details': async ({ objectId }) => session.details(objectId),
    'operations.cancel': async ({ operationId }) => ({ cancelled: session.cancel(operationId) }),
    ...convertHandlers({ session, folders, grants, events }),
    ...csrHandlers({ session, folders, grants, events, dataDir: options.dataDir, now: options.now }),
    ...keystores.handlers(),
    ...chainHandlers({ session, folders, grants, events, net: options.net ?? nodeNetwork, now: options.now }),
    ...expiryHandlers({ session, folders, grants, events, net: options.net ?? nodeNetwork, dataDir: options.dataDir, now: options.now, watch: expiry }),
    ...acmeHandlers(acme),
  };

  const reminders = new ReminderScheduler({ watch: expiry, events, dataDir: options.dataDir, now: options.now });
  return { handlers, events, session, grants, folders, keystores, expiry, reminders, acme, keyMemory };
}

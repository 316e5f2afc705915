/**
 * The one typed channel map shared by main, preload, renderer and tests (GitHub Desktop's ipc-shared
 * pattern): every method's request and response, every event's payload.
 */
import type {
  AcmeCaDto,
  AcmeDirectoryDto,
  AcmeIssueRequest,
  AcmeNoticeDto,
  AcmeOrderDto,
  AppInfo,
  RememberKeysDto,
  ExpiryDigestDto,
  ExpiryExportFormat,
  ExpiryFileDto,
  ExpiryReminderDto,
  ExpiryScanDto,
  ExpirySettingsDto,
  WatchlistDto,
  WatchTargetInput,
  ChainCheckRequest,
  ChainReportDto,
  ChainVerdictDto,
  CaReplyDto,
  CsrCheckDto,
  CsrConfigImportDto,
  CsrCreatedDto,
  CsrSpecDto,
  CsrTemplateDto,
  KeyChoiceDto,
  KeyProtectionDto,
  KeySpecName,
  SelfSignDto,
  ConvertPreviewDto,
  ConvertRequest,
  KeystoreDto,
  KeystoreKind,
  KeystoreState,
  ObjectDto,
  WorkbenchState,
  WriteDestination,
  WrittenFileDto,
} from './dto';

export interface ApiMethods {
  'app.info': { request: Record<string, never>; response: AppInfo };
  /** "Remember keys between sessions": off by default. */
  'settings.rememberKeys': { request: Record<string, never>; response: RememberKeysDto };
  /** Turning it off overwrites the sealed keys with zeros and deletes them at once. */
  'settings.setRememberKeys': { request: { enabled: boolean }; response: RememberKeysDto };
  'documents.list': { request: Record<string, never>; response: WorkbenchState };
  /** Open files by path (desktop: dialog, drag and drop, file association; CLI). */
  'documents.openPaths': { request: { paths: string[]; password?: string }; response: WorkbenchState };
  /** Open bytes the renderer holds (web host drag and drop / file input). */
  'documents.openData': { request: { name: string; dataBase64: string }; response: WorkbenchState };
  /** Open pasted text (PEM). */
  'documents.openText': { request: { name: string; text: string }; response: WorkbenchState };
  /** Retry a locked document with a password; on a wrong one the document stays locked with the reason. */
  'documents.unlock': { request: { documentId: string; password: string }; response: WorkbenchState };
  'documents.close': { request: { documentId: string }; response: WorkbenchState };
  'documents.closeAll': { request: Record<string, never>; response: WorkbenchState };
  /** One object in full (extensions, PEM, name parts, problems): the Inspector's detail pane asks when it is selected. */
  'objects.details': { request: { objectId: string }; response: ObjectDto };
  /** Stops waiting for a slow operation (named by its progress events); the document stays as it was. */
  'operations.cancel': { request: { operationId: string }; response: { cancelled: boolean } };

  /** What converting these objects to `target` would write (chain order, key, files, what is left out). Writes nothing. */
  'convert.preview': { request: ConvertRequest; response: ConvertPreviewDto };
  /**
   * Writes the conversion into a chosen folder, atomically; EXISTS unless `destination.overwrite`.
   * `password`: the PFX/JKS/JCEKS password, or the key's new passphrase for pkcs8/pkcs1/pem/certbot keys.
   * `keyPassword`: JKS/JCEKS only, the key entry's own password when it differs from `password`.
   */
  'convert.run': { request: ConvertRequest & { destination: WriteDestination; password?: string; keyPassword?: string }; response: { written: WrittenFileDto[] } };

  /** The keystores open for editing (the Keystores page). */
  'keystores.list': { request: Record<string, never>; response: KeystoreState };
  /** A new, empty keystore (a truststore starts this way). */
  'keystores.create': { request: { kind: KeystoreKind; name?: string }; response: KeystoreDto };
  /**
   * An open document as an editable keystore: a JKS/JCEKS/PKCS#12 with its password (kept in main for saving),
   * or any document with keys and certificates (a PEM set becomes key pair entries and trusted certificates).
   */
  'keystores.open': { request: { documentId: string; password?: string }; response: KeystoreDto };
  /** A key entry protected by its own password: the key is decrypted and usable from now on. */
  'keystores.unlockEntry': { request: { keystoreId: string; alias: string; keyPassword: string }; response: KeystoreDto };
  /** Certificates from open documents as trusted entries; `alias` for one, otherwise named from each CN. */
  'keystores.addTrusted': { request: { keystoreId: string; objectIds: string[]; alias?: string }; response: KeystoreDto };
  /** A private key from an open document with its chain (given, or built from the open certificates by signature). */
  'keystores.importKeyPair': {
    request: { keystoreId: string; keyObjectId: string; certificateObjectIds?: string[]; alias: string; keyPassword?: string };
    response: KeystoreDto;
  };
  /** A CA reply (signed certificate + chain) replaces a key entry's chain after its public key is checked (NO_MATCHING_KEY). */
  'keystores.importCaReply': { request: { keystoreId: string; alias: string; objectIds: string[] }; response: KeystoreDto };
  'keystores.rename': { request: { keystoreId: string; alias: string; newAlias: string }; response: KeystoreDto };
  'keystores.delete': { request: { keystoreId: string; aliases: string[] }; response: KeystoreDto };
  /** A key entry's own password (JKS/JCEKS); null = the store password. */
  'keystores.setKeyPassword': { request: { keystoreId: string; alias: string; keyPassword: string | null }; response: KeystoreDto };
  /** Saves as JKS, JCEKS or Java-compatible PKCS#12 under the store password; EXISTS unless overwrite. */
  'keystores.save': {
    request: { keystoreId: string; kind: KeystoreKind; storePassword: string; destination: { folder: string; fileName: string; overwrite?: boolean } };
    response: { written: WrittenFileDto[]; keystore: KeystoreDto };
  };
  'keystores.close': { request: { keystoreId: string }; response: KeystoreState };

  /** Built-in templates first, then the user's own (saved in the app's data folder). */
  'csr.templates': { request: Record<string, never>; response: { templates: CsrTemplateDto[] } };
  /** Saves the form as a user template (same name replaces it). */
  'csr.saveTemplate': { request: { name: string; description?: string; spec: CsrSpecDto; key: KeySpecName }; response: { templates: CsrTemplateDto[] } };
  'csr.deleteTemplate': { request: { id: string }; response: { templates: CsrTemplateDto[] } };
  /** Lints the form (and key choice) and shows it as a config file and commands. Fast; makes nothing. */
  'csr.check': { request: { spec: CsrSpecDto; key: KeyChoiceDto; selfSign?: SelfSignDto }; response: CsrCheckDto };
  /** An `openssl req` config file into the form; INVALID_ARGUMENT (with the line) for a file openssl would refuse. */
  'csr.importConfig': { request: { name: string; text: string }; response: CsrConfigImportDto };
  /**
   * Makes the key (off the UI path, with progress events; operations.cancel stops it), the CSR and, with
   * `selfSign`, a self-signed certificate; refuses a form with lint errors (INVALID_ARGUMENT). They open as one
   * document "NAME (not saved)" whose key stays in main.
   */
  'csr.create': { request: { spec: CsrSpecDto; key: KeyChoiceDto; selfSign?: SelfSignDto; name?: string }; response: CsrCreatedDto };
  /**
   * Writes what csr.create made: NAME.csr, NAME.key (0600, encrypted unless `keyProtection.password` is null) and,
   * when there is one, NAME.crt; atomically, EXISTS unless destination.overwrite.
   */
  'csr.save': {
    request: { documentId: string; baseName: string; keyProtection: KeyProtectionDto; includeKey?: boolean; destination: { folder: string; overwrite?: boolean } };
    response: { written: WrittenFileDto[] };
  };
  /**
   * "I got my certificate back": finds the open private key the reply's certificate belongs to (NO_MATCHING_KEY
   * when none) and orders the chain; then convert.run writes it as PFX, the PEM set or a keystore.
   */
  'csr.caReply': { request: { objectIds?: string[]; documentIds?: string[] }; response: CaReplyDto };
  /**
   * The chain doctor: fetches the server's chain (endpoint) and/or takes open documents, builds every candidate
   * path (input, server, trust store, AIA downloads), validates them (RFC 5280, RFC 6125 names), checks
   * revocation when asked, and diagnoses with fixes. Network work announces progress events; operations.cancel
   * stops it (CANCELLED). Unreachable servers are NETWORK errors; a broken chain is a report with valid=false.
   */
  'chain.check': { request: ChainCheckRequest; response: ChainReportDto };
  /** Quick offline verdicts for open documents (Inspector): no downloads, no revocation, system roots + open trust files. */
  'chain.verdicts': { request: { documentIds: string[] }; response: { verdicts: ChainVerdictDto[] } };
  /** Writes a report's fixedChainPem (leaf → intermediates) atomically; EXISTS unless overwrite. */
  'chain.saveFixed': {
    request: { reportId: string; destination: { folder: string; fileName: string; overwrite?: boolean } };
    response: { written: WrittenFileDto[] };
  };
  /** The watchlist, its settings and the last scan (from the app's data folder). */
  'expiry.watchlist': { request: Record<string, never>; response: WatchlistDto };
  /** Adds files, folders (paths the user chose) and endpoints; passwords go to the key vault only. */
  'expiry.addTargets': { request: { targets: WatchTargetInput[] }; response: WatchlistDto };
  'expiry.removeTargets': { request: { ids: string[] }; response: WatchlistDto };
  'expiry.updateSettings': { request: Partial<ExpirySettingsDto>; response: WatchlistDto };
  /**
   * Scans every target (or `targetIds`) concurrently with a limit, announcing progress; operations.cancel stops it
   * and the scan keeps what it found (cancelled = true). The result is saved as the last scan.
   */
  'expiry.scan': { request: { targetIds?: string[] }; response: ExpiryScanDto };
  /** The daily or monthly digest of the last scan. */
  'expiry.digest': { request: { kind: 'daily' | 'monthly' }; response: ExpiryDigestDto };
  /** Writes the last scan (or a digest of it) as CSV, JSON, .ics, HTML, PDF or OpenMetrics; atomically, EXISTS unless overwrite. */
  'expiry.export': {
    request: { format: ExpiryExportFormat; digest?: 'daily' | 'monthly'; destination: { folder: string; fileName: string; overwrite?: boolean } };
    response: { written: ExpiryFileDto[] };
  };

  /** The CAs offered first (Let's Encrypt staging and production). */
  'acme.cas': { request: Record<string, never>; response: { cas: AcmeCaDto[] } };
  /** Reads a CA's directory: its terms of service and whether it needs external account binding. NETWORK when unreachable. */
  'acme.directory': { request: { directoryUrl: string; caFile?: string }; response: AcmeDirectoryDto };
  /** Every order (newest first), from the app's data folder. */
  'acme.orders': { request: Record<string, never>; response: { orders: AcmeOrderDto[] } };
  /**
   * Starts an order and returns it once the CA has it (state pending or waiting); the rest runs in the
   * background, announced on 'acme.order' (and 'acme.notice' when issued or failed). INVALID_ARGUMENT for
   * a request that cannot succeed (wildcard without dns-01, no agreement to the terms, a bad name), before
   * anything is sent to the CA.
   */
  'acme.issue': { request: AcmeIssueRequest; response: AcmeOrderDto };
  /** Runs the live checks of a waiting order's manual challenges (DNS TXT lookup, HTTP fetch); tells the CA nothing. */
  'acme.check': { request: { orderId: string }; response: AcmeOrderDto };
  /** The user has placed the files or records: tell the CA to validate (a waiting order continues in the background). */
  'acme.continue': { request: { orderId: string }; response: AcmeOrderDto };
  /** Continues an order in state 'error' (or one found unfinished after a restart) from where it stopped. */
  'acme.resume': { request: { orderId: string }; response: AcmeOrderDto };
  /** Stops an unfinished order: its authorizations are deactivated at the CA; state 'cancelled'. */
  'acme.cancel': { request: { orderId: string }; response: AcmeOrderDto };
  /** Writes an issued order's certbot set (privkey.pem 0600) into a chosen folder, atomically; EXISTS unless overwrite. */
  'acme.save': { request: { orderId: string; destination: { folder: string; overwrite?: boolean } }; response: { written: WrittenFileDto[] } };
  /** Opens an issued order's certificate, chain and key in the workbench (the Inspector; Convert for PFX or a keystore). */
  'acme.open': { request: { orderId: string }; response: { documentId: string; state: WorkbenchState } };
  /** A new order with the same names, CA, challenge and key type as an earlier one (a new key). */
  'acme.renew': { request: { orderId: string; destination?: { folder: string; overwrite?: boolean } }; response: AcmeOrderDto };
  /** Revokes an issued order's certificate with the account that ordered it; reason is an RFC 5280 code (0, 1, 3, 4, 5). */
  'acme.revoke': { request: { orderId: string; reason?: number }; response: AcmeOrderDto };
  /** Forgets orders and the keys kept for them (written files stay). */
  'acme.remove': { request: { orderIds: string[] }; response: { orders: AcmeOrderDto[] } };
}

export type ApiMethod = keyof ApiMethods;
export type ApiRequest<M extends ApiMethod> = ApiMethods[M]['request'];
export type ApiResponse<M extends ApiMethod> = ApiMethods[M]['response'];

export interface ProgressEvent {
  operationId: string;
  /** What is happening, in the user's words ("Deriving the key for server.pfx"). */
  label: string;
  /** 0..1, or null when unknown. */
  fraction: number | null;
  done: boolean;
}

export interface ApiEvents {
  progress: ProgressEvent;
  /** The workbench changed outside a request (file association open, menu open). */
  'documents.changed': WorkbenchState;
  /** Something on the watchlist crossed a threshold (on start and daily while running). */
  'expiry.reminder': ExpiryReminderDto;
  /** An ACME order changed (state, a check, a timeline step). */
  'acme.order': AcmeOrderDto;
  /** An ACME order was issued or failed: shown in the app, and by the shell as an OS notification. */
  'acme.notice': AcmeNoticeDto;
}

export type ApiEvent = keyof ApiEvents;

export const API_METHODS: readonly ApiMethod[] = [
  'app.info',
  'settings.rememberKeys',
  'settings.setRememberKeys',
  'documents.list',
  'documents.openPaths',
  'documents.openData',
  'documents.openText',
  'documents.unlock',
  'documents.close',
  'documents.closeAll',
  'objects.details',
  'operations.cancel',
  'convert.preview',
  'convert.run',
  'keystores.list',
  'keystores.create',
  'keystores.open',
  'keystores.unlockEntry',
  'keystores.addTrusted',
  'keystores.importKeyPair',
  'keystores.importCaReply',
  'keystores.rename',
  'keystores.delete',
  'keystores.setKeyPassword',
  'keystores.save',
  'keystores.close',
  'csr.templates',
  'csr.saveTemplate',
  'csr.deleteTemplate',
  'csr.check',
  'csr.importConfig',
  'csr.create',
  'csr.save',
  'csr.caReply',
  'chain.check',
  'chain.verdicts',
  'chain.saveFixed',
  'expiry.watchlist',
  'expiry.addTargets',
  'expiry.removeTargets',
  'expiry.updateSettings',
  'expiry.scan',
  'expiry.digest',
  'expiry.export',
  'acme.cas',
  'acme.directory',
  'acme.orders',
  'acme.issue',
  'acme.check',
  'acme.continue',
  'acme.resume',
  'acme.cancel',
  'acme.save',
  'acme.open',
  'acme.renew',
  'acme.revoke',
  'acme.remove',
] as const;

export const API_EVENTS: readonly ApiEvent[] = ['progress', 'documents.changed', 'expiry.reminder', 'acme.order', 'acme.notice'] as const;

/** Result envelope on every transport (IPC drops custom Error fields, so errors travel as data). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: import('./dto').ErrorInfo };

/** What a client (renderer, tests) calls; implemented over IPC (preload) and over loopback HTTP. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/**
 * The type of `window.certbench`, the bridge the Electron preload exposes (app/preload.ts). Type-only:
 * the renderer uses `import type` from here and never loads electron.
 */
import type { ApiEvent, ApiEvents, ApiMethod, ApiRequest, ApiResponse, Envelope } from './contract';

export interface CertbenchBridge {
  /** Calls one API method over IPC; an unknown method name resolves to an INVALID_ARGUMENT envelope. */
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<Envelope<ApiResponse<M>>>;
  /** Subscribes to one API event; returns the unsubscribe function. Unknown event names are ignored. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Shows the native open dialog; resolves to the chosen paths (granted in main), or [] when cancelled. */
  pickFiles(): Promise<string[]>;
  /**
   * Dropped (or file-input) File objects: the preload finds their paths itself and main grants them, so
   * 'documents.openPaths' may read them. One entry per file; '' for a File with no path (one the page made).
   */
  grantFiles(files: File[]): Promise<string[]>;
  /** Shows the native folder dialog for writing; resolves to the chosen folder (granted in main for writes), or null. */
  pickFolder(): Promise<string | null>;
  /** Shows the native folder dialog for reading (a folder to watch); resolves to the folder (granted in main for reads, not writes), or null. */
  pickWatchFolder(): Promise<string | null>;
}

/** `window` as seen by the renderer in Electron; `certbench` is absent in the browser host. */
export interface WindowWithCertbench {
  certbench?: CertbenchBridge;
}

/**
 * The one typed channel map shared by main, preload, renderer and tests (GitHub Desktop's ipc-shared
 * pattern): every method's request and response, every event's payload.
 */
import type { AppInfo, ObjectDto, WorkbenchState } from './dto';

export interface ApiMethods {
  'app.info': { request: Record<string, never>; response: AppInfo };
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
}

export type ApiEvent = keyof ApiEvents;

export const API_METHODS: readonly ApiMethod[] = [
  'app.info',
  'documents.list',
  'documents.openPaths',
  'documents.openData',
  'documents.openText',
  'documents.unlock',
  'documents.close',
  'documents.closeAll',
  'objects.details',
  'operations.cancel',
] as const;

export const API_EVENTS: readonly ApiEvent[] = ['progress', 'documents.changed'] as const;

/** Result envelope on every transport (IPC drops custom Error fields, so errors travel as data). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: import('./dto').ErrorInfo };

/** What a client (renderer, tests) calls; implemented over IPC (preload) and over loopback HTTP. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

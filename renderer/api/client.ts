/**
 * The renderer's only way to main: the Electron preload bridge when present, else the loopback web host.
 * Errors arrive as {code, message, hint} data and are thrown here as ApiError.
 */
import type { ApiClient, ApiEvent, ApiEvents, ApiMethod, ApiRequest, ApiResponse, Envelope } from '../../main/api/contract';
import type { ErrorInfo } from '../../main/api/dto';
import { electronBridge } from './bridge';
import { takeToken, webTransport } from './web-transport';

export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
  }
}

export function errorInfoOf(e: unknown): ErrorInfo {
  if (e instanceof ApiError) return e.info;
  return { code: 'INTERNAL', message: `Certbench could not reach its engine: ${e instanceof Error ? e.message : String(e)}`, hint: 'Restart Certbench and try again.' };
}

export interface RendererClient extends ApiClient {
  shell: 'electron' | 'web';
  /** Electron only: the native open dialog; main grants the chosen paths. */
  pickFiles: (() => Promise<string[]>) | null;
  /** Electron only: the paths of dropped files, granted in main ('' for a File without one). */
  grantFiles: ((files: File[]) => Promise<string[]>) | null;
  /** Electron only: the native folder dialog for writing (main grants the folder); null when cancelled. */
  pickFolder: (() => Promise<string | null>) | null;
  /** Electron only: the native folder dialog for reading (a folder to watch; main grants it for reads); null when cancelled. */
  pickWatchFolder: (() => Promise<string | null>) | null;
}

interface Transport {
  call(method: ApiMethod, request: unknown): Promise<Envelope<unknown>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

function wrap(transport: Transport): ApiClient {
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      const envelope = await transport.call(method, request);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as ApiResponse<M>;
    },
    on: (event, listener) => transport.on(event, listener),
  };
}

export function createClient(): RendererClient {
  const bridge = electronBridge();
  if (bridge) {
    return { ...wrap(bridge), shell: 'electron', pickFiles: () => bridge.pickFiles(), grantFiles: (files) => bridge.grantFiles(files), pickFolder: () => bridge.pickFolder(), pickWatchFolder: () => bridge.pickWatchFolder() };
  }
  return { ...wrap(webTransport(takeToken())), shell: 'web', pickFiles: null, grantFiles: null, pickFolder: null, pickWatchFolder: null };
}

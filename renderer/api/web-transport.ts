/**
 * The loopback host transport: POST /api/call and the event stream GET /api/events, both with the launch
 * token in the x-certbench-token header (the host accepts it nowhere else, never in a URL).
 */
import type { ApiEvent, ApiEvents, ApiMethod, Envelope } from '../../main/api/contract';
import { openEventStream } from './event-stream';

const TOKEN_KEY = 'certbench.token';
const TOKEN_HEADER = 'x-certbench-token';

/** Moves the token from the URL fragment into sessionStorage, so it is not left in the address bar. */
export function takeToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/i.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export interface WebTransport {
  call(method: ApiMethod, request: unknown): Promise<Envelope<unknown>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Ends the event stream (the page never needs to; tests and tools do). */
  close(): void;
}

export interface WebTransportOptions {
  /** Where the host is; default: relative to the page, which the host served. */
  base?: string;
  fetch?: typeof fetch;
  /** Wait before the event stream reconnects. */
  retryMs?: number;
}

export function webTransport(token: string, options: WebTransportOptions = {}): WebTransport {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const url = (path: string) => (options.base ? new URL(path, options.base).href : path);
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let stopStream: (() => void) | null = null;

  const startStream = () => {
    stopStream ??= openEventStream({
      url: url('api/events'),
      headers: { [TOKEN_HEADER]: token },
      fetch: doFetch,
      retryMs: options.retryMs,
      onEvent: ({ event, data }) => {
        const set = listeners.get(event);
        if (!set?.size) return;
        const payload = JSON.parse(data) as never;
        for (const listener of [...set]) listener(payload);
      },
    });
  };

  return {
    async call(method, request) {
      const res = await doFetch(url('api/call'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ method, request }),
      });
      if (!res.ok) {
        const text = await res.text();
        return {
          ok: false,
          error: {
            code: res.status === 413 ? 'TOO_LARGE' : 'INTERNAL',
            message: `The Certbench host refused the request (${res.status}: ${text.trim() || res.statusText}).`,
            hint: res.status === 401 || res.status === 403 ? 'Open the full URL that `npm run web` printed; it carries the access token.' : 'Restart `npm run web` and reload.',
          },
        };
      }
      return (await res.json()) as Envelope<unknown>;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: never) => void;
      set.add(entry);
      startStream();
      return () => {
        set.delete(entry);
      };
    },
    close() {
      stopStream?.();
    },
  };
}

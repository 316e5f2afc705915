/** The loopback host transport: POST /api/call with the launch token, events over Server-Sent Events. */
import type { ApiEvent, ApiEvents, ApiMethod, Envelope } from '../../main/api/contract';

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
}

export function webTransport(token: string): WebTransport {
  let source: EventSource | null = null;
  const stream = () => (source ??= new EventSource(`api/events?token=${encodeURIComponent(token)}`));

  return {
    async call(method, request) {
      const res = await fetch('api/call', {
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
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as ApiEvents[typeof event]);
      stream().addEventListener(event, handler);
      return () => stream().removeEventListener(event, handler);
    },
  };
}

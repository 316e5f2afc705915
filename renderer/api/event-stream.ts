/**
 * Server-Sent Events read over fetch, so the launch token travels in a header: EventSource cannot send
 * headers, and a token in the URL would end up in logs and history. Reconnects like EventSource does.
 */

export interface StreamedEvent {
  event: string;
  data: string;
}

/** Splits an SSE byte stream (decoded to text, in any chunking) into its events; comments are dropped. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): StreamedEvent[] {
    this.buffer += chunk;
    const out: StreamedEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, newline);
      // A lone '\r' at the end of a chunk may be the first half of '\r\n': wait for the next chunk.
      if (this.buffer[newline] === '\r' && newline === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(newline + (this.buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return out;
  }
}

export interface EventStreamOptions {
  url: string;
  headers: Record<string, string>;
  onEvent: (event: StreamedEvent) => void;
  /** Wait before reconnecting after the stream ends or fails (EventSource's default is about 3 s). */
  retryMs?: number;
  fetch?: typeof fetch;
}

/** Opens the stream and keeps it open until the returned function is called. A 401/403 is not retried. */
export function openEventStream(options: EventStreamOptions): () => void {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const retryMs = options.retryMs ?? 3000;
  let stopped = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  // A listener that throws is reported, as EventSource does, and the stream carries on.
  const deliver = (event: StreamedEvent) => {
    try {
      options.onEvent(event);
    } catch (e) {
      if (typeof reportError === 'function') reportError(e);
      else console.error(e);
    }
  };

  const connect = async (): Promise<void> => {
    controller = new AbortController();
    let refused = false;
    try {
      const res = await doFetch(options.url, { headers: { Accept: 'text/event-stream', ...options.headers }, cache: 'no-store', signal: controller.signal });
      refused = res.status === 401 || res.status === 403;
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of parser.push(value)) deliver(event);
      }
    } catch {
      // A dropped connection or a stop: either way, the retry below decides.
    } finally {
      if (!stopped && !refused) timer = setTimeout(() => void connect(), retryMs);
    }
  };

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    controller?.abort();
  };
}

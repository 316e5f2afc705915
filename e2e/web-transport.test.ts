/**
 * The renderer's loopback transport (renderer/api/web-transport.ts, event-stream.ts) run under Node against
 * the real host: calls and the event stream carry the token in its header, never in a URL.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ProgressEvent } from '../main/api/contract';
import { openEventStream, SseParser, type StreamedEvent } from '../renderer/api/event-stream';
import { webTransport } from '../renderer/api/web-transport';
import { startHost, type Host } from './host';

let host: Host;
before(async () => {
  host = await startHost({ staticDir: __dirname });
});
after(() => host.close());

/** fetch as the page's browser makes it: every request recorded, Origin on POST (browsers always send it). */
function browserFetch() {
  const seen: Array<{ url: string; headers: Record<string, string> }> = [];
  const controllers: AbortSignal[] = [];
  const doFetch: typeof fetch = (input, init = {}) => {
    const headers = { ...(init.headers as Record<string, string>) };
    if (init.method === 'POST') headers.Origin = host.origin;
    seen.push({ url: String(input), headers });
    if (init.signal) controllers.push(init.signal);
    return fetch(input, { ...init, headers });
  };
  return { seen, doFetch };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(check(), `timed out waiting for ${what}`);
};

test('calls and events go through with the token in the header and nowhere in a URL', async () => {
  const { seen, doFetch } = browserFetch();
  const transport = webTransport(host.token, { base: `${host.origin}/`, fetch: doFetch });
  const progress: ProgressEvent[] = [];
  const off = transport.on('progress', (p) => progress.push(p));
  await until(() => seen.some((s) => s.url.endsWith('/api/events')), 'the stream to open');
  await new Promise((r) => setTimeout(r, 50));

  const opened = await transport.call('documents.openText', { name: 'notes.txt', text: 'not a certificate' });
  assert.equal(opened.ok, true);
  await until(() => progress.some((p) => p.done), 'a finished progress event');
  assert.match(progress[0]!.label, /notes\.txt/);

  for (const s of seen) {
    assert.equal(s.headers['x-certbench-token'], host.token, s.url);
    assert.ok(!s.url.includes(host.token) && !s.url.includes('?'), `token or query in ${s.url}`);
  }
  off();
  const count = progress.length;
  await transport.call('documents.openText', { name: 'again.txt', text: 'still not' });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(progress.length, count, 'an unsubscribed listener hears nothing more');
  transport.close();
});

test('a wrong token: calls come back as a typed refusal, and the event stream is not retried', async () => {
  const { seen, doFetch } = browserFetch();
  const transport = webTransport('0'.repeat(64), { base: `${host.origin}/`, fetch: doFetch, retryMs: 20 });
  const r = await transport.call('documents.list', {});
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.error.message, /refused the request \(401/);
    assert.match(r.error.hint, /full URL/);
  }
  transport.on('documents.changed', () => assert.fail('no event with a wrong token'));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(seen.filter((s) => s.url.endsWith('/api/events')).length, 1);
  transport.close();
});

test('SSE parsing: any chunking, CRLF or LF, multi-line data, comments and unnamed events', () => {
  const text = ': connected\r\n\r\nevent: progress\r\ndata: {"a":1}\r\n\r\n: keep-alive\n\nevent: documents.changed\ndata: line one\ndata: line two\n\ndata:plain\n\n';
  const expected: StreamedEvent[] = [
    { event: 'progress', data: '{"a":1}' },
    { event: 'documents.changed', data: 'line one\nline two' },
    { event: 'message', data: 'plain' },
  ];
  assert.deepEqual(new SseParser().push(text), expected);
  for (let cut = 0; cut <= text.length; cut++) {
    const parser = new SseParser();
    assert.deepEqual([...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))], expected, `cut at ${cut}`);
  }
  const oneByOne = new SseParser();
  assert.deepEqual([...text].flatMap((c) => oneByOne.push(c)), expected);
});

test('the stream reconnects after the host drops it, and stops when closed', async () => {
  let connects = 0;
  const got: string[] = [];
  const doFetch: typeof fetch = async () => {
    connects++;
    return new Response(`event: progress\ndata: ${connects}\n\n`, { headers: { 'Content-Type': 'text/event-stream' } });
  };
  const close = openEventStream({ url: 'http://127.0.0.1:1/api/events', headers: {}, fetch: doFetch, retryMs: 10, onEvent: (e) => got.push(e.data) });
  await until(() => connects >= 3, 'three connections');
  close();
  const after = connects;
  await new Promise((r) => setTimeout(r, 60));
  assert.ok(connects <= after + 1, 'no reconnecting after close');
  assert.deepEqual(got.slice(0, 3), ['1', '2', '3']);
});

test('a listener that throws does not end the stream for the others', async () => {
  const got: string[] = [];
  const body = 'event: progress\ndata: 1\n\nevent: progress\ndata: 2\n\n';
  const errors: unknown[] = [];
  const saved = console.error;
  console.error = (e: unknown) => errors.push(e);
  try {
    const close = openEventStream({
      url: 'http://127.0.0.1:1/api/events',
      headers: {},
      retryMs: 60_000,
      fetch: async () => new Response(body),
      onEvent: (e) => {
        got.push(e.data);
        if (e.data === '1') throw new Error('listener bug');
      },
    });
    await until(() => got.length === 2, 'both events');
    close();
  } finally {
    console.error = saved;
  }
  assert.deepEqual(got, ['1', '2']);
  assert.equal(errors.length, 1);
});

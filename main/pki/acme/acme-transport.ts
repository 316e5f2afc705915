/**
 * HTTPS to one ACME CA, for one connection: its own https.Agent (Node's root certificates plus the CA
 * certificate given with --ca-file, so trust never leaks between orders), a User-Agent naming Certbench,
 * a connect timeout and a whole-request timeout, an AbortSignal, and a short bounded retry policy:
 * - a refused / reset / timed-out connection is retried once after RETRY_DELAY_MS, then it is NETWORK;
 * - 429 and 503 are retried while the CA's Retry-After is at most MAX_RETRY_AFTER_MS (twice at most),
 *   otherwise the answer (a rateLimited problem) is returned for the caller to explain;
 * - TLS trust failures and unknown host names are never retried.
 * acme-client's own axios transport is not used: it retries 5 times 5 s apart, waits any Retry-After
 * however long, cannot be cancelled, and turns every socket error into a TypeError.
 */
import type { Agent } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { PkiError } from '../errors';
import { nodeHttp, nodeHttps, nodeTls } from '../lazy-builtins';
import { acmeCancelled, networkFailure, retryAfterMs } from './acme-problem';

export const USER_AGENT = 'Certbench (ACME over acme-client 5.4.0)';
const CONNECT_TIMEOUT_MS = 8_000;
const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_DELAY_MS = 1_000;
const MAX_RETRY_AFTER_MS = 10_000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const RETRIED_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECT_TIMEOUT']);

export interface AcmeHttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON for JSON answers (problem documents included), text otherwise (PEM chains). */
  data: unknown;
}

export interface AcmeTransportOptions {
  caPem?: string;
  signal?: AbortSignal;
}

export interface AcmeRequest {
  url: string;
  method: 'GET' | 'HEAD' | 'POST';
  /** JSON body (a JWS for ACME POSTs). */
  body?: unknown;
  headers?: Record<string, string>;
}

export class AcmeTransport {
  private readonly agent: Agent;
  readonly signal: AbortSignal | undefined;

  constructor(options: AcmeTransportOptions) {
    this.agent = new (nodeHttps().Agent)({
      keepAlive: true,
      maxSockets: 4,
      timeout: REQUEST_TIMEOUT_MS,
      ca: options.caPem ? [...nodeTls().rootCertificates, options.caPem] : undefined,
    });
    this.signal = options.signal;
  }

  async send(req: AcmeRequest): Promise<AcmeHttpResponse> {
    let socketRetried = false;
    for (let rateRetries = 0; ; ) {
      this.throwIfCancelled(req.url);
      let response: AcmeHttpResponse;
      try {
        response = await this.once(req);
      } catch (e) {
        if (e instanceof PkiError) throw e;
        const code = (e as { code?: string }).code ?? '';
        if (!socketRetried && RETRIED_SOCKET_CODES.has(code)) {
          socketRetried = true;
          await this.sleep(RETRY_DELAY_MS, req.url);
          continue;
        }
        throw networkFailure(e, req.url);
      }
      if ((response.status === 429 || response.status === 503) && rateRetries < 2) {
        const wait = retryAfterMs(response.headers['retry-after']) ?? (response.status === 503 ? RETRY_DELAY_MS : null);
        if (wait !== null && wait <= MAX_RETRY_AFTER_MS) {
          rateRetries++;
          await this.sleep(wait, req.url);
          continue;
        }
      }
      return response;
    }
  }

  /** Waits, but wakes with CANCELLED as soon as the signal fires. */
  sleep(ms: number, url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal?.aborted) return reject(acmeCancelled(url));
      const onAbort = () => {
        clearTimeout(timer);
        reject(acmeCancelled(url));
      };
      const timer = setTimeout(() => {
        this.signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  throwIfCancelled(url: string): void {
    if (this.signal?.aborted) throw acmeCancelled(url);
  }

  private once(req: AcmeRequest): Promise<AcmeHttpResponse> {
    return new Promise((resolve, reject) => {
      const url = new URL(req.url);
      const body = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
      const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: 'application/json', ...req.headers };
      if (body) headers['Content-Length'] = String(body.length);
      let settled = false;
      const done = (error: unknown, value?: AcmeHttpResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(requestTimer);
        this.signal?.removeEventListener('abort', onAbort);
        if (error) {
          r.destroy();
          reject(error);
        } else resolve(value!);
      };
      const onAbort = () => done(acmeCancelled(req.url));
      const options = { method: req.method, headers };
      // http: is allowed for a CA on this machine (a test CA without TLS); the agent only serves https:.
      const r = url.protocol === 'http:' ? nodeHttp().request(url, options) : nodeHttps().request(url, { ...options, agent: this.agent });
      const connectTimer = setTimeout(() => done(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' })), CONNECT_TIMEOUT_MS);
      const requestTimer = setTimeout(() => done(Object.assign(new Error('request timeout'), { code: 'REQUEST_TIMEOUT' })), REQUEST_TIMEOUT_MS);
      this.signal?.addEventListener('abort', onAbort, { once: true });
      r.on('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connectTimer);
        else socket.once('connect', () => clearTimeout(connectTimer));
      });
      r.on('error', (e) => done(e));
      r.on('response', (res: IncomingMessage) => {
        clearTimeout(connectTimer);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) done(Object.assign(new Error(`answer larger than ${MAX_BODY_BYTES} bytes`), { code: 'TOO_LARGE' }));
          else chunks.push(chunk);
        });
        res.on('error', (e) => done(e));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          done(null, { status: res.statusCode ?? 0, headers: res.headers, data: parseBody(text, res.headers['content-type']) });
        });
      });
      r.end(body);
    });
  }
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!/json/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

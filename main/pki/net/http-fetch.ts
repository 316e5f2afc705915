/**
 * HTTP(S) GET/POST for AIA, OCSP and CRL downloads: http and https only, a timeout for the whole exchange,
 * a size cap while reading, a few redirects, NETWORK errors in plain words.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { PkiError } from '../errors';
import { nodeHttp, nodeHttps, nodeTls } from '../lazy-builtins';
import type { HttpRequest, HttpResponse } from './port';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** 2xx answers are returned; anything else (HTTP errors, too many redirects, timeouts ...) is PkiError('NETWORK'). */
export async function httpFetch(request: HttpRequest): Promise<HttpResponse> {
  let url = parseUrl(request.url);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let method = request.method ?? 'GET';
  let body = method === 'POST' ? (request.body ?? new Uint8Array(0)) : undefined;
  if (request.signal?.aborted) throw cancelled(url);

  const deadline = new Deadline(timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const answer = await exchange(url, { method, body, contentType: request.contentType, ca: request.ca, maxBytes, signal: request.signal, deadline });
      if (!('location' in answer)) return answer;
      if (redirects >= maxRedirects) {
        throw new PkiError('NETWORK', `${url.host} redirected more than ${maxRedirects} times (last to ${answer.location}).`, 'The address may be wrong or the server misconfigured; try the final address directly.');
      }
      const next = resolveRedirect(url, answer.location);
      if (answer.status === 303) {
        method = 'GET';
        body = undefined;
      }
      url = next;
    }
  } finally {
    deadline.clear();
  }
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PkiError('INVALID_ARGUMENT', `"${text}" is not a web address.`, 'Give an http:// or https:// address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PkiError('INVALID_ARGUMENT', `Certbench downloads only http: and https: addresses, not ${url.protocol} (${text}).`, 'LDAP and file addresses in certificates are not fetched; find an http:// address for the same file.');
  }
  return url;
}

function resolveRedirect(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new PkiError('NETWORK', `${from.host} redirected to "${location}", which is not a web address.`, 'The server is misconfigured; ask its owner, or find another address for the file.');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new PkiError('NETWORK', `${from.host} redirected to a ${next.protocol} address (${location}); Certbench follows only http: and https: redirects.`, 'Find an http:// address for the same file.');
  }
  return next;
}

/** One timer for the whole exchange, redirects included; whoever is waiting registers what to do when it fires. */
class Deadline {
  private readonly timer: NodeJS.Timeout;
  private onExpire: (() => void) | null = null;
  expired = false;
  constructor(readonly ms: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.onExpire?.();
    }, ms);
  }
  watch(fn: (() => void) | null): void {
    this.onExpire = fn;
    if (fn && this.expired) fn();
  }
  clear(): void {
    clearTimeout(this.timer);
    this.onExpire = null;
  }
}

interface ExchangeOptions {
  method: 'GET' | 'POST';
  body: Uint8Array | undefined;
  contentType: string | undefined;
  ca: string[] | undefined;
  maxBytes: number;
  signal: AbortSignal | undefined;
  deadline: Deadline;
}

type Exchanged = HttpResponse | { status: number; location: string };

function exchange(url: URL, o: ExchangeOptions): Promise<Exchanged> {
  return new Promise<Exchanged>((resolve, reject) => {
    let settled = false;
    let req: ClientRequest | null = null;
    let res: IncomingMessage | null = null;
    const finish = (error: PkiError | null, value?: Exchanged) => {
      if (settled) return;
      settled = true;
      o.deadline.watch(null);
      o.signal?.removeEventListener('abort', onAbort);
      if (error) {
        res?.destroy();
        req?.destroy();
        reject(error);
      } else resolve(value!);
    };
    const onAbort = () => finish(cancelled(url));
    o.signal?.addEventListener('abort', onAbort, { once: true });
    o.deadline.watch(() => finish(new PkiError('NETWORK', `Timed out after ${seconds(o.deadline.ms)} waiting for ${url.host} (${url.href}).`, 'The server may be down or slow, or a firewall drops the connection; try again later.')));
    if (settled) return;

    const headers: Record<string, string> = { 'User-Agent': 'Certbench', Accept: '*/*', Connection: 'close' };
    if (o.body) {
      headers['Content-Type'] = o.contentType ?? 'application/octet-stream';
      headers['Content-Length'] = String(o.body.length);
    }
    const common = { method: o.method, headers, agent: false as const };
    try {
      req =
        url.protocol === 'https:'
          ? nodeHttps().request(url, { ...common, ca: o.ca?.length ? [...nodeTls().rootCertificates, ...o.ca] : undefined })
          : nodeHttp().request(url, common);
    } catch (e) {
      finish(new PkiError('NETWORK', `Could not start a request to ${url.host}: ${(e as Error).message}.`, 'Check the address.'));
      return;
    }
    req.on('error', (e: NodeJS.ErrnoException) => finish(describeSocketError(url, e)));
    req.on('response', (response) => {
      res = response;
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        const location = response.headers.location;
        response.resume();
        if (!location) finish(new PkiError('NETWORK', `${url.host} answered HTTP ${status} (a redirect) without saying where to (${url.href}).`, 'The server is misconfigured; ask its owner.'));
        else finish(null, { status, location });
        return;
      }
      if (status < 200 || status > 299) {
        response.resume();
        const text = response.statusMessage ? ` ${response.statusMessage}` : '';
        finish(answered(new PkiError('NETWORK', `${url.host} answered HTTP ${status}${text} for ${url.href}.`, status === 404 || status === 410 ? 'The file is not at that address (any more); the certificate may point to an old location.' : 'The server refused or failed to answer; try again later.')));
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > o.maxBytes) {
        finish(tooLarge(url, o.maxBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) {
          finish(tooLarge(url, o.maxBytes));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', (e: NodeJS.ErrnoException) => finish(describeSocketError(url, e)));
      response.on('aborted', () => finish(new PkiError('NETWORK', `${url.host} closed the connection in the middle of the answer (${url.href}).`, 'Try again; the server or the network may be overloaded.')));
      response.on('end', () => {
        const bodyBytes = new Uint8Array(Buffer.concat(chunks, size));
        const type = response.headers['content-type'];
        finish(null, { url: url.href, status, contentType: typeof type === 'string' ? type : null, body: bodyBytes });
      });
    });
    req.end(o.body ? Buffer.from(o.body.buffer, o.body.byteOffset, o.body.byteLength) : undefined);
  });
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function describeSocketError(url: URL, e: NodeJS.ErrnoException): PkiError {
  const host = url.hostname;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const code = e.code ?? '';
  if (code === 'ECONNREFUSED') return new PkiError('NETWORK', `${host} refused the connection on port ${port} (${url.href}).`, 'Nothing is listening there: check the address and port, or whether the server is running.');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new PkiError('NETWORK', `DNS failure: the name ${host} could not be found (${url.href}).`, 'Check the spelling of the host name and this computer\'s network and DNS settings.');
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') return new PkiError('NETWORK', `${host} closed the connection before answering (${url.href}).`, 'Try again; the server may be overloaded or a firewall may cut the connection.');
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT') return new PkiError('NETWORK', `${host} cannot be reached (${code}) (${url.href}).`, 'Check this computer\'s network connection and any proxy or firewall.');
  if (TLS_CODES.test(code) || /SSL|TLS|certificate/i.test(e.message)) {
    return new PkiError('NETWORK', `TLS failure talking to ${host}:${port}: ${e.message} (${url.href}).`, 'The server\'s certificate is not trusted or its TLS setup is broken; an http:// address for the same file, or the server\'s CA, may help.');
  }
  return new PkiError('NETWORK', `Downloading ${url.href} failed: ${e.message}.`, 'Try again later, and check this computer\'s network connection.');
}

const answeredErrors = new WeakSet<PkiError>();

function answered(e: PkiError): PkiError {
  answeredErrors.add(e);
  return e;
}

/** The server was reached and answered with an HTTP error status (not a timeout, refusal, DNS or TLS failure). */
export function isHttpStatusError(e: unknown): boolean {
  return e instanceof PkiError && answeredErrors.has(e);
}

function tooLarge(url: URL, maxBytes: number): PkiError {
  return new PkiError('NETWORK', `The answer from ${url.host} is too large: more than ${formatBytes(maxBytes)} (${url.href}).`, 'This address does not look like a certificate, CRL or OCSP responder; check it.');
}

function cancelled(url: URL): PkiError {
  return new PkiError('CANCELLED', `Downloading ${url.href} was cancelled.`, 'Check again when you are ready.');
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n.toLocaleString('en-US')} bytes`;
}

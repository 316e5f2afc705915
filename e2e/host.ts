/**
 * The browser host: serves the built renderer and binds the api/ dispatcher over loopback HTTP.
 * Test and development only; never packaged. Bound to 127.0.0.1, guarded by a per-launch token,
 * exact Host/Origin checks (DNS rebinding and cross-site requests), JSON only and a body cap. It opens only
 * bytes the page sends: no path is granted, so the workbench reads no file on a request's say-so.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiEvent, ApiEvents } from '../main/api/contract';
import { createDispatcher } from '../main/rpc/dispatcher';
import { createWorkbench, type Workbench } from '../main/workbench/index';
import { defaultDataDir } from '../main/workbench/data-dir';
import { PathGrants } from '../main/workbench/path-grants';
import { OutputFolders } from '../main/workbench/output-folders';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../main/shell/renderer-assets';

export const TOKEN_HEADER = 'x-certbench-token';
/** Above the engine's 64 MiB input limit once base64 and JSON framing are added. */
export const MAX_BODY_BYTES = 96 * 1024 * 1024;

export const CSP = CONTENT_SECURITY_POLICY;

export type WireKind = 'response' | 'event';

export interface HostOptions {
  /** 0 or undefined: any free port. */
  port?: number;
  /** The built renderer (default: dist/renderer under the working directory). */
  staticDir?: string;
  /** Sees every API response body and event payload exactly as sent (the private-key audit hooks in here). */
  tap?: (kind: WireKind, body: string) => void;
  /** The moment expiry is counted from (tests pin it so committed fixtures never expire under them). */
  now?: () => Date;
  /** The one folder conversions and keystores are written to (there is no save dialog in a browser). */
  outputDir?: string;
  /** The app's data folder (user CSR templates); default CERTBENCH_DATA_DIR, else the desktop app's data folder. */
  dataDir?: string;
  /**
   * Run the expiry reminder scheduler (on start and daily; expiry.reminder reaches the page on the event stream).
   * `npm run web` turns it on; the e2e harness leaves it off and calls host.workbench.reminders.run() when a test wants one.
   */
  reminders?: boolean;
  /**
   * Continue the ACME orders left unfinished in the data folder (a restart in the middle of an order). `npm run web`
   * turns it on; the e2e harness leaves it off and calls host.workbench.acme.resumeUnfinished() when a test wants it.
   * Either way the host's close() stops ACME work (background steps, HTTP-01 responders).
   */
  acme?: boolean;
}

export interface Host {
  /** Open this in a browser: includes the #token= fragment. */
  url: string;
  origin: string;
  token: string;
  port: number;
  /** The address the server is bound to (always 127.0.0.1). */
  address: string;
  workbench: Workbench;
  close(): Promise<void>;
}


class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How much of an oversized body is read and dropped so the client, still sending, gets its 413 rather than a reset. */
const OVERSIZE_DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * Reads a body of at most `cap` bytes. A declared Content-Length over the cap is refused before any byte is read.
 * A streamed body that passes the cap is read to its end and dropped (up to OVERSIZE_DRAIN_BYTES more), then
 * refused: closing a socket with unread bytes resets it, and the client would see a reset instead of the 413.
 */
function readBody(req: IncomingMessage, cap: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > cap) return Promise.reject(new HttpError(413, 'Request body too large.'));
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= cap) chunks.push(c);
      else if (chunks.length > 0) chunks.length = 0;
      if (size > cap + OVERSIZE_DRAIN_BYTES) {
        req.removeAllListeners('data');
        req.removeAllListeners('end');
        reject(new HttpError(413, 'Request body too large.'));
      }
    });
    req.on('end', () => (size > cap ? reject(new HttpError(413, 'Request body too large.')) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  const staticDir = resolve(options.staticDir ?? join(process.cwd(), 'dist', 'renderer'));
  const token = randomBytes(32).toString('hex');
  // No path is ever granted here: the page sends the bytes of the files the user gave it, so
  // 'documents.openPaths' refuses every path and nothing on this machine is read on a page's say-so.
  const folders = new OutputFolders();
  if (options.outputDir) {
    await fs.mkdir(options.outputDir, { recursive: true });
    folders.grant(options.outputDir);
  }
  const workbench = createWorkbench({ shell: 'web', now: options.now, grants: new PathGrants(), folders, dataDir: options.dataDir ?? defaultDataDir() });
  const dispatcher = createDispatcher(workbench.handlers);
  if (options.reminders) workbench.reminders.start();
  if (options.acme) {
    // Orders that cannot continue say so in the page (state 'error'); the host starts either way.
    await workbench.acme.resumeUnfinished().catch((e: unknown) => console.error(`certbench web: unfinished ACME orders were not resumed: ${e instanceof Error ? e.message : String(e)}`));
  }
  const tap = options.tap;
  const streams = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let port = 0;
  let origin = '';

  // The token is read from its header only: never from a query string or path, which end up in logs and history.
  // No token or a wrong one: 401 (not authenticated). The right token from the wrong page (Origin): 403.
  const checkApiRequest = (req: IncomingMessage) => {
    const given = req.headers[TOKEN_HEADER];
    if (given === undefined) throw new HttpError(401, 'Missing token.');
    if (!sameSecret(Array.isArray(given) ? given[0] : given, token)) throw new HttpError(401, 'Wrong token.');
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') throw new HttpError(403, 'Cross-site request refused.');
    const requestOrigin = req.headers.origin;
    // Browsers always send Origin on POST; same-origin GETs (the event stream) may omit it.
    if (req.method !== 'GET' && requestOrigin === undefined) throw new HttpError(403, 'Missing Origin.');
    if (requestOrigin !== undefined && requestOrigin !== origin) throw new HttpError(403, 'Wrong Origin.');
  };

  const handleCall = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
    checkApiRequest(req);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw new HttpError(415, 'Send application/json.');
    const text = await readBody(req, MAX_BODY_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'Malformed JSON.');
    }
    const { method, request } = (body && typeof body === 'object' ? body : {}) as { method?: unknown; request?: unknown };
    const envelope = await dispatcher.dispatch(method, request);
    const json = JSON.stringify(envelope);
    tap?.('response', json);
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8' });
    res.end(json);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET.');
    checkApiRequest(req);
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const off = workbench.events.on(<E extends ApiEvent>(event: E, payload: ApiEvents[E]) => {
      const data = JSON.stringify(payload);
      tap?.('event', data);
      res.write(`event: ${event}\ndata: ${data}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      off();
      streams.delete(res);
    });
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Use GET.');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'Bad path.');
    }
    if (rel.includes('\0') || rel.split(/[\\/]/).includes('..')) throw new HttpError(404, 'Not found.');
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = resolve(staticDir, '.' + rel);
    if (file !== staticDir && !file.startsWith(staticDir + sep)) throw new HttpError(404, 'Not found.');
    let data: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new Error('not a file');
      data = await fs.readFile(file);
    } catch {
      throw new HttpError(404, 'Not found.');
    }
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': contentTypeFor(file), 'Content-Length': String(data.length) });
    res.end(req.method === 'HEAD' ? undefined : data);
  };

  const server = createServer((req, res) => {
    const route = async () => {
      // Exact Host: a DNS-rebound name pointing at 127.0.0.1 never matches. 421: this server does not serve that name.
      if (req.headers.host !== `127.0.0.1:${port}`) throw new HttpError(421, 'Wrong Host: this server answers only to its 127.0.0.1 address.');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/api/call') return handleCall(req, res);
      if (url.pathname === '/api/events') return handleEvents(req, res);
      if (url.pathname.startsWith('/api/')) throw new HttpError(404, 'Not found.');
      return handleStatic(req, res, url);
    };
    route().catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof HttpError ? e.message : 'Internal error.';
      // A 413 closes the connection (the rest of a declared body is never read): say so, so no client reuses it.
      if (!res.headersSent) {
        if (status === 413) res.setHeader('Connection', 'close');
        sendText(res, status, message);
      } else res.end();
      if (status === 413) req.socket.destroySoon?.();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    address: bound.address,
    workbench,
    close: () =>
      new Promise<void>((done) => {
        workbench.reminders.stop();
        for (const s of streams) s.end();
        server.close(() => done());
        for (const s of sockets) s.destroy();
      }).then(() => workbench.acme.close()),
  };
}

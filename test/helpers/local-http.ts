/** Node http(s) servers on 127.0.0.1 with an OS-chosen port, for the download tests; close() ends every socket. */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export interface LocalServer {
  url: string;
  port: number;
  /** Every request seen, in order: method, path, body. */
  requests: { method: string; path: string; body: Buffer; contentType: string | undefined }[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

async function start(server: Server, scheme: 'http' | 'https', requests: LocalServer['requests']): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function listener(handler: Handler, requests: LocalServer['requests']): RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', path: req.url ?? '', body, contentType: req.headers['content-type'] });
      handler(req, res, body);
    });
  };
}

export function localHttpServer(handler: Handler): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  return start(createServer(listener(handler, requests)), 'http', requests);
}

export function localHttpsServer(handler: Handler, tls: { cert: string; key: string }): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  return start(createHttpsServer(tls, listener(handler, requests)), 'https', requests);
}

/** A port nothing listens on right now: bind to 0, note the port, close. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

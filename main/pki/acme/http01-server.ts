/**
 * Certbench's own HTTP-01 responder: answers GET /.well-known/acme-challenge/<token> for the tokens set,
 * with the key authorization as text/plain, and 404 for anything else. Nothing else is served.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { PkiError } from '../errors';
import { nodeHttp } from '../lazy-builtins';
import { errorCode } from '../net/net-errors';
import { http01Path } from './challenge-names';

export interface Http01Responder {
  /** The port it listens on (the one asked, or the one the system gave for 0). */
  port: number;
  set(token: string, keyAuthorization: string): void;
  remove(token: string): void;
  close(): Promise<void>;
}

const PREFIX = http01Path('');

/** Listens on address:port (default all interfaces, port 80); NETWORK (EADDRINUSE, EACCES) in words with a hint. */
export async function startHttp01Responder(options: { port: number; address?: string }): Promise<Http01Responder> {
  const { port, address } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PkiError('INVALID_ARGUMENT', `${port} is not a port number.`, 'Give a port from 1 to 65535 (80 is the one the CA connects to).');
  }
  const answers = new Map<string, string>();
  const sockets = new Set<Socket>();
  const server = nodeHttp().createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const body = (req.method === 'GET' || req.method === 'HEAD') && path.startsWith(PREFIX) ? answers.get(path.slice(PREFIX.length)) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '10' }).end(req.method === 'HEAD' ? undefined : 'Not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(body)) }).end(req.method === 'HEAD' ? undefined : body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await listen(server, port, address);
  const bound = server.address();
  return {
    port: typeof bound === 'object' && bound ? bound.port : port,
    set: (token, keyAuthorization) => void answers.set(token, keyAuthorization),
    remove: (token) => void answers.delete(token),
    close: () =>
      new Promise<void>((resolve) => {
        answers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function listen(server: Server, port: number, address: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: unknown) => reject(listenError(e, port, address));
    server.once('error', onError);
    server.listen(port, address, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function listenError(e: unknown, port: number, address: string | undefined): PkiError {
  const code = errorCode(e);
  const where = address ? `${address}:${port}` : `port ${port}`;
  if (code === 'EADDRINUSE') {
    return new PkiError(
      'NETWORK',
      `Certbench cannot answer the HTTP-01 challenge: port ${port} is in use by another program${address ? ` on ${address}` : ''} (a web server?).`,
      'Stop that program while the certificate is issued, or place the challenge file in that web server yourself (answer the challenge by hand).',
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new PkiError(
      'NETWORK',
      `Certbench may not listen on ${where}: a port below 1024 needs administrator rights.`,
      'Run Certbench with the right to use port 80 (on Linux: sudo, or setcap cap_net_bind_service), or listen on a higher port that port 80 is forwarded to.',
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new PkiError('NETWORK', `${address} is not an address of this machine, so Certbench cannot listen on it.`, 'Leave the address empty to listen on every interface, or give one of this machine\'s addresses.');
  }
  return new PkiError('NETWORK', `Certbench could not listen on ${where}: ${e instanceof Error ? e.message : String(e)}.`, 'Choose another port or address.');
}

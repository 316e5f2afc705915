/**
 * What the chain doctor's tests share: PEM ↔ DER, a test PKI (root → intermediate → leaves) from
 * test-pki.ts, a local AIA server (node http on 127.0.0.1) and local TLS servers serving a chosen chain.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer, type TlsOptions } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

/** Every CERTIFICATE block of a PEM text, as DER. */
export function dersOf(pem: string): Uint8Array[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (block) => new Uint8Array(Buffer.from(block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64')),
  );
}

export const derOf = (pem: string): Uint8Array => dersOf(pem)[0];

/** An HTTP server on 127.0.0.1 answering paths from a table (body + content type); 404 otherwise. Counts hits. */
export async function startHttp(routes: Map<string, { body: Uint8Array | string; type: string }>): Promise<{ server: HttpServer; base: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server = createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

/** A TLS server on 127.0.0.1 sending `chainPem` (leaf first or not: exactly as given) with the leaf's key. */
export async function startTls(keyPath: string, chainPem: string, extra: Partial<TlsOptions> = {}): Promise<{ server: TlsServer; port: number }> {
  const server = createTlsServer({ key: readFileSync(keyPath), cert: chainPem, ...extra }, (socket) => {
    socket.on('error', () => {});
    socket.end();
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

export function close(server: { close(cb: () => void): unknown; closeAllConnections?: () => void } | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}

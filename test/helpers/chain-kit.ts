/**
 * What the chain doctor's tests share: PEM ↔ DER, a test PKI (root → intermediate → leaves) from
 * test-pki.ts, and local TLS servers serving a chosen chain (the AIA server is local-http.ts).
 */
import { createServer as createTlsServer, type Server as TlsServer, type TlsOptions } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { parsePemBlocks } from '../../main/pki/formats/pem-blocks';

/** Every CERTIFICATE block of a PEM text, as DER (the engine's own PEM reader). */
export const dersOf = (pem: string): Uint8Array[] => parsePemBlocks(pem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);

export const derOf = (pem: string): Uint8Array => dersOf(pem)[0];

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

/**
 * Local servers for the Chain doctor flows, on 127.0.0.1 with ports the OS chooses: an HTTP server that
 * publishes issuer certificates (the AIA caIssuers URL a test PKI prints into its leaves) and TLS servers that
 * send exactly the certificates they are given, in that order. Every socket is destroyed on close.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../test/helpers/local-http';
import { startOcspResponder, type OcspResponder } from '../test/helpers/ocsp-responder';
import { dateAt, makeTestPki, type IssuedCert, type TestCaHandle } from '../test/helpers/test-pki';

function tracked(server: HttpServer | TlsServer | TcpServer): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

const listen = (server: HttpServer | TlsServer | TcpServer) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

export interface AiaServer {
  port: number;
  url(path: string): string;
  /** Serves these bytes at this path from now on. */
  publish(path: string, body: Buffer, contentType: string): void;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startAiaServer(): Promise<AiaServer> {
  const files = new Map<string, { body: Buffer; contentType: string }>();
  const requests: string[] = [];
  const server = createHttpServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files.get(req.url ?? '');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length }).end(file.body);
  });
  const close = tracked(server);
  const port = await listen(server);
  return { port, url: (path) => `http://127.0.0.1:${port}${path}`, publish: (path, body, contentType) => files.set(path, { body, contentType }), requests, close };
}

export interface TlsEndpoint {
  port: number;
  /** What to type in the server field. */
  target: string;
  close(): Promise<void>;
}

/** A TLS server with this key that sends exactly these certificates (PEM), in this order. */
export async function startTlsEndpoint(keyPath: string, certificates: string[]): Promise<TlsEndpoint> {
  const server = createTlsServer({ key: readFileSync(keyPath), cert: certificates.join('\n') }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  const close = tracked(server);
  const port = await listen(server);
  return { port, target: `127.0.0.1:${port}`, close };
}

/** A TCP server that accepts connections and never says a word: a TLS handshake to it waits until stopped or timed out. */
export async function startSilentServer(): Promise<TlsEndpoint> {
  const server = createTcpServer(() => undefined);
  const close = tracked(server);
  const port = await listen(server);
  return { port, target: `127.0.0.1:${port}`, close };
}

export interface ChainPki {
  root: TestCaHandle;
  intermediate: TestCaHandle;
  /** Issued by the intermediate, SANs localhost and 127.0.0.1, AIA caIssuers pointing at the local AIA server. */
  leaf: IssuedCert;
  /** Valid dates ended before the e2e clock (2026-11-24). */
  expired: IssuedCert;
  /** Names only other.example.test. */
  wrongName: IssuedCert;
  /** Revoked (keyCompromise) in the intermediate's index before its OCSP responder starts. */
  revoked: IssuedCert;
  aia: AiaServer;
  /** Starts `openssl ocsp` for the intermediate on the port its leaves name (once; close() stops it). */
  ocsp(): Promise<OcspResponder>;
  close(): Promise<void>;
}

/**
 * A root → intermediate → leaves PKI made by openssl ca, its intermediate published as DER on a local AIA
 * server; the leaves name an OCSP responder on a port chosen now (openssl ocsp takes no port 0).
 */
export async function makeChainPki(): Promise<ChainPki> {
  const aia = await startAiaServer();
  const ocspPort = await freePort();
  const root = makeTestPki('Chain Doctor E2E Root');
  const intermediate = root.issueCa('Chain Doctor E2E Intermediate', { publish: { caIssuers: aia.url('/intermediate.cer'), ocsp: `http://127.0.0.1:${ocspPort}` } });
  aia.publish('/intermediate.cer', execFileSync('openssl', ['x509', '-in', intermediate.certPath, '-outform', 'DER']), 'application/pkix-cert');
  const leaf = intermediate.issueLeaf('server');
  const expired = intermediate.issueLeaf('expired', { startDate: dateAt(-400), endDate: dateAt(-20) });
  const wrongName = intermediate.issueLeaf('wrong-name', { san: ['DNS:other.example.test'] });
  const revoked = intermediate.issueLeaf('revoked');
  intermediate.revoke(revoked, 'keyCompromise');
  let responder: Promise<OcspResponder> | null = null;
  const ocsp = () => (responder ??= startOcspResponder(intermediate, { port: ocspPort, ndays: 1 }));
  const close = async () => {
    await aia.close();
    if (responder) await (await responder).close();
  };
  return { root, intermediate, leaf, expired, wrongName, revoked, aia, ocsp, close };
}


/**
 * Real local servers for the TLS fetch's tests: node tls servers, `openssl s_server`, and plain TCP servers
 * that speak a STARTTLS preamble before upgrading with tls.TLSSocket. Everything listens on loopback with
 * port 0, and a LocalServers set closes every server, socket and child process it started.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, createSecureContext, TLSSocket, type TlsOptions } from 'node:tls';
import { openssl, type IssuedCert, type TestCaHandle } from './test-pki';

/** DER of a PEM certificate, converted by openssl (the peer), not by the code under test. */
export function derOf(pem: string): Uint8Array {
  let der = derCache.get(pem);
  if (!der) {
    der = new Uint8Array(execFileSync('openssl', ['x509', '-outform', 'DER'], { input: pem }));
    derCache.set(pem, der);
  }
  return der;
}
const derCache = new Map<string, Uint8Array>();

/** The subject as OpenSSL prints it in RFC 2253 (RFC 4514) form. */
export function rfc2253Subject(pem: string): string {
  return execFileSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], { input: pem, encoding: 'utf8' })
    .trim()
    .replace(/^subject=/, '');
}

export class LocalServers {
  private readonly servers: NetServer[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly children: ChildProcess[] = [];

  private track<T extends NetServer>(server: T): T {
    this.servers.push(server);
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => {});
    });
    return server;
  }

  private listen(server: NetServer, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
    });
  }

  /** A node TLS server; `onSecure` gets each secured socket (default: end it after a moment). */
  async tls(options: TlsOptions, host = '127.0.0.1', onSecure?: (s: TLSSocket) => void): Promise<{ port: number; server: ReturnType<typeof createTlsServer> }> {
    const server = this.track(createTlsServer(options, (s) => (onSecure ? onSecure(s) : s.end())));
    server.on('tlsClientError', () => {});
    const port = await this.listen(server, host);
    return { port, server };
  }

  /** A TCP server that runs `handler` on each connection (plain text, silence, STARTTLS preambles). */
  async tcp(handler: (s: Socket) => void, host = '127.0.0.1'): Promise<number> {
    const server = this.track(createNetServer(handler));
    return this.listen(server, host);
  }

  /** A port where nothing listens: bound once, then closed. */
  async closedPort(): Promise<number> {
    const server = createNetServer();
    const port = await this.listen(server, '127.0.0.1');
    await new Promise<void>((r) => server.close(() => r()));
    return port;
  }

  /** `openssl s_server` on 127.0.0.1 with an OS-chosen port; resolves once it accepts. */
  opensslServer(args: string[]): Promise<number> {
    const child = spawn('openssl', ['s_server', '-accept', '127.0.0.1:0', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.children.push(child);
    return new Promise((resolve, reject) => {
      let out = '';
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /ACCEPT \S+:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => reject(new Error(`openssl s_server exited (${code}): ${out}`)));
    });
  }

  async closeAll(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill();
    await Promise.all(this.children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}

/** Upgrades a plain socket to TLS as the server (after a STARTTLS preamble) and ends it once secured. */
export function upgradeToTls(socket: Socket, options: TlsOptions): TLSSocket {
  const tls = new TLSSocket(socket, { isServer: true, secureContext: createSecureContext(options) });
  tls.on('error', () => {});
  tls.on('secure', () => tls.end());
  return tls;
}

/** A good OCSP response for `cert`, signed by its CA, made by `openssl ocsp` from the CA's index (for stapling). */
export function ocspResponseFor(ca: TestCaHandle, cert: IssuedCert): Uint8Array {
  const req = `${ca.dir}/ocsp-${cert.name}.req`;
  const resp = `${ca.dir}/ocsp-${cert.name}.der`;
  openssl(['ocsp', '-issuer', ca.certPath, '-cert', cert.certPath, '-reqout', req, '-no_nonce']);
  openssl(['ocsp', '-index', ca.indexPath, '-rsigner', ca.certPath, '-rkey', ca.keyPath, '-CA', ca.certPath, '-reqin', req, '-respout', resp]);
  return new Uint8Array(readFileSync(resp));
}

/** What `openssl s_client` saw: the certificates in the order received, and the client CA names (RFC 2253). */
export function opensslClientView(port: number, extra: string[] = []): { served: Uint8Array[]; caNames: string[] } {
  let out: string;
  try {
    out = execFileSync('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-showcerts', '-nameopt', 'RFC2253', ...extra], {
      input: '',
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 10_000,
    });
  } catch (e) {
    // s_client exits non-zero when the server aborts (a required client certificate); it printed what it saw.
    out = String((e as { stdout?: unknown }).stdout ?? '');
  }
  const served = (out.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((pem) => derOf(pem + '\n'));
  const caNames: string[] = [];
  const lines = out.split('\n');
  const start = lines.indexOf('Acceptable client certificate CA names');
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      if (/^(Client Certificate Types|Requested Signature Algorithms|---)/.test(line)) break;
      caNames.push(line.trim());
    }
  }
  return { served, caNames };
}

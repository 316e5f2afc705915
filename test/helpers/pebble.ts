/**
 * Debian's pebble (a small ACME CA for tests) and pebble-challtestsrv (its fake DNS), started on 127.0.0.1
 * with OS-chosen ports and a TLS certificate made here by openssl (the package ships none).
 * PEBBLE_VA_NOSLEEP=1 (no random validation delays) and no nonce rejection, so runs are fast and repeatable.
 * Every name resolves to 127.0.0.1 through challtestsrv; pebble's validation authority fetches HTTP-01 files
 * from 127.0.0.1:httpPort, where the code under test must listen.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PebbleOptions {
  /** External account binding keys (kid → base64url HMAC key): pebble then requires EAB. */
  eab?: Record<string, string>;
  /** Alternate root chains pebble offers (PEBBLE_ALTERNATE_ROOTS). */
  alternateRoots?: number;
  /** Percent of valid authorizations pebble reuses (PEBBLE_AUTHZREUSE); default 0 so every order validates. */
  authzReuse?: number;
  /** Extra pebble environment (PEBBLE_CHAIN_LENGTH ...). */
  env?: Record<string, string>;
}

export interface Pebble {
  /** https://127.0.0.1:PORT/dir */
  directoryUrl: string;
  /** The pebble server's TLS certificate (PEM file): what --ca-file must trust. */
  caFile: string;
  caPem: string;
  /** The port pebble's validation authority fetches HTTP-01 files from (serve here). */
  httpPort: number;
  /** challtestsrv's DNS, "127.0.0.1:PORT": for DNS-01 pre-checks and HTTP-01 name resolution. */
  dnsServer: string;
  /** challtestsrv's management URL (for hooks that set TXT records). */
  challtestUrl: string;
  /** The root (index 0 = the default chain's) that signs issued certificates, PEM. */
  rootPem(index?: number): Promise<string>;
  intermediatePem(index?: number): Promise<string>;
  /** What pebble knows of an issued certificate (management API /cert-status-by-serial): {Status: 'Valid'|'Revoked', Reason?, ...}. */
  certStatus(serialHex: string): Promise<{ Status: string; Reason?: number; Serial?: string }>;
  /** Sets / clears a TXT record in challtestsrv (host without trailing dot is fine). */
  setTxt(host: string, value: string): Promise<void>;
  clearTxt(host: string): Promise<void>;
  /** Every line pebble logged so far (for diagnosing a failing test). */
  log(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (bound to port 0 then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startPebble(options: PebbleOptions = {}): Promise<Pebble> {
  const dir = mkdtempSync(join(tmpdir(), 'pebble-'));
  const caFile = join(dir, 'tls-cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'tls-key.pem'), '-out', caFile,
    '-days', '7', '-subj', '/CN=pebble test server', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ], { stdio: 'ignore' });
  const caPem = readFileSync(caFile, 'utf8');
  const [listen, management, httpPort, tlsPort, dnsPort, challtestPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  const config = {
    pebble: {
      listenAddress: `127.0.0.1:${listen}`,
      managementListenAddress: `127.0.0.1:${management}`,
      certificate: caFile,
      privateKey: join(dir, 'tls-key.pem'),
      httpPort,
      tlsPort,
      ocspResponderURL: '',
      externalAccountBindingRequired: Boolean(options.eab),
      ...(options.eab ? { externalAccountMACKeys: options.eab } : {}),
    },
  };
  writeFileSync(join(dir, 'pebble.json'), JSON.stringify(config));

  const logs: string[] = [];
  const children: ChildProcess[] = [];
  const spawnLogged = (command: string, args: string[], env: Record<string, string>) => {
    const child = spawn(command, args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (b: Buffer) => logs.push(b.toString()));
    child.stderr!.on('data', (b: Buffer) => logs.push(b.toString()));
    children.push(child);
    return child;
  };
  spawnLogged('pebble-challtestsrv', ['-dns01', `127.0.0.1:${dnsPort}`, '-http01', '', '-https01', '', '-tlsalpn01', '', '-management', `127.0.0.1:${challtestPort}`, '-defaultIPv4', '127.0.0.1', '-defaultIPv6', ''], {});
  spawnLogged('pebble', ['-config', join(dir, 'pebble.json'), '-dnsserver', `127.0.0.1:${dnsPort}`], {
    PEBBLE_VA_NOSLEEP: '1',
    PEBBLE_WFE_NONCEREJECT: '0',
    PEBBLE_AUTHZREUSE: String(options.authzReuse ?? 0),
    ...(options.alternateRoots ? { PEBBLE_ALTERNATE_ROOTS: String(options.alternateRoots) } : {}),
    ...options.env,
  });
  const agent = new Agent({ ca: caPem });
  const directoryUrl = `https://127.0.0.1:${listen}/dir`;
  const challtestUrl = `http://127.0.0.1:${challtestPort}`;

  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r)))));
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(() => getText(directoryUrl, agent).then(() => true, () => false), 15_000, 'pebble did not answer', () => logs.join(''));
    await waitUntil(() => postJson(`${challtestUrl}/clear-txt`, { host: 'ready.test.' }).then(() => true, () => false), 15_000, 'pebble-challtestsrv did not answer', () => logs.join(''));
  } catch (e) {
    await stop();
    throw e;
  }
  const fqdn = (host: string) => (host.endsWith('.') ? host : `${host}.`);
  return {
    directoryUrl,
    caFile,
    caPem,
    httpPort,
    dnsServer: `127.0.0.1:${dnsPort}`,
    challtestUrl,
    rootPem: (index = 0) => getText(`https://127.0.0.1:${management}/roots/${index}`, agent),
    intermediatePem: (index = 0) => getText(`https://127.0.0.1:${management}/intermediates/${index}`, agent),
    certStatus: async (serialHex) => JSON.parse(await getText(`https://127.0.0.1:${management}/cert-status-by-serial/${serialHex.toLowerCase().replace(/^0+/, '')}`, agent)),
    setTxt: (host, value) => postJson(`${challtestUrl}/set-txt`, { host: fqdn(host), value }),
    clearTxt: (host) => postJson(`${challtestUrl}/clear-txt`, { host: fqdn(host) }),
    log: () => logs.join(''),
    stop,
  };
}

async function waitUntil(probe: () => Promise<boolean>, ms: number, what: string, log: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} within ${ms} ms:\n${log()}`);
}

function getText(url: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString()) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

function postJson(url: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

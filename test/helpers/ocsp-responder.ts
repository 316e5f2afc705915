/**
 * `openssl ocsp` as a local OCSP responder over a test CA's index. openssl takes a port number only (no port
 * 0), so a free port is found first by binding a node server to 0 and closing it; then we wait until it
 * says it listens. close() kills the child (by its own handle) and waits for it to exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './local-http';
import type { TestCaHandle } from './test-pki';

export interface OcspResponderOptions {
  /** Signs the responses; default the CA itself. */
  signer?: { certPath: string; keyPath: string };
  /** Leave the signer's certificate out of the response (-resp_no_certs). */
  noCerts?: boolean;
  /** Identify the responder by key hash instead of name (-resp_key_id). */
  keyId?: boolean;
  /** nextUpdate this many days ahead (-ndays); none by default, as openssl does. */
  ndays?: number;
  /** A port chosen earlier (printed into certificates before the responder starts). */
  port?: number;
}

export interface OcspResponder {
  url: string;
  port: number;
  /** The first line of each HTTP request openssl received ("GET /MEQw..." or "POST / HTTP/1.0"). */
  requestLines(): string[];
  /** The first line of request number `index` (0-based), waiting up to 5 s for openssl to log it (it logs after answering). */
  requestLine(index: number): Promise<string>;
  close(): Promise<void>;
}

export async function startOcspResponder(ca: TestCaHandle, options: OcspResponderOptions = {}): Promise<OcspResponder> {
  const port = options.port ?? (await freePort());
  const signer = options.signer ?? { certPath: ca.certPath, keyPath: ca.keyPath };
  const args = ['ocsp', '-index', ca.indexPath, '-port', String(port), '-CA', ca.certPath, '-rsigner', signer.certPath, '-rkey', signer.keyPath, '-ignore_err'];
  if (options.noCerts) args.push('-resp_no_certs');
  if (options.keyId) args.push('-resp_key_id');
  if (options.ndays !== undefined) args.push('-ndays', String(options.ndays));
  const child = spawn('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, child, () => stderr);
  } catch (e) {
    child.kill();
    await exited;
    throw e;
  }
  const lines = () => [...stderr.matchAll(/Received request, 1st line: (.*)/g)].map((m) => m[1].trim());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requestLines: () => lines(),
    requestLine: async (index) => {
      for (const until = Date.now() + 5000; lines().length <= index && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
      const line = lines()[index];
      if (line === undefined) throw new Error(`openssl ocsp logged ${lines().length} requests, not ${index + 1}`);
      return line;
    },
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

/** openssl prints "waiting for OCSP client connections" once it listens; a probe connection would stall it. */
async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`openssl ocsp exited early: ${stderr()}`);
    if (/waiting for OCSP client connections/.test(stderr())) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`openssl ocsp did not listen on ${port} within 10 s: ${stderr()}`);
}

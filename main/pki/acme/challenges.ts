/**
 * Answering challenges: Certbench's own HTTP-01 responder, the live checks shown before telling the CA
 * (DNS TXT lookup through chosen servers, fetching the HTTP-01 URL), and certbot-style hooks.
 * STUB (owner: acme-engine): split into http01-server.ts, challenge-checks.ts, hooks.ts as it grows.
 */
import type { AcmeCheckDto } from '../../api/dto';
import { PkiError } from '../errors';

export interface Http01Responder {
  /** The port it listens on (the one asked, or the one the system gave for 0). */
  port: number;
  set(token: string, keyAuthorization: string): void;
  remove(token: string): void;
  close(): Promise<void>;
}

/** Listens on address:port (default all interfaces, port 80); NETWORK (EADDRINUSE, EACCES) in words with a hint. */
export function startHttp01Responder(options: { port: number; address?: string }): Promise<Http01Responder> {
  void options;
  throw new PkiError('INTERNAL', 'ACME is not built yet.', 'STUB (owner: acme-engine)');
}

/** Looks up TXT records at `name` (through `servers`, "host:port", default the system's) and compares with `expected`. */
export function checkDnsTxt(name: string, expected: string, servers?: string[]): Promise<AcmeCheckDto> {
  void name, expected, servers;
  throw new PkiError('INTERNAL', 'ACME is not built yet.', 'STUB (owner: acme-engine)');
}

/** Fetches http://domain[:port]/.well-known/acme-challenge/token (the name resolved through `servers` when given). */
export function checkHttp01(domain: string, token: string, expected: string, options: { port?: number; servers?: string[] }): Promise<AcmeCheckDto> {
  void domain, token, expected, options;
  throw new PkiError('INTERNAL', 'ACME is not built yet.', 'STUB (owner: acme-engine)');
}

export interface HookRun {
  command: string;
  domain: string;
  validation: string;
  token: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Runs a hook through the shell with CERTBENCH_DOMAIN/VALIDATION/TOKEN set; CHALLENGE_FAILED (its output) when it exits non-zero. */
export function runHook(run: HookRun): Promise<{ output: string }> {
  void run;
  throw new PkiError('INTERNAL', 'ACME is not built yet.', 'STUB (owner: acme-engine)');
}

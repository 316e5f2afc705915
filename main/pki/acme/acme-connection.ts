/**
 * One account's conversation with one ACME CA (RFC 8555), over acme-client (loaded lazily: see acme-lib.ts).
 * Every method is one protocol step and returns plain snapshots, so the order runner can persist after each
 * step and resume after a restart from URLs alone. Errors: NETWORK (CA unreachable, TLS not trusted: the hint
 * names --ca-file), AcmeRefusal (the CA's problem document), CANCELLED (signal).
 */
import type { AcmeDirectoryDto, AcmeProblemDto } from '../../api/dto';
import { PkiError } from '../errors';
import { AcmeSession } from './acme-session';

export interface AcmeConnectOptions {
  directoryUrl: string;
  /** PEM CA certificates trusted for the CA's TLS, beside the system roots (--ca-file). */
  caPem?: string;
  /** The account key, PKCS#8 PEM (kept in the key vault / key store, never persisted in orders). */
  accountKeyPem: string;
  /** Known after the first registration; lets a resumed order skip newAccount. */
  accountUrl?: string;
  signal?: AbortSignal;
  /** First wait between polls (the CA's Retry-After wins); default 1000 ms. */
  pollMs?: number;
  /** How long waitForAuthorization / waitForOrder poll before giving up (NETWORK); default 5 minutes. */
  maxWaitMs?: number;
}

export type AcmeStatus = 'pending' | 'ready' | 'processing' | 'valid' | 'invalid' | 'deactivated' | 'expired' | 'revoked';

export interface AcmeOrderSnapshot {
  url: string;
  status: AcmeStatus;
  expires: string | null;
  identifiers: string[];
  authorizations: string[];
  finalize: string;
  certificate: string | null;
  error: AcmeProblemDto | null;
}

export interface AcmeChallengeSnapshot {
  type: string;
  url: string;
  token: string;
  status: AcmeStatus;
  error: string | null;
}

export interface AcmeAuthorizationSnapshot {
  url: string;
  /** As ordered: "*.example.com" for a wildcard. */
  identifier: string;
  wildcard: boolean;
  status: AcmeStatus;
  expires: string | null;
  challenges: AcmeChallengeSnapshot[];
}

export interface AcmeAccountRequest {
  email?: string;
  agreeTos: boolean;
  eab?: { kid: string; hmacKey: string };
}

export interface AcmeConnection {
  directory(): Promise<AcmeDirectoryDto>;
  /** Registers the account (or finds the existing one for this key); returns its URL. */
  account(request: AcmeAccountRequest): Promise<string>;
  newOrder(domains: string[]): Promise<AcmeOrderSnapshot>;
  order(orderUrl: string): Promise<AcmeOrderSnapshot>;
  authorization(authorizationUrl: string): Promise<AcmeAuthorizationSnapshot>;
  /** The HTTP-01 file content / the value hooks get as CERTBENCH_VALIDATION for http-01. */
  keyAuthorization(token: string): Promise<string>;
  /** The DNS-01 TXT value (base64url SHA-256 of the key authorization). */
  dnsValue(token: string): Promise<string>;
  /** Tells the CA the challenge is ready to be validated. */
  answer(challengeUrl: string): Promise<void>;
  /** Polls until the authorization is valid or invalid (AcmeRefusal CHALLENGE_FAILED with the CA's reason). */
  waitForAuthorization(authorizationUrl: string): Promise<AcmeAuthorizationSnapshot>;
  finalize(orderUrl: string, csrDer: Uint8Array): Promise<AcmeOrderSnapshot>;
  /** Polls a processing order until valid (certificate URL set) or invalid. */
  waitForOrder(orderUrl: string): Promise<AcmeOrderSnapshot>;
  /** The default chain first, then the alternates (Link rel="alternate"); each a PEM bundle, leaf first. */
  download(certificateUrl: string): Promise<string[]>;
  revoke(certificatePem: string, reason?: number): Promise<void>;
  deactivate(authorizationUrl: string): Promise<void>;
}

export function connectAcme(options: AcmeConnectOptions): AcmeConnection {
  let url: URL;
  try {
    url = new URL(options.directoryUrl);
  } catch {
    throw new PkiError('INVALID_ARGUMENT', `"${options.directoryUrl}" is not a web address.`, "Give the CA's directory URL, such as https://acme-v02.api.letsencrypt.org/directory.");
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PkiError('INVALID_ARGUMENT', `An ACME directory URL starts with https:// (got ${url.protocol}).`, "Give the CA's directory URL, such as https://acme-v02.api.letsencrypt.org/directory.");
  }
  return new AcmeSession(options);
}

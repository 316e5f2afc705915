/**
 * The one place acme-client is loaded (lazily: the CLI bundle keeps it external so other commands never parse
 * it). Certbench uses it for what it does well — JWS signing with the account key, nonces and badNonce
 * retries, external account binding, key authorizations — and sends its HTTP through the connection's own
 * AcmeTransport (trust per connection, bounded retries, cancellation, raw problem documents).
 */
import type * as AcmeClientModule from 'acme-client';
import { PkiError } from '../errors';
import type { AcmeHttpResponse, AcmeTransport } from './acme-transport';

type AcmeClientLib = typeof AcmeClientModule;
let loaded: AcmeClientLib | null = null;

function acmeClient(): AcmeClientLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('acme-client') as AcmeClientLib;
  return loaded;
}

/** The parts of acme-client's HttpClient (src/http.js, 5.4.0) Certbench relies on; the pebble tests exercise each. */
interface HttpClientInternals {
  directoryCache: Record<string, unknown> | null;
  directoryTimestamp: number;
  externalAccountBinding: { kid?: string; hmacKey?: string } | null;
  request(url: string, method: string, opts?: { data?: unknown; headers?: Record<string, string> }): Promise<AcmeHttpResponse>;
  signedRequest(url: string, payload: unknown, opts: { kid?: string | null; nonce?: string | null; includeExternalAccountBinding?: boolean }): Promise<AcmeHttpResponse>;
  getJwk(): Record<string, string>;
  getNonce(): Promise<string>;
}

interface ClientInternals {
  http: HttpClientInternals;
  getChallengeKeyAuthorization(challenge: { type: string; token: string }): Promise<string>;
}

const ACCEPT = 'application/json, application/problem+json, application/pem-certificate-chain;q=0.9';

/** Signs ACME requests with one account key and sends them through one transport. */
export class AcmeSigner {
  private readonly client: ClientInternals;
  accountUrl: string | null;

  constructor(options: { directoryUrl: string; accountKeyPem: string; accountUrl?: string; transport: AcmeTransport }) {
    const { Client } = acmeClient();
    const client = new Client({ directoryUrl: options.directoryUrl, accountKey: Buffer.from(options.accountKeyPem) }) as unknown as ClientInternals;
    try {
      client.http.getJwk();
    } catch {
      throw new PkiError('INVALID_ARGUMENT', 'The ACME account key is not a private key Certbench can sign with.', 'Use an RSA (2048 or more) or ECDSA P-256/P-384 private key in PKCS#8 PEM.');
    }
    const transport = options.transport;
    // Every answer carries a fresh nonce (RFC 8555 7.2): keep it for the next request instead of asking
    // newNonce each time (acme-client does), which halves the round trips to a distant CA.
    const nonces: string[] = [];
    client.http.request = async (url, method, opts = {}) => {
      const resp = await transport.send({
        url,
        method: method.toUpperCase() as 'GET' | 'HEAD' | 'POST',
        body: opts.data,
        headers: { Accept: ACCEPT, ...(opts.data === undefined ? {} : { 'Content-Type': 'application/jose+json' }) },
      });
      const nonce = resp.headers['replay-nonce'];
      // HEAD newNonce's own nonce is used by its caller; an error's nonce by acme-client's badNonce retry
      if (typeof nonce === 'string' && method.toUpperCase() === 'POST' && resp.status < 400) {
        nonces.push(nonce);
        if (nonces.length > 8) nonces.shift();
      }
      return resp;
    };
    const newNonce = client.http.getNonce.bind(client.http);
    client.http.getNonce = async () => nonces.pop() ?? newNonce();
    this.client = client;
    this.accountUrl = options.accountUrl ?? null;
  }

  /** The directory read by the connection (acme-client then finds newNonce, newAccount ... in it). */
  useDirectory(directory: Record<string, unknown>): void {
    this.client.http.directoryCache = directory;
    this.client.http.directoryTimestamp = Math.floor(Date.now() / 1000);
  }

  useEab(eab: { kid: string; hmacKey: string } | undefined): void {
    this.client.http.externalAccountBinding = eab ? { kid: eab.kid, hmacKey: eab.hmacKey } : {};
  }

  /** A JWS POST (payload null = POST-as-GET) signed with the account's kid, or with the JWK for newAccount / revoke by key. */
  post(url: string, payload: unknown, options: { jwk?: boolean; eab?: boolean } = {}): Promise<AcmeHttpResponse> {
    const kid = options.jwk ? null : this.accountUrl;
    if (!options.jwk && !kid) throw new PkiError('INTERNAL', 'An ACME request was made before the account was known.', 'Register the account first (account()).');
    return this.client.http.signedRequest(url, payload, { kid, includeExternalAccountBinding: options.eab ?? false });
  }

  /** The HTTP-01 key authorization ("token.thumbprint") or the DNS-01 TXT value (its base64url SHA-256). */
  keyAuthorization(type: 'http-01' | 'dns-01', token: string): Promise<string> {
    return this.client.getChallengeKeyAuthorization({ type, token });
  }
}

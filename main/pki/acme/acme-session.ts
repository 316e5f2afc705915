/**
 * AcmeConnection over acme-client's signer and Certbench's transport: one method per RFC 8555 step, each
 * answer checked (status code, problem document) and returned as a plain snapshot.
 */
import type { AcmeDirectoryDto } from '../../api/dto';
import { PkiError } from '../errors';
import { parsePemBlocks } from '../formats/pem-blocks';
import type { AcmeAccountRequest, AcmeAuthorizationSnapshot, AcmeConnectOptions, AcmeConnection, AcmeOrderSnapshot } from './acme-connection';
import { AcmeSigner } from './acme-lib';
import { AcmeRefusal, challengeFailure, isProblemDocument, refusalFrom, retryAfterMs, type ProblemDocument } from './acme-problem';
import { asObject, authorizationSnapshot, challengeProblem, directorySnapshot, orderSnapshot } from './acme-snapshots';
import { AcmeTransport, type AcmeHttpResponse } from './acme-transport';

const DEFAULT_POLL_MS = 1_000;
const MAX_POLL_MS = 10_000;
/** A CA's Retry-After beyond this is not waited in one go: the order can be checked again later. */
const MAX_RETRY_AFTER_MS = 60_000;
const DEFAULT_MAX_WAIT_MS = 5 * 60_000;
const EAB_KEY = /^[A-Za-z0-9_\-+/]+=*$/;

type Json = Record<string, unknown>;

export class AcmeSession implements AcmeConnection {
  private readonly transport: AcmeTransport;
  private readonly signer: AcmeSigner;
  private directoryJson: Promise<Json> | null = null;

  constructor(private readonly options: AcmeConnectOptions) {
    this.transport = new AcmeTransport({ caPem: options.caPem, signal: options.signal });
    this.signer = new AcmeSigner({ directoryUrl: options.directoryUrl, accountKeyPem: options.accountKeyPem, accountUrl: options.accountUrl, transport: this.transport });
  }

  async directory(): Promise<AcmeDirectoryDto> {
    return directorySnapshot(this.options.directoryUrl, await this.loadDirectory());
  }

  async account(request: AcmeAccountRequest): Promise<string> {
    if (this.signer.accountUrl) return this.signer.accountUrl;
    const dir = await this.loadDirectory();
    const terms = directorySnapshot(this.options.directoryUrl, dir).termsOfService;
    if (terms && !request.agreeTos) {
      throw new PkiError('INVALID_ARGUMENT', `The CA's terms of service must be agreed to before it creates an account: ${terms}`, 'Read them, then agree: --agree-tos on the command line, or tick "I agree to the terms" on the Issue page.');
    }
    if (request.eab) {
      if (!request.eab.kid.trim() || !EAB_KEY.test(request.eab.hmacKey.trim())) {
        throw new PkiError('INVALID_ARGUMENT', 'The external account binding needs a key ID and an HMAC key (base64url text).', 'Copy both from your account on the CA\'s web site (--eab-kid and --eab-hmac-key).');
      }
    }
    this.signer.useEab(request.eab ? { kid: request.eab.kid.trim(), hmacKey: request.eab.hmacKey.trim() } : undefined);
    const payload: Json = {};
    if (request.agreeTos) payload.termsOfServiceAgreed = true;
    if (request.email) payload.contact = [`mailto:${request.email}`];
    const resp = await this.call('creating the account', () => this.signer.post(this.resource(dir, 'newAccount'), payload, { jwk: true, eab: Boolean(request.eab) }), [200, 201]);
    const location = header(resp, 'location');
    if (!location) throw unexpected('creating the account', 'no account URL (Location header) in the answer');
    this.signer.accountUrl = location;
    return location;
  }

  async newOrder(domains: string[]): Promise<AcmeOrderSnapshot> {
    if (domains.length === 0) throw new PkiError('INVALID_ARGUMENT', 'An order needs at least one name.', 'Give the DNS names the certificate is for (www.example.com, *.example.com).');
    const dir = await this.loadDirectory();
    const payload = { identifiers: domains.map((value) => ({ type: 'dns', value })) };
    const resp = await this.call('creating the order', () => this.signer.post(this.resource(dir, 'newOrder'), payload), [201]);
    const location = header(resp, 'location');
    if (!location) throw unexpected('creating the order', 'no order URL (Location header) in the answer');
    return orderSnapshot(location, resp.data);
  }

  async order(orderUrl: string): Promise<AcmeOrderSnapshot> {
    return orderSnapshot(orderUrl, (await this.fetch(orderUrl, 'reading the order')).data);
  }

  async authorization(authorizationUrl: string): Promise<AcmeAuthorizationSnapshot> {
    return authorizationSnapshot(authorizationUrl, (await this.fetch(authorizationUrl, 'reading an authorization')).data);
  }

  keyAuthorization(token: string): Promise<string> {
    return this.signer.keyAuthorization('http-01', token);
  }

  dnsValue(token: string): Promise<string> {
    return this.signer.keyAuthorization('dns-01', token);
  }

  async answer(challengeUrl: string): Promise<void> {
    await this.loadDirectory();
    await this.call('answering the challenge', () => this.signer.post(challengeUrl, {}), [200]);
  }

  async waitForAuthorization(authorizationUrl: string): Promise<AcmeAuthorizationSnapshot> {
    const resp = await this.poll(authorizationUrl, 'waiting for the validation', (s) => s === 'pending');
    const authz = authorizationSnapshot(authorizationUrl, resp.data);
    if (authz.status === 'valid') return authz;
    if (authz.status === 'invalid') return this.throwChallengeFailure(authorizationUrl, resp);
    throw new AcmeRefusal({
      code: 'ACME_REFUSED',
      message: `The CA's authorization for ${authz.identifier} is ${authz.status}.`,
      hint: 'Order the name again: a new order gets a fresh authorization.',
      caType: null,
      subproblems: [{ identifier: authz.identifier, detail: authz.status }],
    });
  }

  /** CHALLENGE_FAILED for an invalid authorization: the failed challenge's own error, with what the CA expected. */
  private async throwChallengeFailure(authorizationUrl: string, resp: AcmeHttpResponse): Promise<never> {
    const authz = authorizationSnapshot(authorizationUrl, resp.data);
    const failed = authz.challenges.find((c) => c.status === 'invalid') ?? authz.challenges.find((c) => c.error !== null);
    if (!failed) throw challengeFailure({ identifier: authz.identifier, type: 'unknown', token: '', expected: '' }, null);
    const expected = failed.type === 'dns-01' ? await this.dnsValue(failed.token) : await this.keyAuthorization(failed.token);
    throw challengeFailure({ identifier: authz.identifier, type: failed.type, token: failed.token, expected }, challengeProblem(resp.data, failed.url));
  }

  async finalize(orderUrl: string, csrDer: Uint8Array): Promise<AcmeOrderSnapshot> {
    const current = await this.order(orderUrl);
    // A resumed order may have been finalized before the restart: finalizing twice is a CA error.
    if (current.status === 'processing' || current.status === 'valid') return current;
    // an invalid order cannot be finalized: say which name failed instead of the CA's "not ready"
    if (current.status === 'invalid') return this.waitForOrder(orderUrl);
    if (!current.finalize) throw unexpected('finalizing the order', 'the order has no finalize URL');
    const payload = { csr: Buffer.from(csrDer).toString('base64url') };
    const resp = await this.call('finalizing the order', () => this.signer.post(current.finalize, payload), [200]);
    return orderSnapshot(orderUrl, resp.data);
  }

  async waitForOrder(orderUrl: string): Promise<AcmeOrderSnapshot> {
    const resp = await this.poll(orderUrl, 'waiting for the certificate', (s) => s === 'processing');
    const order = orderSnapshot(orderUrl, resp.data);
    if (order.status === 'invalid') {
      // an order goes invalid when a name failed validation: that challenge's error says most
      for (const url of order.authorizations) {
        const authz = await this.fetch(url, 'reading an authorization');
        if (asObject(authz.data).status === 'invalid') await this.throwChallengeFailure(url, authz);
      }
      const error = asObject(resp.data).error;
      if (isProblemDocument(error)) throw refusalFrom(error as ProblemDocument, { step: 'issuing the certificate' });
      throw new AcmeRefusal({ code: 'ACME_REFUSED', message: 'The CA marked the order invalid without saying why.', hint: 'Look at its authorizations; order the names again.', caType: null, subproblems: [] });
    }
    return order;
  }

  async download(certificateUrl: string): Promise<string[]> {
    const first = await this.fetch(certificateUrl, 'downloading the certificate');
    const alternates = alternateLinks(header(first, 'link'), certificateUrl);
    const rest = [];
    for (const url of alternates) rest.push(await this.fetch(url, 'downloading an alternate chain'));
    return [first, ...rest].map((r) => {
      const pem = typeof r.data === 'string' ? r.data : '';
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw unexpected('downloading the certificate', 'the answer is not a PEM certificate chain');
      return pem.replace(/\r\n/g, '\n');
    });
  }

  async revoke(certificatePem: string, reason?: number): Promise<void> {
    const block = parsePemBlocks(certificatePem).find((b) => b.label === 'CERTIFICATE');
    if (!block) throw new PkiError('INVALID_ARGUMENT', 'There is no certificate to revoke in the text given.', 'Give the certificate (PEM, "-----BEGIN CERTIFICATE-----") that the CA issued.');
    if (reason !== undefined && (!Number.isInteger(reason) || reason < 0 || reason > 10 || reason === 7)) {
      throw new PkiError('INVALID_ARGUMENT', `${reason} is not a revocation reason code.`, 'Use 0 (unspecified), 1 (keyCompromise), 3 (affiliationChanged), 4 (superseded) or 5 (cessationOfOperation).');
    }
    const dir = await this.loadDirectory();
    const payload: Json = { certificate: Buffer.from(block.der).toString('base64url') };
    if (reason !== undefined) payload.reason = reason;
    await this.call('revoking the certificate', () => this.signer.post(this.resource(dir, 'revokeCert'), payload), [200]);
  }

  async deactivate(authorizationUrl: string): Promise<void> {
    await this.loadDirectory();
    await this.call('deactivating an authorization', () => this.signer.post(authorizationUrl, { status: 'deactivated' }), [200]);
  }

  private loadDirectory(): Promise<Json> {
    if (!this.directoryJson) {
      const reading = this.readDirectory();
      // a failed read is tried again by the next step
      reading.catch(() => {
        if (this.directoryJson === reading) this.directoryJson = null;
      });
      this.directoryJson = reading;
    }
    return this.directoryJson;
  }

  private async readDirectory(): Promise<Json> {
    const url = this.options.directoryUrl;
    const resp = await this.transport.send({ url, method: 'GET' });
    const dir = asObject(resp.data);
    if (resp.status !== 200 || typeof dir.newNonce !== 'string' || typeof dir.newAccount !== 'string' || typeof dir.newOrder !== 'string') {
      const what = resp.status !== 200 ? `answered HTTP ${resp.status}` : 'answered, but not with an ACME directory (newNonce, newAccount, newOrder)';
      throw new PkiError(resp.status >= 500 ? 'NETWORK' : 'INVALID_ARGUMENT', `${url} ${what}.`, "Check the directory URL: it is the CA's ACME directory, such as https://acme-v02.api.letsencrypt.org/directory.");
    }
    this.signer.useDirectory(dir);
    return dir;
  }

  private resource(dir: Json, name: string): string {
    const url = dir[name];
    if (typeof url !== 'string') throw new PkiError('ACME_REFUSED', `The CA's directory has no ${name} URL.`, 'This CA does not offer this operation.');
    return url;
  }

  private async fetch(url: string, step: string): Promise<AcmeHttpResponse> {
    await this.loadDirectory();
    return this.call(step, () => this.signer.post(url, null), [200]);
  }

  /** Runs one signed request: typed errors only, the CA's problem document as an AcmeRefusal. */
  private async call(step: string, send: () => Promise<AcmeHttpResponse>, ok: number[]): Promise<AcmeHttpResponse> {
    this.transport.throwIfCancelled(this.options.directoryUrl);
    let resp: AcmeHttpResponse;
    try {
      resp = await send();
    } catch (e) {
      if (e instanceof PkiError) throw e;
      throw unexpected(step, e instanceof Error ? e.message : String(e));
    }
    if (ok.includes(resp.status)) return resp;
    if (isProblemDocument(resp.data)) {
      throw refusalFrom(resp.data, { step, retryAfter: resp.headers['retry-after'], termsUrl: termsLink(header(resp, 'link')) ?? (await this.termsUrl()), caaIdentities: await this.caaIdentities() });
    }
    if (resp.status >= 500) throw new PkiError('NETWORK', `The CA answered HTTP ${resp.status} while ${step}.`, 'The CA has a problem on its side: try again later.');
    throw unexpected(step, `HTTP ${resp.status}`);
  }

  private async termsUrl(): Promise<string | null> {
    return this.directoryJson ? directorySnapshot(this.options.directoryUrl, await this.directoryJson).termsOfService : null;
  }

  private async caaIdentities(): Promise<string[]> {
    return this.directoryJson ? directorySnapshot(this.options.directoryUrl, await this.directoryJson).caaIdentities : [];
  }

  /** Reads `url` until `pending(status)` is false: first at once, then after pollMs, doubling, or the CA's Retry-After. */
  private async poll(url: string, step: string, pending: (status: unknown) => boolean): Promise<AcmeHttpResponse> {
    const deadline = Date.now() + (this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
    let wait = this.options.pollMs ?? DEFAULT_POLL_MS;
    for (;;) {
      const resp = await this.fetch(url, step);
      if (!pending(asObject(resp.data).status)) return resp;
      const retryAfter = retryAfterMs(resp.headers['retry-after']);
      const next = Math.min(retryAfter ?? wait, MAX_RETRY_AFTER_MS);
      if (Date.now() + next > deadline) {
        throw new PkiError('NETWORK', `The CA had not finished ${step} after ${Math.round((this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS) / 1000)} seconds.`, 'The order is kept at the CA: check it again later.');
      }
      await this.transport.sleep(next, url);
      wait = Math.min(wait * 2, MAX_POLL_MS);
    }
  }
}

function header(resp: AcmeHttpResponse, name: string): string | null {
  const v = resp.headers[name];
  return Array.isArray(v) ? v.join(', ') : (v ?? null);
}

/** Link: <url>;rel="alternate" entries (RFC 8555 7.4.2), resolved against the certificate URL. */
function alternateLinks(link: string | null, base: string): string[] {
  return linksWithRel(link, 'alternate').map((u) => new URL(u, base).href);
}

function termsLink(link: string | null): string | null {
  return linksWithRel(link, 'terms-of-service')[0] ?? null;
}

function linksWithRel(link: string | null, rel: string): string[] {
  if (!link) return [];
  const out: string[] = [];
  for (const m of link.matchAll(/<([^>]*)>\s*;([^,]*(?:,(?!\s*<)[^,]*)*)/g)) {
    if (new RegExp(`(?:^|;)\\s*rel\\s*=\\s*"?${rel}"?\\s*(?:;|$)`, 'i').test(m[2])) out.push(m[1]);
  }
  return out;
}

function unexpected(step: string, what: string): PkiError {
  return new PkiError('NETWORK', `The CA's answer while ${step} was not what ACME (RFC 8555) says: ${what}.`, 'Check that the directory URL is an ACME server; if it is, try again later.');
}

/**
 * One order's way through RFC 8555: account → newOrder → authorizations → challenges (served, hooked or by
 * hand) → validation → key and CSR → finalize → download → the certbot set. Each step is saved and announced
 * (ctx.changed) before the next, so a restart continues from the CA's URLs (resume). An order stops when it is
 * issued, when the user must act (waiting), or when something fails: 'invalid' when the CA said so (its problem
 * kept), 'error' when anything else stopped it (acme.resume continues it).
 */
import type { AcmeNoticeDto } from '../../api/dto';
import type { AcmeConnection, AcmeOrderSnapshot } from '../../pki/acme/acme-connection';
import { AcmeRefusal, problemOf } from '../../pki/acme/acme-problem';
import { runHook } from '../../pki/acme/challenges';
import { PkiError } from '../../pki/errors';
import { parsePemBlocks } from '../../pki/formats/pem-blocks';
import { pemBlock } from '../../pki/formats/pem-write';
import { generateKey } from '../../pki/keys/generate';
import { writeCsr } from '../../pki/x509/csr-write';
import type { OutputFolders } from '../output-folders';
import type { PathGrants } from '../path-grants';
import { accountConnection, ensureAccount, type AccountContext } from './acme-account';
import { writeCertbotSet } from './certbot-set';
import { resultFromChains } from './certificate-result';
import { baseName, describeAuthorization, refreshAuthorization } from './challenge-details';
import { certificateKeyId } from './key-store';
import { failedNotice, issuedNotice } from './notices';
import { step } from './order-record';
import type { Lease, ResponderPool } from './responder-pool';
import type { StoredAuthorization, StoredOrder } from './store';

export interface RunnerContext extends AccountContext {
  folders: OutputFolders;
  grants: PathGrants;
  responders: ResponderPool;
  /** Saves every order and announces this one on 'acme.order'. */
  changed(order: StoredOrder): Promise<void>;
  notice(notice: AcmeNoticeDto): void;
}

const KEY_WORDS: Record<string, string> = { 'rsa:2048': 'RSA 2048', 'rsa:3072': 'RSA 3072', 'rsa:4096': 'RSA 4096', 'ec:P-256': 'EC P-256', 'ec:P-384': 'EC P-384' };

const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export class OrderRun {
  private connection: AcmeConnection | null = null;
  /** The CA itself said the order is over (its order is invalid, expired, or unknown to it). */
  private caVerdict = false;

  constructor(
    private readonly ctx: RunnerContext,
    private readonly order: StoredOrder,
    private readonly signal: AbortSignal,
  ) {}

  private get now(): Date {
    return this.ctx.now();
  }

  private note(message: string, state = this.order.state): void {
    step(this.order, message, this.now, state);
  }

  private checkStopped(): void {
    if (this.signal.aborted) throw new PkiError('CANCELLED', 'The order was stopped.', 'Resume it to continue.');
  }

  /** Account and newOrder, then the authorizations and their challenges: what acme.issue waits for. Throws; saves nothing. */
  async place(eab: { kid: string; hmacKey: string } | null): Promise<void> {
    const { order, ctx } = this;
    const { settings } = order;
    const session = await ensureAccount(ctx, { directoryUrl: settings.directoryUrl, caPem: settings.caPem, email: settings.email, eab, signal: this.signal });
    this.connection = session.connection;
    order.accountId = session.account.id;
    order.accountUrl = session.account.accountUrl;
    this.note(session.registered ? `Account registered with ${order.caName}${settings.email ? ` for ${settings.email}` : ''}` : `Using your ${order.caName} account${settings.email ? ` for ${settings.email}` : ''}`);
    this.checkStopped();
    const placed = await session.connection.newOrder(settings.domains);
    this.takeOrder(placed);
    order.authorizations = [];
    for (const url of placed.authorizations) {
      this.checkStopped();
      order.authorizations.push(await describeAuthorization(session.connection, await session.connection.authorization(url), settings.challenge));
    }
    this.note(`Order placed with ${order.caName} for ${list(order.domains)}`);
    if (order.authorizations.every((a) => a.status === 'valid')) this.note('The CA already trusts these names; nothing to validate', 'ready');
    else if (this.mustWaitForUser()) this.noteWaiting();
  }

  /** Continues from the order's state until it is issued, waits for the user, or fails (saved and announced). */
  async advance(options: { refresh?: boolean; answerManual?: boolean } = {}): Promise<void> {
    try {
      const connection = await this.connect();
      if (options.refresh && !(await this.refresh(connection))) return;
      if (options.answerManual) await this.answerManual(connection);
      if (!(await this.validate(connection))) return;
      await this.finish(connection);
    } catch (e) {
      if (this.signal.aborted) {
        // Closed (the order resumes on the next start) or cancelled (AcmeOrders.cancel sets the state).
        await this.ctx.changed(this.order).catch(() => undefined);
        return;
      }
      await this.fail(e);
    }
  }

  private async connect(): Promise<AcmeConnection> {
    this.connection ??= (await accountConnection(this.ctx, this.order.accountId, this.order.settings, this.signal)).connection;
    return this.connection;
  }

  private takeOrder(snapshot: AcmeOrderSnapshot): void {
    this.order.orderUrl = snapshot.url;
    this.order.expiresAt = snapshot.expires;
    this.order.finalizeUrl = snapshot.finalize;
    if (snapshot.certificate) this.order.certificateUrl = snapshot.certificate;
  }

  private mustWaitForUser(): boolean {
    return this.order.settings.mode === 'manual' && this.order.authorizations.some((a) => a.status === 'pending' && !a.answered);
  }

  private noteWaiting(): void {
    const pending = this.order.authorizations.filter((a) => a.status === 'pending' && !a.answered);
    const what = this.order.challenge === 'dns-01' ? `the TXT record${pending.length > 1 ? 's' : ''} for ${list(pending.map((a) => a.domain))}` : `the HTTP-01 file${pending.length > 1 ? 's' : ''} for ${list(pending.map((a) => a.domain))}`;
    this.note(`Waiting for you: set ${what}, check, then continue`, 'waiting');
  }

  /** After a restart or an error: the CA's view of the order. False when there is nothing to do now. */
  private async refresh(connection: AcmeConnection): Promise<boolean> {
    const { order } = this;
    let snapshot: AcmeOrderSnapshot;
    try {
      snapshot = await connection.order(order.orderUrl!);
    } catch (e) {
      if (!(e instanceof AcmeRefusal)) throw e;
      this.caVerdict = true;
      throw new AcmeRefusal({ ...e.problem, message: `The CA no longer has this order: ${e.problem.message}`, hint: 'Order the certificate again (Renew makes a new order with the same settings).' });
    }
    this.takeOrder(snapshot);
    if (snapshot.status === 'invalid') {
      this.caVerdict = true;
      throw new AcmeRefusal(snapshot.error ?? { code: 'ACME_REFUSED', message: 'The CA marked this order invalid.', hint: 'Order the certificate again.', caType: null, subproblems: [] });
    }
    if (snapshot.status === 'expired' || snapshot.status === 'deactivated' || snapshot.status === 'revoked') {
      this.caVerdict = true;
      throw new AcmeRefusal({ code: 'ACME_REFUSED', message: `The CA dropped this order: it is ${snapshot.status}.`, hint: 'Order the certificate again (Renew makes a new order with the same settings).', caType: null, subproblems: [] });
    }
    if (snapshot.status === 'pending') {
      for (const a of order.authorizations) refreshAuthorization(a, await connection.authorization(a.authorizationUrl));
    } else {
      // Ready, processing or valid: the CA has validated every name.
      for (const a of order.authorizations) {
        a.status = 'valid';
        if (a.challenge) a.challenge.status = 'valid';
      }
    }
    this.note(`Resumed: the CA has the order as ${snapshot.status}`);
    if (this.mustWaitForUser()) {
      this.noteWaiting();
      await this.ctx.changed(order);
      return false;
    }
    await this.ctx.changed(order);
    return true;
  }

  /** acme.continue: the user placed the files or records; tell the CA to validate them. */
  private async answerManual(connection: AcmeConnection): Promise<void> {
    const pending = this.order.authorizations.filter((a) => a.status === 'pending' && !a.answered);
    for (const a of pending) await this.answer(connection, a);
    if (pending.length) {
      this.note(`Asked the CA to validate ${list(pending.map((a) => a.domain))}`, 'validating');
      await this.ctx.changed(this.order);
    }
  }

  private async answer(connection: AcmeConnection, a: StoredAuthorization): Promise<void> {
    this.checkStopped();
    await connection.answer(a.challengeUrl!);
    a.answered = true;
    if (a.challenge) a.challenge.status = 'processing';
  }

  /** Answers (serve, hook) and waits for every pending authorization. False when the user must act first. */
  private async validate(connection: AcmeConnection): Promise<boolean> {
    const { order, ctx } = this;
    const pending = order.authorizations.filter((a) => a.status === 'pending');
    if (pending.length === 0) return true;
    if (this.mustWaitForUser()) {
      if (order.state !== 'waiting') this.noteWaiting();
      await ctx.changed(order);
      return false;
    }
    const { settings } = order;
    let lease: Lease | null = null;
    const hooked: StoredAuthorization[] = [];
    try {
      if (settings.mode === 'serve') {
        lease = await ctx.responders.acquire(settings.httpPort ?? 80, settings.httpAddress ?? undefined);
        for (const a of pending) if (a.challenge?.fileContent) lease.responder.set(a.challenge.token, a.challenge.fileContent);
        this.note(`Serving the HTTP-01 file${pending.length > 1 ? 's' : ''} on port ${lease.responder.port}`);
      }
      if (settings.mode === 'hook') {
        for (const a of pending) {
          if (a.answered || !a.challenge) continue;
          this.checkStopped();
          hooked.push(a);
          await runHook({ command: settings.authHook!, domain: baseName(a.domain), validation: validationOf(a), token: a.challenge.token, signal: this.signal });
          this.note(`The auth hook set the challenge for ${a.domain}`);
        }
      }
      const unanswered = pending.filter((a) => !a.answered);
      for (const a of unanswered) await this.answer(connection, a);
      this.note(unanswered.length ? `Asked the CA to validate ${list(unanswered.map((a) => a.domain))}` : `The CA is validating ${list(pending.map((a) => a.domain))}`, 'validating');
      await ctx.changed(order);
      for (const a of pending) {
        this.checkStopped();
        try {
          refreshAuthorization(a, await connection.waitForAuthorization(a.authorizationUrl));
        } catch (e) {
          if (e instanceof AcmeRefusal) {
            a.status = 'invalid';
            if (a.challenge) {
              a.challenge.status = 'invalid';
              a.challenge.error = e.message;
            }
          }
          throw e;
        }
        this.note(`The CA validated ${a.domain}`);
        await ctx.changed(order);
      }
    } finally {
      if (lease) {
        for (const a of pending) if (a.challenge) lease.responder.remove(a.challenge.token);
        await lease.release();
      }
      if (settings.mode === 'hook' && settings.cleanupHook) await this.cleanup(pending.filter((a) => a.challenge && (hooked.includes(a) || a.answered)));
    }
    this.note(`All names validated`, 'ready');
    await ctx.changed(order);
    return true;
  }

  /** The cleanup hook, always, for every challenge the auth hook may have set; a failing cleanup is noted, not fatal. */
  private async cleanup(authorizations: StoredAuthorization[]): Promise<void> {
    for (const a of authorizations) {
      try {
        await runHook({ command: this.order.settings.cleanupHook!, domain: baseName(a.domain), validation: validationOf(a), token: a.challenge!.token });
      } catch (e) {
        this.note(`The cleanup hook failed for ${a.domain}: ${problemOf(e).message}`);
      }
    }
  }

  /** Key and CSR, finalize, wait, download, the result and the certbot set. */
  private async finish(connection: AcmeConnection): Promise<void> {
    const { order, ctx } = this;
    if (!order.certificateUrl) {
      let snapshot = await connection.order(order.orderUrl!);
      if (snapshot.status === 'ready') {
        await this.ensureCsr();
        this.checkStopped();
        this.note('Sent the CSR; the CA is issuing the certificate', 'processing');
        await ctx.changed(order);
        snapshot = await connection.finalize(order.orderUrl!, derOf(order.csrPem!));
      }
      if (snapshot.status === 'processing' || (snapshot.status === 'valid' && !snapshot.certificate)) snapshot = await connection.waitForOrder(order.orderUrl!);
      if (snapshot.status !== 'valid' || !snapshot.certificate) {
        if (snapshot.status === 'invalid') this.caVerdict = true;
        throw new AcmeRefusal(snapshot.error ?? { code: 'ACME_REFUSED', message: `The CA did not issue the certificate (the order is ${snapshot.status}).`, hint: 'Resume the order, or order again.', caType: null, subproblems: [] });
      }
      this.takeOrder(snapshot);
      await ctx.changed(order);
    }
    this.checkStopped();
    const chains = await connection.download(order.certificateUrl!);
    const keyPem = order.settings.key === 'csr' ? null : await ctx.keys.get(certificateKeyId(order.id));
    const picked = resultFromChains(chains, order.settings.preferredChain, keyPem !== null);
    order.result = picked.result;
    order.problem = null;
    this.note(`Certificate issued: serial ${picked.result.serial}, valid until ${picked.result.notAfter.slice(0, 10)}`, 'issued');
    if (picked.note) this.note(picked.note);
    if (order.settings.key !== 'csr' && keyPem === null) this.note('The key of this certificate is no longer kept (Certbench ran without a data folder); no privkey.pem can be written.');
    if (order.settings.destination) {
      try {
        const written = await writeCertbotSet(ctx.folders, order.settings.destination, picked.result, keyPem);
        ctx.grants.grant(written.map((w) => w.path));
        order.result.written = written;
        this.note(`Saved ${list(written.map((w) => w.path.split(/[\\/]/).pop()!))} in ${order.settings.destination.folder}`);
      } catch (e) {
        order.problem = problemOf(e);
        this.note(`Issued, but the files were not written: ${order.problem.message}`);
      }
    }
    await ctx.changed(order);
    ctx.notice(issuedNotice(order));
  }

  /** The key (made off the event loop, kept in the key store) and the CSR, once: a resumed order finalizes with the same. */
  private async ensureCsr(): Promise<void> {
    const { order, ctx } = this;
    const spec = order.settings.key;
    if (spec === 'csr') {
      if (!order.csrPem) throw new PkiError('NOT_FOUND', 'The CSR of this order is missing from the order list.', 'Order again with the CSR.');
      return;
    }
    if (order.csrPem && (await ctx.keys.get(certificateKeyId(order.id)))) return;
    const pkcs8 = await generateKey(spec, { signal: this.signal });
    await ctx.keys.put(certificateKeyId(order.id), pemBlock('PRIVATE KEY', pkcs8));
    const first = order.domains[0];
    const csrDer = writeCsr(
      {
        // A CN holds at most 64 characters (RFC 5280 ub-common-name); the SANs carry every name anyway.
        subject: first.length <= 64 ? [{ type: 'CN', value: first }] : [],
        san: order.domains.map((value) => ({ type: 'DNS' as const, value })),
        cnAsSan: false,
        keyUsage: [],
        extendedKeyUsage: [],
        signatureHash: 'sha256',
      },
      pkcs8,
    );
    pkcs8.fill(0);
    order.csrPem = pemBlock('CERTIFICATE REQUEST', csrDer);
    this.note(`Made an ${KEY_WORDS[spec] ?? spec} key and the CSR`);
    await ctx.changed(order);
  }

  private async fail(e: unknown): Promise<void> {
    const { order, ctx } = this;
    const problem = problemOf(e);
    const byCa = e instanceof AcmeRefusal;
    const invalid = byCa && (this.caVerdict || problem.code === 'CHALLENGE_FAILED' || (await this.caSaysInvalid()));
    order.problem = problem;
    this.note(`${invalid ? 'Failed' : 'Stopped'}: ${problem.message}`, invalid ? 'invalid' : 'error');
    // A dead order keeps no key: nothing of it is left behind but its entry.
    if (invalid && order.settings.key !== 'csr') await ctx.keys.remove(certificateKeyId(order.id)).catch(() => undefined);
    await ctx.changed(order).catch(() => undefined);
    ctx.notice(failedNotice(order, problem, byCa));
  }

  private async caSaysInvalid(): Promise<boolean> {
    if (!this.connection || !this.order.orderUrl) return false;
    try {
      return (await this.connection.order(this.order.orderUrl)).status === 'invalid';
    } catch {
      return false;
    }
  }
}

/** What the hooks get as CERTBENCH_VALIDATION: the file content (HTTP-01) or the TXT value (DNS-01). */
function validationOf(a: StoredAuthorization): string {
  return a.challenge?.type === 'http-01' ? a.challenge.fileContent ?? '' : a.challenge?.txtValue ?? '';
}

function derOf(csrPem: string): Uint8Array {
  const block = parsePemBlocks(csrPem).find((b) => b.label === 'CERTIFICATE REQUEST' || b.label === 'NEW CERTIFICATE REQUEST');
  if (!block) throw new PkiError('CORRUPT', 'The CSR kept with this order is damaged.', 'Order the certificate again.');
  return block.der;
}

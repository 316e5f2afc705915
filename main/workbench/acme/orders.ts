/**
 * The ACME orders of this workbench: started by acme.issue (or the CLI), run in the background step by step
 * (order-runner), persisted after every step in the app's data folder (store.ts: orders.json with a schema
 * version, atomic writes, no private key) and resumed after a restart. Keys (account and certificate) live in
 * the key store (key-store.ts: 0600 files in the data folder, or memory), never in orders.json. Every change
 * is announced on 'acme.order'; issued and failed orders on 'acme.notice'.
 */
import type { AcmeCaDto, AcmeDirectoryDto, AcmeIssueRequest, AcmeOrderDto, WorkbenchState, WrittenFileDto } from '../../api/dto';
import { connectAcme } from '../../pki/acme/acme-connection';
import { problemOf } from '../../pki/acme/acme-problem';
import { checkDnsTxt, checkHttp01 } from '../../pki/acme/challenges';
import { ACME_CAS } from '../../pki/acme/directories';
import { PkiError } from '../../pki/errors';
import { pemBlock } from '../../pki/formats/pem-write';
import { generateKey } from '../../pki/keys/generate';
import type { EventHub } from '../events';
import type { OutputFolders } from '../output-folders';
import type { PathGrants } from '../path-grants';
import type { Session } from '../session';
import { accountConnection, newId } from './acme-account';
import { AccountStore } from './accounts';
import { writeCertbotSet } from './certbot-set';
import { baseName } from './challenge-details';
import { checkDestination, checkRequest, readCaFile } from './issue-request';
import { certificateKeyId, keyStoreFor, type AcmeKeyStore } from './key-store';
import { FINISHED, MOVING, newOrderRecord, orderDto, step } from './order-record';
import { OrderRun, type RunnerContext } from './order-runner';
import { ResponderPool } from './responder-pool';
import { OrderStore, type OrderSettings, type StoredOrder } from './store';

export interface AcmeOrdersContext {
  session: Session;
  folders: OutputFolders;
  grants: PathGrants;
  events: EventHub;
  /** The app's data folder (acme/orders.json, acme/accounts.json, acme/keys/); none = memory only. */
  dataDir?: string;
  now?: () => Date;
  /** Where keys are kept; default files in the data folder (memory without one). Issue 16 wraps the OS keychain here. */
  keys?: AcmeKeyStore;
  /** First wait between polls of the CA (tests against pebble use ~200 ms); default the connection's. */
  pollMs?: number;
}

export interface AcmeIssueOptions {
  /** The CLI may run hooks (mode 'hook'); the renderer's requests never can. */
  allowHooks?: boolean;
}

export type Destination = { folder: string; overwrite?: boolean };

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

export class AcmeOrders {
  private readonly keys: AcmeKeyStore;
  private readonly store: OrderStore;
  private readonly accounts: AccountStore;
  private readonly responders = new ResponderPool();
  private readonly running = new Map<string, Running>();
  /** Orders removed here: a save leaves them out even if the file still has them. */
  private readonly removed = new Set<string>();
  private orders: Map<string, StoredOrder> | null = null;
  private loading: Promise<Map<string, StoredOrder>> | null = null;
  private closed = false;
  /** Why orders.json or accounts.json could not be used (each was moved aside): also sent once as an 'acme.notice' with orderId ''. */
  readonly storeProblems: string[] = [];

  constructor(private readonly ctx: AcmeOrdersContext) {
    this.keys = ctx.keys ?? keyStoreFor(ctx.dataDir);
    this.store = new OrderStore(ctx.dataDir, ctx.now);
    this.accounts = new AccountStore(ctx.dataDir, ctx.now);
  }

  private now = (): Date => this.ctx.now?.() ?? new Date();

  cas(): AcmeCaDto[] {
    return ACME_CAS.map((ca) => ({ ...ca }));
  }

  async directory(directoryUrl: string, caFile?: string): Promise<AcmeDirectoryDto> {
    const caPem = caFile ? await readCaFile(this.ctx, caFile) : null;
    return readDirectory(directoryUrl, caPem);
  }

  async list(): Promise<AcmeOrderDto[]> {
    const orders = await this.load();
    await this.takeOthers(orders);
    return [...orders.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((o) => this.dto(o));
  }

  async issue(request: AcmeIssueRequest, options: AcmeIssueOptions = {}): Promise<AcmeOrderDto> {
    const checked = await checkRequest(this.ctx, request, options);
    if (!request.agreeTos) throw await this.termsRefusal(checked.settings);
    return this.start(checked.settings, checked.csrPem, checked.eab, null);
  }

  async check(orderId: string): Promise<AcmeOrderDto> {
    const order = await this.find(orderId);
    if (order.mode !== 'manual') throw new PkiError('INVALID_ARGUMENT', 'Only orders answered by hand have checks to run.', 'Certbench answers this order itself; follow its timeline.');
    const servers = order.settings.dnsServers ?? undefined;
    for (const a of order.authorizations) {
      const c = a.challenge;
      if (a.status !== 'pending' || !c) continue;
      c.check =
        c.type === 'dns-01'
          ? await checkDnsTxt(c.txtName!, c.txtValue!, servers)
          : await checkHttp01(baseName(a.domain), c.token, c.fileContent!, { port: order.settings.httpPort ?? undefined, servers });
    }
    const checks = order.authorizations.filter((a) => a.status === 'pending' && a.challenge?.check);
    const ok = checks.filter((a) => a.challenge!.check!.ok).length;
    step(order, checks.length ? `Checked: ${ok} of ${checks.length} ready` : 'Nothing left to check', this.now());
    await this.changed(order);
    return this.dto(order);
  }

  async continue(orderId: string): Promise<AcmeOrderDto> {
    const order = await this.find(orderId);
    if (order.state !== 'waiting') throw new PkiError('INVALID_ARGUMENT', `The order is ${order.state}, not waiting for you.`, order.state === 'error' ? 'Resume it instead.' : 'Follow its timeline.');
    this.requireIdle(order);
    return this.runInBackground(order, { answerManual: true });
  }

  async resume(orderId: string, options: AcmeIssueOptions = {}): Promise<AcmeOrderDto> {
    const order = await this.find(orderId);
    if (this.running.has(order.id) || order.state === 'waiting') return this.dto(order);
    if (order.state !== 'error' && !MOVING.has(order.state)) throw new PkiError('INVALID_ARGUMENT', `The order is ${order.state}; there is nothing to resume.`, order.state === 'issued' ? 'Save or open it, or renew it.' : 'Renew it to order again.');
    this.refuseHooks(order.settings, options);
    return this.runInBackground(order, { refresh: true });
  }

  async cancel(orderId: string): Promise<AcmeOrderDto> {
    const order = await this.find(orderId);
    if (FINISHED.has(order.state)) throw new PkiError('INVALID_ARGUMENT', `The order is ${order.state}; there is nothing to cancel.`, 'Remove it from the list instead.');
    await this.stop(order.id);
    const pending = order.authorizations.filter((a) => a.status === 'pending');
    let note = '';
    if (pending.length) {
      try {
        const { connection } = await accountConnection(this.runnerContext(), order.accountId, order.settings);
        for (const a of pending) {
          await connection.deactivate(a.authorizationUrl);
          a.status = 'deactivated';
        }
      } catch (e) {
        note = ` (the CA could not be told: ${(e as Error).message}; it drops the order when it expires)`;
      }
    }
    if (order.settings.key !== 'csr') await this.keys.remove(certificateKeyId(order.id));
    step(order, `Cancelled${note}`, this.now(), 'cancelled');
    await this.changed(order);
    return this.dto(order);
  }

  async save(orderId: string, destination: Destination): Promise<WrittenFileDto[]> {
    const order = await this.find(orderId);
    if (!order.result) throw new PkiError('INVALID_ARGUMENT', `The order is ${order.state}; only an issued certificate can be saved.`, 'Wait until it is issued.');
    const keyPem = order.settings.key === 'csr' ? null : await this.keys.get(certificateKeyId(order.id));
    if (order.settings.key !== 'csr' && keyPem === null) throw new PkiError('NOT_FOUND', 'The key of this certificate is no longer kept (Certbench ran without a data folder, or the order was removed).', 'Renew the order to get a certificate with a new key.');
    const written = await writeCertbotSet(this.ctx.folders, destination, order.result, keyPem);
    this.ctx.grants.grant(written.map((w) => w.path));
    order.result.written = written;
    step(order, `Saved ${written.map((w) => w.path.split(/[\\/]/).pop()).join(', ')} in ${destination.folder}`, this.now());
    await this.changed(order);
    return written;
  }

  async open(orderId: string): Promise<{ documentId: string; state: WorkbenchState }> {
    const order = await this.find(orderId);
    if (!order.result) throw new PkiError('INVALID_ARGUMENT', `The order is ${order.state}; only an issued certificate can be opened.`, 'Wait until it is issued.');
    const keyPem = order.settings.key === 'csr' ? null : await this.keys.get(certificateKeyId(order.id));
    const text = order.result.fullchainPem + (keyPem ?? '');
    const doc = await this.ctx.session.open(`${order.name} (ACME)`, new TextEncoder().encode(text), null);
    return { documentId: doc.id, state: this.ctx.session.state() };
  }

  async renew(orderId: string, destination?: Destination, options: AcmeIssueOptions = {}): Promise<AcmeOrderDto> {
    const earlier = await this.find(orderId);
    this.refuseHooks(earlier.settings, options);
    const withKey = earlier.settings.key !== 'csr';
    const settings: OrderSettings = { ...earlier.settings, domains: [...earlier.settings.domains], destination: destination ? await checkDestination(this.ctx.folders, destination, withKey) : null };
    return this.start(settings, withKey ? null : earlier.csrPem, null, earlier.id);
  }

  async revoke(orderId: string, reason?: number): Promise<AcmeOrderDto> {
    const order = await this.find(orderId);
    if (order.state !== 'issued' || !order.result) throw new PkiError('INVALID_ARGUMENT', `The order is ${order.state}; only an issued certificate can be revoked.`, order.state === 'revoked' ? 'It is revoked already.' : 'Cancel an unfinished order instead.');
    if (reason !== undefined && ![0, 1, 3, 4, 5].includes(reason)) throw new PkiError('INVALID_ARGUMENT', `${reason} is not a revocation reason an ACME CA accepts.`, 'Use 0 (unspecified), 1 (key compromise), 3 (affiliation changed), 4 (superseded) or 5 (cessation of operation).');
    const { connection } = await accountConnection(this.runnerContext(), order.accountId, order.settings);
    await connection.revoke(order.result.certificatePem, reason);
    step(order, `Revoked at ${order.caName}${reason !== undefined ? ` (reason ${reason})` : ''}`, this.now(), 'revoked');
    await this.changed(order);
    return this.dto(order);
  }

  async remove(orderIds: string[]): Promise<AcmeOrderDto[]> {
    const orders = await this.load();
    const unknown = orderIds.filter((id) => !orders.has(id));
    if (unknown.length) throw new PkiError('NOT_FOUND', `No order ${unknown.join(', ')}.`, 'Refresh the order list.');
    for (const id of orderIds) {
      await this.stop(id);
      orders.delete(id);
      this.removed.add(id);
      await this.keys.remove(certificateKeyId(id));
    }
    await this.store.save([...orders.values()], this.removed);
    return this.list();
  }

  /** Picks up unfinished orders from the data folder (the shells call this once on start). */
  async resumeUnfinished(options: AcmeIssueOptions = {}): Promise<void> {
    let orders: Map<string, StoredOrder>;
    try {
      orders = await this.load();
    } catch (e) {
      // On start nothing may throw: the reason is shown, and acme.orders says it again when asked.
      const { message, hint } = problemOf(e);
      this.ctx.events.emit('acme.notice', { orderId: '', ok: false, title: 'The ACME order list could not be read', body: `${message} ${hint}` });
      return;
    }
    for (const order of orders.values()) {
      if (!MOVING.has(order.state) || this.running.has(order.id)) continue;
      if (order.mode === 'hook' && !options.allowHooks) {
        order.problem = { code: 'INVALID_ARGUMENT', message: 'This order answers its challenges with hooks (commands), which only the command line runs.', hint: 'Resume it with the certbench command line.', caType: null, subproblems: [] };
        step(order, 'Stopped: hooks run only from the command line', this.now(), 'error');
        await this.changed(order);
        continue;
      }
      void this.runInBackground(order, { refresh: true });
    }
  }

  /** Resolves when the order stops moving: issued, invalid, error, waiting (for the user), cancelled or revoked. */
  async settled(orderId: string): Promise<AcmeOrderDto> {
    const order = await this.find(orderId);
    for (let run = this.running.get(order.id); run; run = this.running.get(order.id)) await run.done;
    return this.dto(order);
  }

  /** Stops background work and closes HTTP-01 responders (app quit, end of a CLI run, tests). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.running.keys()].map((id) => this.stop(id)));
    await this.responders.closeAll();
  }

  // ---------------------------------------------------------------------------------------------------------

  private async load(): Promise<Map<string, StoredOrder>> {
    if (this.orders) return this.orders;
    this.loading ??= (async () => {
      const loaded = await this.store.load();
      this.orders = new Map(loaded.value.orders.map((o) => [o.id, o]));
      this.setAside('The ACME order list could not be read', loaded.setAside);
      this.setAside('The ACME account list could not be read', await this.accounts.setAside());
      return this.orders;
    })();
    // A list that could not be read at all (permissions) is tried again next time.
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  private setAside(title: string, body: string | null): void {
    if (!body) return;
    this.storeProblems.push(body);
    this.ctx.events.emit('acme.notice', { orderId: '', ok: false, title, body });
  }

  /** Orders another process (the CLI beside the app) added or moved on since this one read the list. */
  private async takeOthers(orders: Map<string, StoredOrder>): Promise<void> {
    if (this.ctx.dataDir === undefined) return;
    const loaded = await this.store.load();
    this.setAside('The ACME order list could not be read', loaded.setAside);
    for (const o of loaded.value.orders) {
      if (this.removed.has(o.id) || this.running.has(o.id)) continue;
      const mine = orders.get(o.id);
      if (!mine || o.updatedAt > mine.updatedAt) orders.set(o.id, o);
    }
  }

  private async find(orderId: string): Promise<StoredOrder> {
    const order = (await this.load()).get(orderId);
    if (!order) throw new PkiError('NOT_FOUND', 'That ACME order is not in the list.', 'It may have been removed; refresh the order list.');
    return order;
  }

  private dto(order: StoredOrder): AcmeOrderDto {
    return orderDto(order, this.running.has(order.id));
  }

  /** Saves the list and announces the order (a removed order is neither). */
  private async changed(order: StoredOrder): Promise<void> {
    order.updatedAt = this.now().toISOString();
    const orders = await this.load();
    if (orders.get(order.id) !== order) return;
    await this.store.save([...orders.values()], this.removed);
    this.announce(order);
  }

  private announce(order: StoredOrder): void {
    if (this.orders?.get(order.id) === order) this.ctx.events.emit('acme.order', this.dto(order));
  }

  private runnerContext(): RunnerContext {
    return {
      keys: this.keys,
      accounts: this.accounts,
      now: this.now,
      pollMs: this.ctx.pollMs,
      folders: this.ctx.folders,
      grants: this.ctx.grants,
      responders: this.responders,
      changed: (order) => this.changed(order),
      notice: (notice) => this.ctx.events.emit('acme.notice', notice),
    };
  }

  private refuseHooks(settings: OrderSettings, options: AcmeIssueOptions): void {
    if (settings.mode === 'hook' && !options.allowHooks) throw new PkiError('INVALID_ARGUMENT', 'This order answers its challenges with hooks (commands), which only the command line runs.', 'Use the certbench command line for it.');
  }

  private requireIdle(order: StoredOrder): void {
    if (this.running.has(order.id)) throw new PkiError('INVALID_ARGUMENT', 'The order is busy with a step already.', 'Wait for the step to finish.');
  }

  private async termsRefusal(settings: OrderSettings): Promise<PkiError> {
    const terms = await readDirectory(settings.directoryUrl, settings.caPem).then((d) => d.termsOfService, () => null);
    return new PkiError(
      'INVALID_ARGUMENT',
      terms ? `You have not agreed to the CA's terms of service (${terms}).` : "You have not agreed to the CA's terms of service.",
      'Read the terms, then agree to them (--agree-tos on the command line) to order.',
    );
  }

  /** A new order: placed at the CA before this returns (errors are thrown, nothing is kept), then run in the background. */
  private async start(settings: OrderSettings, csrPem: string | null, eab: { kid: string; hmacKey: string } | null, renewalOf: string | null): Promise<AcmeOrderDto> {
    if (this.closed) throw new PkiError('CANCELLED', 'Certbench is closing.', 'Order again after it restarts.');
    const orders = await this.load();
    const order = newOrderRecord(newId(), settings, csrPem, renewalOf, this.now());
    if (renewalOf) step(order, `Renewing the order ${renewalOf}`, this.now());
    const controller = new AbortController();
    const run = new OrderRun(this.runnerContext(), order, controller.signal);
    let placed!: () => void;
    const placing: Running = { controller, done: new Promise<void>((resolve) => (placed = resolve)) };
    this.running.set(order.id, placing);
    try {
      await run.place(eab);
      orders.set(order.id, order);
      await this.changed(order);
    } catch (e) {
      this.running.delete(order.id);
      await this.keys.remove(certificateKeyId(order.id)).catch(() => undefined);
      throw e;
    } finally {
      placed();
    }
    if (order.state !== 'waiting' && !this.closed) return this.runInBackground(order, {}, { run, controller });
    this.running.delete(order.id);
    // Announced idle: waiting for the user (or picked up again by the next start).
    this.announce(order);
    return this.dto(order);
  }

  private runInBackground(order: StoredOrder, options: { refresh?: boolean; answerManual?: boolean }, prepared?: { run: OrderRun; controller: AbortController }): AcmeOrderDto {
    if (this.closed) throw new PkiError('CANCELLED', 'Certbench is closing.', 'It continues the order after it restarts.');
    // The folder was one the user chose when the order was placed (checkDestination), and main recorded it
    // itself: a restart does not take that choice back, so a resumed order still writes its files there.
    if (order.settings.destination) this.ctx.folders.grant(order.settings.destination.folder);
    const controller = prepared?.controller ?? new AbortController();
    const run = prepared?.run ?? new OrderRun(this.runnerContext(), order, controller.signal);
    const entry: Running = { controller, done: Promise.resolve() };
    // Said at once, so the answer to acme.continue shows the order moving.
    if (options.answerManual) order.state = 'validating';
    this.running.set(order.id, entry);
    entry.done = run.advance(options).finally(() => {
      if (this.running.get(order.id) === entry) this.running.delete(order.id);
      this.announce(order);
    });
    return this.dto(order);
  }

  /** Aborts an order's background work and waits for it to stop. */
  private async stop(orderId: string): Promise<void> {
    const run = this.running.get(orderId);
    if (!run) return;
    run.controller.abort();
    await run.done;
  }
}

/** A CA's directory (terms, EAB). Reading it signs nothing, but a connection needs a key: a throwaway one (EC, ~1 ms). */
async function readDirectory(directoryUrl: string, caPem: string | null): Promise<AcmeDirectoryDto> {
  const throwaway = pemBlock('PRIVATE KEY', await generateKey('ec:P-256'));
  return connectAcme({ directoryUrl, caPem: caPem ?? undefined, accountKeyPem: throwaway }).directory();
}

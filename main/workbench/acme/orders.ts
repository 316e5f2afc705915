/**
 * The ACME orders of this workbench: started by acme.issue (or the CLI), run in the background step by step
 * (order-runner), persisted after every step in the app's data folder (store.ts: orders.json with a schema
 * version, atomic writes, no private key) and resumed after a restart. Keys (account and certificate) live in
 * the key store (key-store.ts: 0600 files in the data folder, or memory), never in orders.json. Every change
 * is announced on 'acme.order'; issued and failed orders on 'acme.notice'.
 * STUB (owner: acme-orders).
 */
import type { AcmeCaDto, AcmeDirectoryDto, AcmeIssueRequest, AcmeOrderDto, WorkbenchState, WrittenFileDto } from '../../api/dto';
import { PkiError } from '../../pki/errors';
import type { EventHub } from '../events';
import type { OutputFolders } from '../output-folders';
import type { PathGrants } from '../path-grants';
import type { Session } from '../session';

export interface AcmeOrdersContext {
  session: Session;
  folders: OutputFolders;
  grants: PathGrants;
  events: EventHub;
  /** The app's data folder (acme/orders.json, acme/accounts.json, acme/keys/); none = memory only. */
  dataDir?: string;
  now?: () => Date;
}

export interface AcmeIssueOptions {
  /** The CLI may run hooks (mode 'hook'); the renderer's requests never can. */
  allowHooks?: boolean;
}

export type Destination = { folder: string; overwrite?: boolean };

const stub = () => new PkiError('INTERNAL', 'ACME orders are not built yet.', 'STUB (owner: acme-orders)');

export class AcmeOrders {
  constructor(private readonly ctx: AcmeOrdersContext) {}

  cas(): AcmeCaDto[] {
    throw stub();
  }
  async directory(directoryUrl: string, caFile?: string): Promise<AcmeDirectoryDto> {
    void directoryUrl, caFile;
    throw stub();
  }
  async list(): Promise<AcmeOrderDto[]> {
    throw stub();
  }
  async issue(request: AcmeIssueRequest, options: AcmeIssueOptions = {}): Promise<AcmeOrderDto> {
    void request, options;
    throw stub();
  }
  async check(orderId: string): Promise<AcmeOrderDto> {
    void orderId;
    throw stub();
  }
  async continue(orderId: string): Promise<AcmeOrderDto> {
    void orderId;
    throw stub();
  }
  async resume(orderId: string): Promise<AcmeOrderDto> {
    void orderId;
    throw stub();
  }
  async cancel(orderId: string): Promise<AcmeOrderDto> {
    void orderId;
    throw stub();
  }
  async save(orderId: string, destination: Destination): Promise<WrittenFileDto[]> {
    void orderId, destination;
    throw stub();
  }
  async open(orderId: string): Promise<{ documentId: string; state: WorkbenchState }> {
    void orderId;
    throw stub();
  }
  async renew(orderId: string, destination?: Destination, options: AcmeIssueOptions = {}): Promise<AcmeOrderDto> {
    void orderId, destination, options;
    throw stub();
  }
  async revoke(orderId: string, reason?: number): Promise<AcmeOrderDto> {
    void orderId, reason;
    throw stub();
  }
  async remove(orderIds: string[]): Promise<AcmeOrderDto[]> {
    void orderIds;
    throw stub();
  }
  /** Picks up unfinished orders from the data folder (the shells call this once on start). */
  async resumeUnfinished(): Promise<void> {
    throw stub();
  }
  /** Resolves when the order stops moving: issued, invalid, error, waiting (for the user), cancelled or revoked. */
  async settled(orderId: string): Promise<AcmeOrderDto> {
    void orderId;
    throw stub();
  }
  /** Stops background work and closes HTTP-01 responders (app quit, end of a CLI run, tests). */
  async close(): Promise<void> {
    void this.ctx;
  }
}

/**
 * The ACME orders in the app's data folder: <dataDir>/acme/orders.json = {schemaVersion: 1, orders: [...]}, each
 * order with everything public it needs to resume after a restart and to be renewed: its AcmeOrderDto fields
 * (minus busy), the settings it was made with (the request minus the EAB secret), the account id, the CA's URLs
 * and the CSR once made. No private key is ever in it: keys are in the key store (key-store.ts) by id.
 */
import { join } from 'node:path';
import type { AcmeAuthorizationDto, AcmeChallengeMode, AcmeChallengeType, AcmeIssueRequest, AcmeOrderDto, AcmeOrderState, KeySpecName } from '../../api/dto';
import { JsonFile, type Loaded } from './json-file';

export const ORDERS_FILE = join('acme', 'orders.json');
export const ORDERS_SCHEMA = 1;

/** The generated key types an ACME order offers (the request schema's list). */
export type AcmeKeySpec = Extract<AcmeIssueRequest['key'], { generate: unknown }>['generate'];

/** How an order is made, kept to resume and renew it: the request as checked, minus the EAB secret. */
export interface OrderSettings {
  directoryUrl: string;
  /** The CA certificates trusted for the CA's TLS (the --ca-file the user chose, read when the order was made). */
  caPem: string | null;
  /** Checked and in ASCII (punycode for internationalized names), lower case, in the order given. */
  domains: string[];
  email: string | null;
  challenge: AcmeChallengeType;
  mode: AcmeChallengeMode;
  httpPort: number | null;
  httpAddress: string | null;
  authHook: string | null;
  cleanupHook: string | null;
  /** The key type to make, or 'csr' when the user gave a CSR (then StoredOrder.csrPem holds it from the start). */
  key: AcmeKeySpec | 'csr';
  dnsServers: string[] | null;
  preferredChain: string | null;
  destination: { folder: string; overwrite?: boolean } | null;
  name: string | null;
}

/** One authorization with the URLs needed to answer, wait for or deactivate it. */
export interface StoredAuthorization extends AcmeAuthorizationDto {
  authorizationUrl: string;
  /** The chosen challenge's URL at the CA. */
  challengeUrl: string | null;
  /** Certbench told the CA to validate this challenge (after a restart it is not told again). */
  answered: boolean;
}

export interface StoredOrder extends Omit<AcmeOrderDto, 'busy' | 'authorizations' | 'key'> {
  key: KeySpecName | 'csr';
  authorizations: StoredAuthorization[];
  settings: OrderSettings;
  /** The account (accounts.json) that placed the order. */
  accountId: string | null;
  finalizeUrl: string | null;
  /** The CSR sent (or to be sent) to finalize: made once, so a resumed order finalizes with the same key. */
  csrPem: string | null;
  certificateUrl: string | null;
}

export interface StoredOrders {
  schemaVersion: typeof ORDERS_SCHEMA;
  orders: StoredOrder[];
}

const STATES = new Set<AcmeOrderState>(['pending', 'waiting', 'validating', 'ready', 'processing', 'issued', 'invalid', 'error', 'revoked', 'cancelled']);

function shapeProblem(parsed: Record<string, unknown>): string | null {
  if (!Array.isArray(parsed.orders)) return 'it has no "orders" list';
  for (const o of parsed.orders as unknown[]) {
    if (!o || typeof o !== 'object') return 'an order is not an object';
    const x = o as Record<string, unknown>;
    if (typeof x.id !== 'string' || !x.id) return 'an order has no id';
    if (!STATES.has(x.state as AcmeOrderState)) return `the order ${x.id} has no known state`;
    if (!Array.isArray(x.domains) || !x.domains.every((d) => typeof d === 'string')) return `the order ${x.id} has no names`;
    if (!Array.isArray(x.authorizations) || !Array.isArray(x.timeline)) return `the order ${x.id} has no authorizations or timeline`;
    const s = x.settings as Record<string, unknown> | null;
    if (!s || typeof s !== 'object' || typeof s.directoryUrl !== 'string' || !Array.isArray(s.domains)) return `the order ${x.id} has no settings`;
  }
  return null;
}

export class OrderStore {
  private readonly file: JsonFile<StoredOrders>;

  constructor(dataDir: string | undefined, now?: () => Date) {
    this.file = new JsonFile<StoredOrders>({
      path: dataDir === undefined ? null : join(dataDir, ORDERS_FILE),
      what: 'The ACME order list',
      schemaVersion: ORDERS_SCHEMA,
      empty: () => ({ schemaVersion: ORDERS_SCHEMA, orders: [] }),
      shapeProblem,
      now,
    });
  }

  load(): Promise<Loaded<StoredOrders>> {
    return this.file.load();
  }

  /**
   * Writes this process's orders into the list as it is on disk now: entries another process (the CLI beside the
   * app) wrote meanwhile stay, `removed` ones go. Oldest first.
   */
  async save(orders: readonly StoredOrder[], removed: ReadonlySet<string> = new Set()): Promise<Loaded<StoredOrders>> {
    return this.file.update((current) => {
      const byId = new Map(current.orders.map((o) => [o.id, o]));
      for (const o of orders) byId.set(o.id, o);
      for (const id of removed) byId.delete(id);
      return { schemaVersion: ORDERS_SCHEMA, orders: [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
    });
  }
}

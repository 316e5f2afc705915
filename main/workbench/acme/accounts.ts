/**
 * ACME accounts, one per (directory URL, contact email), reused by every order placed with that CA and email:
 * <dataDir>/acme/accounts.json = {schemaVersion: 1, accounts: [{id, directoryUrl, email, accountUrl, createdAt}]}.
 * The account key is in the key store (accountKeyId(id)), never here.
 */
import { join } from 'node:path';
import { JsonFile, type Loaded } from './json-file';

export const ACCOUNTS_FILE = join('acme', 'accounts.json');
export const ACCOUNTS_SCHEMA = 1;

export interface StoredAccount {
  id: string;
  directoryUrl: string;
  email: string | null;
  /** The CA's URL for the account, once registered. */
  accountUrl: string | null;
  createdAt: string;
}

export interface StoredAccounts {
  schemaVersion: typeof ACCOUNTS_SCHEMA;
  accounts: StoredAccount[];
}

function shapeProblem(parsed: Record<string, unknown>): string | null {
  if (!Array.isArray(parsed.accounts)) return 'it has no "accounts" list';
  for (const a of parsed.accounts as unknown[]) {
    const x = (a ?? {}) as Record<string, unknown>;
    if (typeof x.id !== 'string' || typeof x.directoryUrl !== 'string') return 'an account has no id or directory URL';
  }
  return null;
}

export class AccountStore {
  private readonly file: JsonFile<StoredAccounts>;
  private loaded: Promise<Loaded<StoredAccounts>> | null = null;

  constructor(dataDir: string | undefined, now?: () => Date) {
    this.file = new JsonFile<StoredAccounts>({
      path: dataDir === undefined ? null : join(dataDir, ACCOUNTS_FILE),
      what: 'The ACME account list',
      schemaVersion: ACCOUNTS_SCHEMA,
      empty: () => ({ schemaVersion: ACCOUNTS_SCHEMA, accounts: [] }),
      shapeProblem,
      now,
    });
  }

  /** Read once; later changes go through this object. */
  private accounts(): Promise<Loaded<StoredAccounts>> {
    this.loaded ??= this.file.load();
    return this.loaded;
  }

  /** Why the stored list could not be used (it was moved aside), or null. */
  async setAside(): Promise<string | null> {
    return (await this.accounts()).setAside;
  }

  async find(directoryUrl: string, email: string | null): Promise<StoredAccount | null> {
    const { value } = await this.accounts();
    return value.accounts.find((a) => a.directoryUrl === directoryUrl && (a.email ?? null) === email) ?? null;
  }

  async byId(id: string): Promise<StoredAccount | null> {
    return (await this.accounts()).value.accounts.find((a) => a.id === id) ?? null;
  }

  /** Adds or replaces (by id) an account and writes the list, keeping accounts another process added meanwhile. */
  async put(account: StoredAccount): Promise<void> {
    const { setAside } = await this.accounts();
    const { value } = await this.file.update((current) => ({ ...current, accounts: [...current.accounts.filter((a) => a.id !== account.id), account] }));
    this.loaded = Promise.resolve({ value, setAside });
  }
}

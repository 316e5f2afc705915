/**
 * The account an order talks through: one per (directory URL, email), registered once and reused. Its key is
 * made here (EC P-256, off the event loop) and kept in the key store; accounts.json holds only its URL.
 */
import { connectAcme, type AcmeConnection } from '../../pki/acme/acme-connection';
import { PkiError } from '../../pki/errors';
import { pemBlock } from '../../pki/formats/pem-write';
import { generateKey } from '../../pki/keys/generate';
import { randomBytes } from '../../pki/crypto';
import { hex } from '../../pki/der/der';
import type { AccountStore, StoredAccount } from './accounts';
import { accountKeyId, type AcmeKeyStore } from './key-store';

export interface AccountContext {
  keys: AcmeKeyStore;
  accounts: AccountStore;
  now: () => Date;
  pollMs?: number;
}

export interface AccountSession {
  account: StoredAccount;
  connection: AcmeConnection;
  /** Registered now (false: an account registered earlier was reused). */
  registered: boolean;
}

export const newId = () => hex(randomBytes(8)).toLowerCase();

export interface AccountWish {
  directoryUrl: string;
  caPem: string | null;
  email: string | null;
  eab: { kid: string; hmacKey: string } | null;
  signal?: AbortSignal;
}

/** The account for (directory, email): the stored one when its key is still kept, else a new registration. */
export async function ensureAccount(ctx: AccountContext, wish: AccountWish): Promise<AccountSession> {
  const known = await ctx.accounts.find(wish.directoryUrl, wish.email);
  const knownKey = known ? await ctx.keys.get(accountKeyId(known.id)) : null;
  let account: StoredAccount;
  let keyPem: string;
  if (known && knownKey) {
    account = known;
    keyPem = knownKey;
  } else {
    account = { id: newId(), directoryUrl: wish.directoryUrl, email: wish.email, accountUrl: null, createdAt: ctx.now().toISOString() };
    keyPem = pemBlock('PRIVATE KEY', await generateKey('ec:P-256', { signal: wish.signal }));
    await ctx.keys.put(accountKeyId(account.id), keyPem);
    await ctx.accounts.put(account);
  }
  const connection = connectAcme({ directoryUrl: wish.directoryUrl, caPem: wish.caPem ?? undefined, accountKeyPem: keyPem, accountUrl: account.accountUrl ?? undefined, signal: wish.signal, pollMs: ctx.pollMs });
  if (account.accountUrl) return { account, connection, registered: false };
  const accountUrl = await connection.account({ email: wish.email ?? undefined, agreeTos: true, eab: wish.eab ?? undefined });
  account = { ...account, accountUrl };
  await ctx.accounts.put(account);
  return { account, connection, registered: true };
}

/** The connection of an order's account (resume, revoke, cancel): NOT_FOUND when its key is no longer kept. */
export async function accountConnection(ctx: AccountContext, accountId: string | null, settings: { directoryUrl: string; caPem: string | null }, signal?: AbortSignal): Promise<{ account: StoredAccount; connection: AcmeConnection }> {
  const account = accountId ? await ctx.accounts.byId(accountId) : null;
  const keyPem = account ? await ctx.keys.get(accountKeyId(account.id)) : null;
  if (!account || !keyPem || !account.accountUrl) {
    throw new PkiError('NOT_FOUND', 'The ACME account that placed this order is no longer known to Certbench (its key is gone).', 'Order the certificate again (Renew makes a new order with a new account).');
  }
  const connection = connectAcme({ directoryUrl: settings.directoryUrl, caPem: settings.caPem ?? undefined, accountKeyPem: keyPem, accountUrl: account.accountUrl, signal, pollMs: ctx.pollMs });
  return { account, connection };
}

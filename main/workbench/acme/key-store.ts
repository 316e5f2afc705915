/**
 * Where ACME keys live (account keys and the keys of certificates Certbench made): a port, so issue 16 can put
 * it behind the OS keychain. The files implementation keeps one PKCS#8 PEM per key in <dataDir>/acme/keys/<id>.key
 * (folder 0700, files 0600, written atomically); without a data folder keys live in memory for this run only.
 * Keys never go into orders.json, accounts.json, events, errors or logs: only their ids do.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PkiError } from '../../pki/errors';
import { writeFilesAtomically } from '../write-files';

export interface AcmeKeyStore {
  put(id: string, pkcs8Pem: string): Promise<void>;
  /** The key, or null when it is not (or no longer) kept. */
  get(id: string): Promise<string | null>;
  /** Forgets the key; a key that is not there is no error. */
  remove(id: string): Promise<void>;
}

/** Ids are file names: letters, digits, '-' and '_' only, so no id can name a path outside the folder. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;

function checkId(id: string): void {
  if (!ID.test(id)) throw new PkiError('INTERNAL', 'An ACME key was named with characters a key id may not have.', 'Please report this.');
}

export class MemoryKeyStore implements AcmeKeyStore {
  private readonly keys = new Map<string, string>();
  async put(id: string, pkcs8Pem: string): Promise<void> {
    checkId(id);
    this.keys.set(id, pkcs8Pem);
  }
  async get(id: string): Promise<string | null> {
    checkId(id);
    return this.keys.get(id) ?? null;
  }
  async remove(id: string): Promise<void> {
    checkId(id);
    this.keys.delete(id);
  }
}

export class FileKeyStore implements AcmeKeyStore {
  constructor(readonly folder: string) {}

  private pathOf(id: string): string {
    checkId(id);
    return join(this.folder, `${id}.key`);
  }

  async put(id: string, pkcs8Pem: string): Promise<void> {
    const path = this.pathOf(id);
    await this.ensureFolder();
    await writeFilesAtomically([{ path, bytes: new TextEncoder().encode(pkcs8Pem), secret: true }], { overwrite: true });
  }

  async get(id: string): Promise<string | null> {
    const path = this.pathOf(id);
    try {
      return await fs.readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new PkiError('NOT_FOUND', `Certbench could not read a key it keeps for ACME in ${this.folder} (${code ?? 'unknown error'}).`, 'Check that Certbench may read its data folder.');
    }
  }

  async remove(id: string): Promise<void> {
    await fs.rm(this.pathOf(id), { force: true });
  }

  /** 0700 even when the folder already existed with wider rights (made by hand, or by an older version). */
  private async ensureFolder(): Promise<void> {
    try {
      await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
      if (process.platform !== 'win32') await fs.chmod(this.folder, 0o700);
    } catch (e) {
      throw new PkiError('INVALID_ARGUMENT', `The folder for ACME keys (${this.folder}) cannot be made (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`, 'Set CERTBENCH_DATA_DIR to a folder Certbench may write to.');
    }
  }
}

/** The key store for a data folder: files under <dataDir>/acme/keys, or memory when there is none. */
export function keyStoreFor(dataDir: string | undefined): AcmeKeyStore {
  return dataDir === undefined ? new MemoryKeyStore() : new FileKeyStore(join(dataDir, 'acme', 'keys'));
}

/** The key store id of a certificate key (the order's) and of an account key. */
export const certificateKeyId = (orderId: string) => `cert-${orderId}`;
export const accountKeyId = (accountId: string) => `account-${accountId}`;

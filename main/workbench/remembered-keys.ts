/**
 * "Remember keys between sessions" (off by default): when on, the private keys open are sealed by a
 * SecretSealer into remembered-keys.sealed (0600, replaced atomically) in the data folder and reopened at the
 * next start; KeyMemory rewrites it whenever the open keys change. Turning it off, or saving with no keys open,
 * overwrites the sealed file with zeros and deletes it. The setting itself (remember-keys.json) holds no
 * secret. Nothing here logs; plaintext buffers are zeroed once used. Callers keep writes one at a time.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PkiError } from '../pki/errors';
import type { SecretSealer } from './secret-sealer';
import { writeFilesAtomically } from './write-files';

export const SEALED_KEYS_NAME = 'remembered-keys.sealed';
export const REMEMBER_SETTING_NAME = 'remember-keys.json';

/** The keys one document held, kept under that document's name. */
export interface RememberedDocument {
  name: string;
  /** PKCS#8 DER, one per key. */
  keys: Uint8Array[];
}

const MAGIC = new TextEncoder().encode('CBKEYS1\n');
/** Bounds a damaged payload cannot exceed (the payload is authenticated, so this only guards our own bugs). */
const MAX_DOCUMENTS = 10_000;
const MAX_KEYS = 100_000;

const damaged = () =>
  new PkiError('CORRUPT', 'The remembered keys are damaged and were not reopened.', 'Open the key files again; turn "Remember keys between sessions" off and on to start afresh.');

function encode(docs: readonly RememberedDocument[]): Uint8Array {
  const names = docs.map((d) => new TextEncoder().encode(d.name.slice(0, 1000)));
  let size = MAGIC.length + 4;
  docs.forEach((d, i) => (size += 2 + names[i].length + 4 + d.keys.reduce((n, k) => n + 4 + k.length, 0)));
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  let at = MAGIC.length;
  view.setUint32(at, docs.length);
  at += 4;
  docs.forEach((d, i) => {
    view.setUint16(at, names[i].length);
    out.set(names[i], at + 2);
    at += 2 + names[i].length;
    view.setUint32(at, d.keys.length);
    at += 4;
    for (const k of d.keys) {
      view.setUint32(at, k.length);
      out.set(k, at + 4);
      at += 4 + k.length;
    }
  });
  return out;
}

function decode(bytes: Uint8Array): RememberedDocument[] {
  if (bytes.length < MAGIC.length + 4 || !MAGIC.every((b, i) => bytes[i] === b)) throw damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = MAGIC.length;
  const need = (n: number) => {
    if (at + n > bytes.length) throw damaged();
  };
  const count = view.getUint32(at);
  at += 4;
  if (count > MAX_DOCUMENTS) throw damaged();
  const docs: RememberedDocument[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    need(2);
    const nameLength = view.getUint16(at);
    need(2 + nameLength);
    const name = new TextDecoder().decode(bytes.subarray(at + 2, at + 2 + nameLength));
    at += 2 + nameLength;
    need(4);
    const keyCount = view.getUint32(at);
    at += 4;
    if ((total += keyCount) > MAX_KEYS) throw damaged();
    const keys: Uint8Array[] = [];
    for (let k = 0; k < keyCount; k++) {
      need(4);
      const length = view.getUint32(at);
      need(4 + length);
      // A copy (Buffer's slice would share memory with the plaintext the caller zeroes).
      keys.push(Uint8Array.prototype.slice.call(bytes, at + 4, at + 4 + length));
      at += 4 + length;
    }
    docs.push({ name, keys });
  }
  if (at !== bytes.length) throw damaged();
  return docs;
}

export class RememberedKeys {
  private readonly sealedPath: string;
  private readonly settingPath: string;

  constructor(
    private readonly dataDir: string,
    private readonly sealer: SecretSealer,
  ) {
    this.sealedPath = join(dataDir, SEALED_KEYS_NAME);
    this.settingPath = join(dataDir, REMEMBER_SETTING_NAME);
  }

  /** Whether keys can be remembered here at all (a keyring, a passphrase file): the Settings switch is disabled otherwise. */
  available(): boolean {
    return this.sealer.available();
  }

  get protectedBy(): string {
    return this.sealer.description;
  }

  async enabled(): Promise<boolean> {
    try {
      return (JSON.parse(await fs.readFile(this.settingPath, 'utf8')) as { enabled?: unknown }).enabled === true;
    } catch {
      return false;
    }
  }

  /** Off wipes what was stored at once; on needs a sealer that works here. */
  async setEnabled(on: boolean): Promise<void> {
    if (on && !this.sealer.available())
      throw new PkiError(
        'INVALID_ARGUMENT',
        `Certbench cannot remember keys on this system: ${this.sealer.description} is not available.`,
        'On Linux, install and unlock a keyring (GNOME Keyring or KWallet), then try again.',
      );
    await fs.mkdir(this.dataDir, { recursive: true });
    await writeFilesAtomically([{ path: this.settingPath, bytes: new TextEncoder().encode(JSON.stringify({ enabled: on }) + '\n'), secret: false }], { overwrite: true });
    if (!on) await this.wipe();
  }

  /**
   * Seals the keys (replacing what was stored); with the setting off or no keys, leaves nothing on disk. The keys
   * are copied before the first wait: a document closed meanwhile zeroes the caller's buffers.
   */
  async save(docs: readonly RememberedDocument[]): Promise<void> {
    const withKeys = docs.filter((d) => d.keys.length > 0);
    const plain = withKeys.length > 0 ? encode(withKeys) : null;
    try {
      if (plain === null || !(await this.enabled())) return await this.wipe();
      const sealed = await this.sealer.seal(plain);
      await fs.mkdir(this.dataDir, { recursive: true });
      await writeFilesAtomically([{ path: this.sealedPath, bytes: sealed, secret: true }], { overwrite: true });
    } finally {
      plain?.fill(0);
    }
  }

  /** What the last session stored; [] when the setting is off or nothing was stored. The caller zeroes the keys once used. */
  async load(): Promise<RememberedDocument[]> {
    if (!(await this.enabled())) return [];
    let sealed: Uint8Array;
    try {
      sealed = await fs.readFile(this.sealedPath);
    } catch {
      return [];
    }
    const plain = await this.sealer.open(sealed);
    try {
      return decode(plain);
    } finally {
      plain.fill(0);
    }
  }

  /** Overwrites the sealed file with zeros, then deletes it (no-op when there is none). */
  async wipe(): Promise<void> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.sealedPath, 'r+');
    } catch {
      return;
    }
    try {
      const { size } = await handle.stat();
      await handle.write(new Uint8Array(size), 0, size, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rm(this.sealedPath, { force: true });
  }
}

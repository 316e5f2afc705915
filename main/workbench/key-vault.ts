/** Decrypted private keys, held in main only, behind opaque handles the renderer may see; and passwords kept for later reads. */
import { randomBytes } from '../pki/crypto';
import { hex } from '../pki/der/der';

const HANDLE_BYTES = 12;
/** Random bytes drawn at once for this many handles: a 500-key keystore asked the system for them 500 times. */
const HANDLES_PER_DRAW = 64;

/** Told that the set of keys changed (a key came in, or a closed document's keys left); never given key bytes. */
export type VaultChangeListener = () => void;

export class KeyVault {
  private keys = new Map<string, { pkcs8: Uint8Array; owner: string }>();
  private listeners = new Set<VaultChangeListener>();
  private random: Uint8Array = new Uint8Array(0);
  private randomAt = 0;

  put(pkcs8: Uint8Array, owner: string): string {
    const handle = 'key_' + hex(this.nextRandom()).toLowerCase();
    this.keys.set(handle, { pkcs8, owner });
    this.changed();
    return handle;
  }

  /** Follows changes to the set of keys ("remember keys" reseals on each); returns the way to stop. */
  onChange(listener: VaultChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Fresh random bytes for one handle, each byte used once. */
  private nextRandom(): Uint8Array {
    if (this.randomAt + HANDLE_BYTES > this.random.length) {
      this.random = randomBytes(HANDLE_BYTES * HANDLES_PER_DRAW);
      this.randomAt = 0;
    }
    this.randomAt += HANDLE_BYTES;
    return this.random.subarray(this.randomAt - HANDLE_BYTES, this.randomAt);
  }

  get(handle: string): Uint8Array | undefined {
    return this.keys.get(handle)?.pkcs8;
  }

  /** Forgets (and zeroes) every key a closed document brought in. */
  dropOwner(owner: string): void {
    const before = this.keys.size;
    for (const [handle, entry] of this.keys) {
      if (entry.owner === owner) {
        entry.pkcs8.fill(0);
        this.keys.delete(handle);
      }
    }
    if (this.keys.size !== before) this.changed();
  }

  /** Every key with the document that brought it in (main only: "remember keys" seals these). */
  *entries(): Iterable<{ owner: string; pkcs8: Uint8Array }> {
    for (const { owner, pkcs8 } of this.keys.values()) yield { owner, pkcs8 };
  }

  /**
   * Zeroes and forgets every key and every kept password (the app is quitting). Listeners are not told: the
   * sealed file must keep what quit sealed, not follow the vault to empty.
   */
  wipe(): void {
    for (const entry of this.keys.values()) entry.pkcs8.fill(0);
    this.keys.clear();
    this.passwords.clear();
  }

  private passwords = new Map<string, string>();

  /** Keeps a password the user gave for later reads (a watched keystore), by owner; memory only for now. */
  setPassword(owner: string, password: string): void {
    this.passwords.set(owner, password);
  }

  password(owner: string): string | undefined {
    return this.passwords.get(owner);
  }

  forgetPassword(owner: string): void {
    this.passwords.delete(owner);
  }

  get size(): number {
    return this.keys.size;
  }
}

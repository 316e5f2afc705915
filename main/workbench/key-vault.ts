/** Decrypted private keys, held in main only, behind opaque handles the renderer may see; and passwords kept for later reads. */
import { randomBytes } from '../pki/crypto';
import { hex } from '../pki/der/der';

const HANDLE_BYTES = 12;
/** Random bytes drawn at once for this many handles: a 500-key keystore asked the system for them 500 times. */
const HANDLES_PER_DRAW = 64;

export class KeyVault {
  private keys = new Map<string, { pkcs8: Uint8Array; owner: string }>();
  private random: Uint8Array = new Uint8Array(0);
  private randomAt = 0;

  put(pkcs8: Uint8Array, owner: string): string {
    const handle = 'key_' + hex(this.nextRandom()).toLowerCase();
    this.keys.set(handle, { pkcs8, owner });
    return handle;
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
    for (const [handle, entry] of this.keys) {
      if (entry.owner === owner) {
        entry.pkcs8.fill(0);
        this.keys.delete(handle);
      }
    }
  }

  /** Every key with the document that brought it in (main only: "remember keys" seals these at quit). */
  *entries(): Iterable<{ owner: string; pkcs8: Uint8Array }> {
    for (const { owner, pkcs8 } of this.keys.values()) yield { owner, pkcs8 };
  }

  /** Zeroes and forgets every key and every kept password (the app is quitting). */
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

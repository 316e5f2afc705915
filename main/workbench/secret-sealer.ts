/**
 * The port behind "remember keys between sessions": something that encrypts bytes at rest with a secret the
 * user's account holds. The desktop app uses Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet:
 * app/safe-storage-sealer.ts); tests and headless setups use a passphrase file (passphrase-sealer.ts).
 */
export interface SecretSealer {
  /** What the user is told protects the keys ("the macOS Keychain", "a passphrase file"). */
  readonly description: string;
  /** False when nothing safe is there to seal with (no keyring on Linux, no passphrase file): nothing is stored then. */
  available(): boolean;
  seal(plaintext: Uint8Array): Promise<Uint8Array>;
  /** Throws a PkiError when the bytes were not sealed by this sealer or were altered. */
  open(sealed: Uint8Array): Promise<Uint8Array>;
}

/**
 * "Remember keys" in the desktop app: Electron's safeStorage (macOS Keychain, Windows DPAPI, libsecret or
 * KWallet on Linux) wraps the data key of an EnvelopeSealer. Linux's 'basic_text' backend encrypts with a
 * hard-coded password, so there keys are not remembered at all. Use only after 'ready'.
 */
import { safeStorage } from 'electron';
import { EnvelopeSealer } from '../main/workbench/envelope-sealer';

function describe(): string {
  if (process.platform === 'darwin') return 'the macOS Keychain';
  if (process.platform === 'win32') return 'your Windows account (DPAPI)';
  return 'the system keyring';
}

function available(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function safeStorageSealer(): EnvelopeSealer {
  return new EnvelopeSealer({
    description: describe(),
    available,
    wrap: (secret) => safeStorage.encryptString(secret),
    unwrap: (blob) => safeStorage.decryptString(Buffer.from(blob)),
  });
}

/**
 * What the "Protect it" step asks for a target: a password (for a keystore, or the key's new passphrase),
 * the choice of an encrypted or a plain key, a PFX profile, an alias, and which certificates go with the leaf.
 */
import type { ConvertOptionsDto, ConvertTarget } from '../../../main/api/dto';

const CONTAINERS: readonly ConvertTarget[] = ['pfx', 'jks', 'jceks'];
const KEY_FILES: readonly ConvertTarget[] = ['pkcs8', 'pkcs8-der', 'pkcs1'];

export interface ProtectionNeeds {
  /** The output is a password-protected keystore (the password protects the key too). */
  container: boolean;
  /** A private key file is written: encrypted (recommended) or, by choice, plain. */
  keyChoice: boolean;
  profile: boolean;
  alias: boolean;
  includeChain: boolean;
  includeRoot: boolean;
  includeKey: boolean;
  /** The key may go to a file of its own beside the certificates (pem, fullchain, der, p7b). */
  separateKey: boolean;
  /** A JKS/JCEKS key entry may have a password of its own (keytool -keypass). */
  ownKeyPassword: boolean;
}

const SEPARATE_KEY: readonly ConvertTarget[] = ['pem', 'fullchain', 'der', 'p7b'];

/** Whether the output holds the private key outside a keystore (a key file, certbot's privkey.pem, a PEM with it). */
export function writesKeyFile(target: ConvertTarget, options: ConvertOptionsDto, hasKey: boolean): boolean {
  if (!hasKey) return false;
  if (KEY_FILES.includes(target) || target === 'certbot') return true;
  if (SEPARATE_KEY.includes(target) && options.separateKey === true) return true;
  // A PEM holds the key after the certificates unless told not to (CLI.md: "certs then key").
  return target === 'pem' && options.includeKey !== false;
}

export function protectionNeeds(target: ConvertTarget, options: ConvertOptionsDto, hasKey: boolean): ProtectionNeeds {
  const container = CONTAINERS.includes(target);
  return {
    container,
    keyChoice: writesKeyFile(target, options, hasKey),
    profile: target === 'pfx',
    alias: container,
    includeChain: ['pem', 'pfx', 'p7b', 'p7b-der', 'jks', 'jceks'].includes(target),
    includeRoot: ['pem', 'fullchain', 'certbot', 'p7b', 'p7b-der', 'pfx', 'jks', 'jceks'].includes(target),
    includeKey: target === 'pem' && hasKey,
    separateKey: SEPARATE_KEY.includes(target) && hasKey,
    ownKeyPassword: (target === 'jks' || target === 'jceks') && hasKey,
  };
}

/** Whether the Protect step has anything to ask. */
export function hasProtectStep(needs: ProtectionNeeds): boolean {
  return Object.values(needs).some(Boolean);
}

/** A password is needed: every keystore, and a key file unless the user chose "no passphrase". */
export function passwordRequired(needs: ProtectionNeeds, options: ConvertOptionsDto): boolean {
  return needs.container || (needs.keyChoice && options.noKeyEncryption !== true);
}

/** keytool refuses keystore passwords under 6 characters; OpenSSL asks for at least 4 for a PEM key. */
export function minimumLength(target: ConvertTarget): number {
  return target === 'jks' || target === 'jceks' ? 6 : target === 'pfx' ? 1 : 4;
}

/** What is wrong with the password pair, or null when it can be used. */
export function passwordProblem(target: ConvertTarget, password: string, confirm: string): string | null {
  const min = minimumLength(target);
  if (password.length === 0) return 'Enter a password.';
  if (password.length < min) return target === 'jks' || target === 'jceks' ? `At least ${min} characters: keytool and Java refuse shorter keystore passwords.` : `At least ${min} characters: OpenSSL refuses shorter passphrases.`;
  if (confirm !== password) return 'The two passwords differ.';
  return null;
}

/** Defaults as the contract states them, so the switches show what will happen when left alone. */
export function includeRootDefault(target: ConvertTarget): boolean {
  return !['pem', 'fullchain', 'certbot'].includes(target);
}

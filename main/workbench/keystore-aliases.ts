/**
 * Keystore aliases: Java keeps JKS and JCEKS aliases in lower case and treats them (and PKCS#12 aliases)
 * without regard to case, so two entries whose aliases differ only in case cannot live in one keystore.
 */
import type { KeystoreKind } from '../api/dto';
import { PkiError } from '../pki/errors';

/** The alias as it will be stored in a keystore of `kind`; INVALID_ARGUMENT when blank. */
export function normalizeAlias(kind: KeystoreKind, alias: string): string {
  const trimmed = alias.trim();
  if (!trimmed) throw new PkiError('INVALID_ARGUMENT', 'An alias cannot be empty.', 'Give the entry a name such as "server" or "rootca".');
  return kind === 'pkcs12' ? trimmed : trimmed.toLowerCase();
}

export const sameAlias = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** `base` if free, else base-2, base-3 ... (as keytool users name copies). */
export function uniqueAlias(base: string, taken: (alias: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** An alias made from a certificate's common name ("Certbench E2E Root" → "certbench e2e root" in a JKS). */
export function aliasFromName(kind: KeystoreKind, commonName: string | null, fallback: string): string {
  const name = (commonName ?? '').replace(/[\u0000-\u001f]/g, '').trim();
  return normalizeAlias(kind, name || fallback);
}

export function aliasTaken(alias: string): PkiError {
  return new PkiError('INVALID_ARGUMENT', `The keystore already has an entry named '${alias}'.`, 'Choose another alias, or rename or delete the existing entry first.');
}

export function noSuchAlias(alias: string): PkiError {
  return new PkiError('NOT_FOUND', `The keystore has no entry named '${alias}'.`, 'Pick an alias from the list of entries.');
}

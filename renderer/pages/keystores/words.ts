/** Plain words for keystores: kinds and who needs each, entry types, file names, chains. */
import type { KeystoreCertDto, KeystoreEntryDto, KeystoreKind } from '../../../main/api/dto';
import { spanWords } from '../inspect/words';

export interface KindInfo {
  label: string;
  extension: string;
  /** One line: who needs this kind. */
  who: string;
}

export const KINDS: Record<KeystoreKind, KindInfo> = {
  jks: { label: 'JKS', extension: 'jks', who: 'Java 8 and older clients, and most Java setup guides ("keytool -keystore x.jks").' },
  jceks: { label: 'JCEKS', extension: 'jceks', who: 'Java applications that also keep secret keys; stronger key protection than JKS.' },
  pkcs12: { label: 'PKCS#12', extension: 'p12', who: 'Java 9 and later (their default), Windows, macOS and OpenSSL; trusted certificates marked so Java sees them.' },
};

export const KIND_ORDER: KeystoreKind[] = ['jks', 'jceks', 'pkcs12'];

export const ENTRY_TYPE_WORDS: Record<KeystoreEntryDto['type'], string> = {
  privateKey: 'Key pair',
  trustedCert: 'Trusted certificate',
  secretKey: 'Secret key',
};

/** The value of the CN in an RFC 4514-ish subject string ("CN=shop.example.test, O=Example"), else the whole subject. */
export function cnOf(subject: string): string {
  const m = /(?:^|[,/]\s*)CN\s*=\s*((?:\\.|[^,/])+)/.exec(subject);
  return m ? m[1]!.replace(/\\(.)/g, '$1').trim() : subject || '(empty name)';
}

/** `name` with the extension of `kind`, replacing a keystore extension it already has. */
export function fileNameFor(name: string, kind: KeystoreKind): string {
  const base = name.replace(/\.(jks|jceks|p12|pfx|keystore|ks|bks|truststore)$/i, '').trim() || 'keystore';
  return `${base}.${KINDS[kind].extension}`;
}

/** "Leaf, intermediate, root" words for a position in a chain listed leaf first. */
export function chainRole(chain: KeystoreCertDto[], index: number): 'Certificate' | 'Intermediate CA' | 'Root CA' | 'CA' {
  const cert = chain[index]!;
  if (index === 0 && !cert.isCA) return 'Certificate';
  if (cert.selfSigned) return 'Root CA';
  return index === 0 ? 'CA' : 'Intermediate CA';
}

/** Aliases compare case-insensitively: JKS and keytool store them lower-cased. */
export function aliasTaken(entries: KeystoreEntryDto[], alias: string, except?: string): boolean {
  const a = alias.trim().toLowerCase();
  return entries.some((e) => e.alias.toLowerCase() === a && e.alias !== except);
}

/** "2 key pairs, 1 trusted certificate" */
export function countWords(entries: KeystoreEntryDto[]): string {
  if (entries.length === 0) return 'No entries yet';
  const counts = new Map<KeystoreEntryDto['type'], number>();
  for (const e of entries) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const plural: Record<KeystoreEntryDto['type'], [string, string]> = {
    privateKey: ['key pair', 'key pairs'],
    trustedCert: ['trusted certificate', 'trusted certificates'],
    secretKey: ['secret key', 'secret keys'],
  };
  return [...counts].map(([type, n]) => `${n} ${plural[type][n === 1 ? 0 : 1]}`).join(', ');
}

/** An alias from a certificate's CN, as keytool users write them: lower case, no spaces, unique in the store. */
export function suggestAlias(subject: string | null, entries: KeystoreEntryDto[], fallback = 'entry'): string {
  const base =
    (subject ? cnOf(subject) : '')
      .toLowerCase()
      .replace(/[^a-z0-9._@-]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback;
  let alias = base;
  for (let n = 2; aliasTaken(entries, alias); n++) alias = `${base}-${n}`;
  return alias;
}

/** How long a certificate has left, for a table cell: "398 days left", "9 years left", "Expired 3 days ago". */
export function shortExpiryWords(cert: Pick<KeystoreCertDto, 'notAfter' | 'daysLeft'>): string {
  const d = cert.daysLeft;
  if (d === null || !cert.notAfter) return 'Bad dates';
  if (d < 0) return `Expired ${spanWords(d)} ago`;
  return d === 0 ? 'Expires today' : `${spanWords(d)} left`;
}

/** keytool refuses store and key passwords shorter than this (and so would anyone following a keytool guide). */
export const KEYTOOL_MIN_LENGTH = 6;

/** What is wrong with a new store or key password typed twice, or null when it can be used. */
export function newPasswordProblem(password: string, confirm: string): string | null {
  if (password.length < KEYTOOL_MIN_LENGTH) return `Use at least ${KEYTOOL_MIN_LENGTH} characters (keytool refuses shorter passwords).`;
  if (confirm !== password) return confirm === '' ? 'Type it again to confirm.' : 'The two passwords differ.';
  return null;
}

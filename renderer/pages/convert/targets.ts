/**
 * What the user can ask for, described by who needs it: each card is a ConvertTarget with the options that
 * make it right for that someone (a PFX profile, a key without its passphrase, certificates without the key).
 */
import type { ConvertOptionsDto, ConvertTarget, PfxProfile } from '../../../main/api/dto';

/** What an input must hold for a card to make sense. */
export type Needs = 'certificate' | 'key';

export interface TargetChoice {
  /** A card id, or `format:<target>` for an entry of the "All formats" list. */
  id: string;
  target: ConvertTarget;
  /** Options the card sets (the Protect step may still change them). */
  options: ConvertOptionsDto;
}

export interface TargetCard extends TargetChoice {
  /** Who needs it, in their words ("nginx / Apache"). */
  title: string;
  /** What it writes, in one line. */
  writes: string;
  needs: Needs;
}

export const TARGET_CARDS: readonly TargetCard[] = [
  { id: 'iis', title: 'Windows Server / IIS', target: 'pfx', options: { profile: 'modern' }, needs: 'certificate', writes: 'One .pfx with the certificate, its chain and the key, AES-256 (Windows Server 2019+, Azure, hosted platforms)' },
  { id: 'pfx-legacy', title: 'Older Windows Server, macOS Keychain, Java 8', target: 'pfx', options: { profile: 'legacy' }, needs: 'certificate', writes: 'One .pfx in the old ciphers (3DES, RC2-40, SHA-1 MAC) that older software and appliances open' },
  { id: 'nginx', title: 'nginx / Apache', target: 'certbot', options: {}, needs: 'certificate', writes: 'cert.pem, chain.pem, fullchain.pem and privkey.pem, as certbot names them' },
  { id: 'java8', title: 'Java 8 client', target: 'jks', options: {}, needs: 'certificate', writes: 'A JKS keystore: the key and its chain under one alias' },
  { id: 'java11', title: 'Java 11+', target: 'pfx', options: { profile: 'java' }, needs: 'certificate', writes: 'A PKCS#12 keystore whose trusted certificates Java’s KeyStore sees' },
  { id: 'appliance', title: 'Appliance that wants DER', target: 'der', options: {}, needs: 'certificate', writes: 'The certificate alone, binary DER (.cer)' },
  { id: 'p7b', title: 'Windows chain (.p7b)', target: 'p7b', options: {}, needs: 'certificate', writes: 'The certificates leaf to root as PKCS#7, no key' },
  { id: 'java-key', title: 'Java service key', target: 'pkcs8-der', options: { noKeyEncryption: true }, needs: 'key', writes: 'The private key as DER PKCS#8 without a passphrase, as Java’s PKCS8EncodedKeySpec reads it' },
  { id: 'no-passphrase', title: 'Key without its passphrase', target: 'pkcs8', options: { noKeyEncryption: true }, needs: 'key', writes: 'The private key as PEM (BEGIN PRIVATE KEY), unencrypted, for servers that cannot ask' },
  { id: 'traditional', title: 'Key for old tools (traditional)', target: 'pkcs1', options: {}, needs: 'key', writes: 'BEGIN RSA / EC PRIVATE KEY, optionally encrypted (DEK-Info AES-256-CBC)' },
  { id: 'stripped', title: 'Certificates only, key stripped', target: 'pem', options: { includeKey: false }, needs: 'certificate', writes: 'One PEM with the certificates, leaf first: the private key left out' },
  { id: 'fullchain', title: 'Fullchain', target: 'fullchain', options: {}, needs: 'certificate', writes: 'fullchain.pem: the leaf and its intermediates, no root, no key' },
];

/** Every ConvertTarget by its name, for the "All formats" list. */
export const ALL_FORMATS: readonly { target: ConvertTarget; name: string; writes: string; needs: Needs }[] = [
  { target: 'pem', name: 'PEM', writes: 'Certificates leaf first; the key too if you choose', needs: 'certificate' },
  { target: 'fullchain', name: 'Fullchain PEM', writes: 'Leaf and intermediates, no root, no key', needs: 'certificate' },
  { target: 'certbot', name: 'certbot set', writes: 'cert.pem, chain.pem, fullchain.pem, privkey.pem', needs: 'certificate' },
  { target: 'der', name: 'DER', writes: 'One certificate, binary', needs: 'certificate' },
  { target: 'p7b', name: 'P7B (PEM)', writes: 'PKCS#7 certificates, base64', needs: 'certificate' },
  { target: 'p7b-der', name: 'P7B (DER)', writes: 'PKCS#7 certificates, binary', needs: 'certificate' },
  { target: 'pfx', name: 'PFX / P12', writes: 'PKCS#12: key and certificates under a password', needs: 'certificate' },
  { target: 'jks', name: 'JKS', writes: 'Java keystore', needs: 'certificate' },
  { target: 'jceks', name: 'JCEKS', writes: 'Java keystore with stronger key protection (3DES)', needs: 'certificate' },
  { target: 'pkcs8', name: 'PKCS#8 (PEM)', writes: 'BEGIN PRIVATE KEY / BEGIN ENCRYPTED PRIVATE KEY', needs: 'key' },
  { target: 'pkcs8-der', name: 'PKCS#8 (DER)', writes: 'The key, binary', needs: 'key' },
  { target: 'pkcs1', name: 'PKCS#1 / SEC1 (traditional)', writes: 'BEGIN RSA / EC PRIVATE KEY', needs: 'key' },
];

export const formatChoice = (target: ConvertTarget): TargetChoice => ({ id: `format:${target}`, target, options: {} });

/** The card an intent or a previous choice stands for: a card when one matches target and its options, else the format. */
export function choiceFor(target: ConvertTarget, options: ConvertOptionsDto = {}): TargetChoice {
  const card = TARGET_CARDS.find((c) => c.target === target && Object.entries(c.options).every(([k, v]) => options[k as keyof ConvertOptionsDto] === v));
  return card ? { id: card.id, target, options: { ...card.options, ...options } } : { ...formatChoice(target), options };
}

/** The name a person reads for a target ("PFX / P12"). */
export function targetName(target: ConvertTarget): string {
  return ALL_FORMATS.find((f) => f.target === target)?.name ?? target;
}

export const PROFILE_WORDS: Record<PfxProfile, { name: string; who: string }> = {
  modern: { name: 'Modern', who: 'AES-256 and SHA-256: Windows Server 2019+, OpenSSL 3, current browsers and Java 11+.' },
  legacy: { name: 'Legacy', who: '3DES, RC2-40 and SHA-1: older Windows Server, macOS Keychain, Java 8 and appliances (OpenSSL 3 needs -legacy).' },
  java: { name: 'Java', who: 'Modern, and trusted certificates marked so Java’s KeyStore lists them (truststores).' },
};

/** Why a card cannot be used with what was found, or null when it can. */
export function unavailableReason(needs: Needs, found: { certificates: number; privateKeys: number } | null): string | null {
  if (!found) return null;
  if (needs === 'key' && found.privateKeys === 0) return 'Needs a private key: none was found';
  if (needs === 'certificate' && found.certificates === 0) return 'Needs a certificate: none was found';
  return null;
}

/** Key usage and extended key usage in the user's words: the usual ones first, the rest in the advanced section. */
import type { KeyUsageName } from '../../../main/api/dto';

export const KEY_USAGES: readonly { name: KeyUsageName; label: string; usual: boolean }[] = [
  { name: 'digitalSignature', label: 'Digital signature (TLS with ECDHE, signing)', usual: true },
  { name: 'keyEncipherment', label: 'Key encipherment (RSA key exchange)', usual: true },
  { name: 'nonRepudiation', label: 'Non-repudiation (content commitment)', usual: false },
  { name: 'dataEncipherment', label: 'Data encipherment', usual: false },
  { name: 'keyAgreement', label: 'Key agreement', usual: false },
  { name: 'keyCertSign', label: 'Sign certificates (CA only)', usual: false },
  { name: 'cRLSign', label: 'Sign CRLs (CA only)', usual: false },
  { name: 'encipherOnly', label: 'Encipher only', usual: false },
  { name: 'decipherOnly', label: 'Decipher only', usual: false },
];

export const EXTENDED_USAGES: readonly { name: string; label: string; usual: boolean }[] = [
  { name: 'serverAuth', label: 'TLS server (websites, APIs)', usual: true },
  { name: 'clientAuth', label: 'TLS client (mutual TLS)', usual: true },
  { name: 'codeSigning', label: 'Code signing', usual: false },
  { name: 'emailProtection', label: 'Email (S/MIME)', usual: false },
  { name: 'timeStamping', label: 'Time stamping', usual: false },
  { name: 'OCSPSigning', label: 'OCSP signing', usual: false },
];

const KNOWN_EKU = new Set(EXTENDED_USAGES.map((u) => u.name));

/** Extended key usages given as OIDs or names the checkboxes do not have. */
export const otherUsages = (list: readonly string[]) => list.filter((u) => !KNOWN_EKU.has(u));

/** "1.2.3.4, 1.3.6.1.5.5.7.3.17" → the dotted OIDs, without the known names (they have checkboxes). */
export function parseOtherUsages(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((t) => t !== ''))];
}

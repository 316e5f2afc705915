/** The ACME CAs offered first. Any other directory URL works as 'custom'. */
import type { AcmeCaDto } from '../../api/dto';

export const LETS_ENCRYPT_STAGING = 'https://acme-staging-v02.api.letsencrypt.org/directory';
export const LETS_ENCRYPT = 'https://acme-v02.api.letsencrypt.org/directory';

export const ACME_CAS: readonly AcmeCaDto[] = [
  { id: 'letsencrypt-staging', name: "Let's Encrypt (staging)", directoryUrl: LETS_ENCRYPT_STAGING, staging: true },
  { id: 'letsencrypt', name: "Let's Encrypt", directoryUrl: LETS_ENCRYPT, staging: false },
];

/** The name an order shows for its CA: a known one, or the directory's host ("127.0.0.1:14000"). */
export function caFor(directoryUrl: string): { name: string; staging: boolean } {
  const known = ACME_CAS.find((ca) => ca.directoryUrl === directoryUrl);
  if (known) return { name: known.name, staging: known.staging };
  let host = directoryUrl;
  try {
    host = new URL(directoryUrl).host;
  } catch {
    // an unparsable URL is refused when the order starts; the name is only for display
  }
  return { name: host, staging: /staging|pebble|localhost|127\.0\.0\.1|\[::1\]/i.test(directoryUrl) };
}

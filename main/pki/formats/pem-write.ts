/** PEM text as OpenSSL writes it: 64-column base64, LF line ends, a trailing newline after each block. */
import { toPem } from './pem-blocks';

/** One PEM block ("CERTIFICATE", "PRIVATE KEY", "PKCS7" ...). */
export function pemBlock(label: string, der: Uint8Array): string {
  return toPem(label, der);
}

/** CERTIFICATE blocks in the given order, concatenated (a chain or fullchain file). */
export function certificatesPem(ders: readonly Uint8Array[]): string {
  return ders.map((der) => toPem('CERTIFICATE', der)).join('');
}

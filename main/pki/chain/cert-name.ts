/** What a person calls a certificate in a message: its subject CN, else its whole subject. */
import { readName } from '../x509/name';
import type { ChainCert } from './chain-cert';

export function certName(cert: ChainCert): string {
  const parts = readName(cert.fields.subject).parts;
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i].name === 'CN' && parts[i].value) return parts[i].value;
  return cert.subject || '(a certificate with an empty subject)';
}

/** The CN of an issuer name when the issuer itself is not at hand. */
export function issuerName(cert: ChainCert): string {
  const parts = readName(cert.fields.issuer).parts;
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i].name === 'CN' && parts[i].value) return parts[i].value;
  return cert.issuer || '(an empty name)';
}

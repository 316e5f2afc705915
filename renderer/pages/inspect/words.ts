/** Plain words for what the engine reports: labels, name parts, usages, formats, dates. */
import type { DocumentDto, NamePart, ObjectDto, OcspSingleResponseDto } from '../../../main/api/dto';

export function commonName(parts: NamePart[], fallback: string): string {
  return parts.find((p) => p.name === 'CN')?.value ?? (fallback || '(empty name)');
}

export function keyWords(alg: string, size: number | null, curve: string | null): string {
  if (curve) return `${alg} ${curve}`;
  if (size) return `${alg} ${size}-bit`;
  return alg;
}

export function objectLabel(o: ObjectDto): string {
  switch (o.kind) {
    case 'certificate':
      return commonName(o.subjectParts, o.subject);
    case 'privateKey':
      return `${keyWords(o.keyAlgorithm, o.keySize, o.curve)} private key`;
    case 'publicKey':
      return `${keyWords(o.keyAlgorithm, o.keySize, o.curve)} public key`;
    case 'csr':
      return `Request for ${commonName(o.subjectParts, o.subject)}`;
    case 'crl':
      return `Revocation list of ${commonName(o.issuerParts, o.issuer)}`;
    case 'ocspResponse':
      return o.responses.length === 1 ? `OCSP response for serial ${colonHex(o.responses[0].serial)}` : `OCSP response (${o.responseStatus})`;
    case 'secretKey':
      return `${o.algorithm}${o.keySize ? ` ${o.keySize}-bit` : ''} secret key`;
    case 'unsupported':
      return o.what;
  }
}

export const KIND_WORDS: Record<ObjectDto['kind'], string> = {
  certificate: 'Certificate',
  privateKey: 'Private key',
  publicKey: 'Public key',
  csr: 'Certificate request',
  crl: 'Revocation list',
  ocspResponse: 'OCSP response',
  secretKey: 'Secret key',
  unsupported: 'Not supported',
};

/** What went wrong with an object that could not be read, in two or three words. */
export function problemWords(code: string): string {
  const words: Record<string, string> = {
    CORRUPT: 'Damaged',
    PASSWORD_REQUIRED: 'Needs the password',
    WRONG_PASSWORD: 'Wrong password',
    UNSUPPORTED_ALGORITHM: 'Not supported',
    INTEGRITY_FAILED: 'Integrity check failed',
  };
  return words[code] ?? 'Could not be read';
}

const PART_WORDS: Record<string, string> = {
  CN: 'Common name',
  O: 'Organization',
  OU: 'Organizational unit',
  L: 'City or locality',
  ST: 'State or province',
  C: 'Country',
  emailAddress: 'Email',
  E: 'Email',
  DC: 'Domain component',
  serialNumber: 'Serial number',
  street: 'Street',
  postalCode: 'Postal code',
  title: 'Title',
  GN: 'Given name',
  SN: 'Surname',
  UID: 'User ID',
};

export function partWords(p: NamePart): string {
  return PART_WORDS[p.name] ?? p.name;
}

const USAGE_WORDS: Record<string, string> = {
  serverAuth: 'TLS server',
  clientAuth: 'TLS client',
  codeSigning: 'Code signing',
  emailProtection: 'Email protection',
  timeStamping: 'Time stamping',
  OCSPSigning: 'OCSP signing',
  ocspSigning: 'OCSP signing',
  digitalSignature: 'Digital signature',
  nonRepudiation: 'Non-repudiation',
  contentCommitment: 'Content commitment',
  keyEncipherment: 'Key encipherment',
  dataEncipherment: 'Data encipherment',
  keyAgreement: 'Key agreement',
  keyCertSign: 'Signs certificates',
  cRLSign: 'Signs CRLs',
  encipherOnly: 'Encipher only',
  decipherOnly: 'Decipher only',
  anyExtendedKeyUsage: 'Any purpose',
};

export function usageWords(u: string): string {
  return USAGE_WORDS[u] ?? u;
}

const FORMAT_WORDS: Record<string, string> = {
  pem: 'PEM',
  der: 'DER',
  pkcs7: 'P7B',
  pkcs12: 'PFX / P12',
  jks: 'JKS',
  jceks: 'JCEKS',
  pkcs8: 'PKCS#8',
  pkcs1: 'PKCS#1',
  sec1: 'SEC1',
  spki: 'Public key',
  csr: 'CSR',
  crl: 'CRL',
  'ocsp-response': 'OCSP response',
  'openssl-config': 'OpenSSL config',
};

export function encodingWords(encoding: string): string {
  const words: Record<string, string> = { pkcs12: 'Inside a PKCS#12 (PFX) file', jks: 'Inside a Java keystore (JKS)', jceks: 'Inside a Java keystore (JCEKS)', pkcs8: 'PKCS#8', pkcs1: 'PKCS#1 (RSA)', sec1: 'SEC1 (EC)' };
  return words[encoding] ?? encoding.toUpperCase();
}

export function formatWords(d: DocumentDto): string | null {
  return d.format ? (FORMAT_WORDS[d.format] ?? d.format.toUpperCase()) : null;
}

/** "12 Mar 2027": day, short month, year, in UTC as certificates state their times (and as OpenSSL prints them). */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

// One formatter for all dates: toLocaleDateString builds a new one per call, the slowest part of a list scroll.
const DATE = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

const TWO_YEARS_DAYS = 730;

/** A span in days as a person says it: days up to two years, whole years beyond. */
export function spanWords(n: number): string {
  const d = Math.abs(n);
  if (d <= TWO_YEARS_DAYS) return days(d);
  return `${Math.floor(d / 365.25)} years`;
}

export interface ExpiryFacts {
  notBefore?: string | null;
  notAfter: string | null;
  daysLeft: number | null;
  validity: 'valid' | 'expired' | 'not-yet-valid' | 'invalid-time' | null;
}

/** "Expires 12 Mar 2027, in 105 days", "Expired 3 Jan 2025, 325 days ago": the date next to the count. */
export function expiryWords(c: ExpiryFacts): string {
  if (c.validity === 'invalid-time' || c.daysLeft === null || !c.notAfter) return 'Bad validity dates';
  const date = formatDate(c.notAfter);
  if (c.validity === 'not-yet-valid') return c.notBefore ? `Not valid until ${formatDate(c.notBefore)}` : 'Not valid yet';
  if (c.validity === 'expired' || c.daysLeft < 0) return c.daysLeft === 0 ? `Expired today, ${date}` : `Expired ${date}, ${spanWords(c.daysLeft)} ago`;
  return c.daysLeft === 0 ? `Expires today, ${date}` : `Expires ${date}, in ${spanWords(c.daysLeft)}`;
}

/**
 * Where an object sits, for the list: a PEM block or a keystore entry's chain position; PKCS#12 internals
 * ("safe 1, bag 2") and the entry name (shown as the alias) are left to the details.
 */
export function placeWords(location: string | null): string | null {
  if (!location) return null;
  if (/^safe \d+/i.test(location)) return null;
  const entry = /^entry '.*?'(?:, (.*))?$/.exec(location);
  if (entry) return entry[1] ?? null;
  return location;
}

/** "AB:CD:EF..." from uppercase hex. */
export function colonHex(hex: string): string {
  if (hex.startsWith('-')) return '-' + colonHex(hex.slice(1));
  return hex.replace(/:/g, '').toUpperCase().match(/.{1,2}/g)?.join(':') ?? hex;
}

export function bytesWords(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** "Revoked on 3 Mar 2026 (keyCompromise)", for one certificate an OCSP response names. */
export function revokedWords(r: OcspSingleResponseDto): string {
  return `Revoked${r.revocationTime ? ` on ${formatDate(r.revocationTime)}` : ''}${r.revocationReason ? ` (${r.revocationReason})` : ''}`;
}

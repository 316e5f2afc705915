/**
 * What the PKCS#12 container structure (RFC 7292 sections 4 and 4.2) is read into, whichever reader reads it
 * (pkcs12-safes-der.ts for strict DER, pkcs12-safes.ts with asn1js for the rest): the object identifiers, the
 * parts and bags, and the entries both readers build the same way.
 */
import { PkiError } from '../errors';
import type { MacSpec } from './pkcs12-mac';
import type { PbeScheme } from './scheme';

export const CT = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
};

export const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  crl: '1.2.840.113549.1.12.10.1.4',
  secret: '1.2.840.113549.1.12.10.1.5',
  safeContents: '1.2.840.113549.1.12.10.1.6',
};

export const ATTR = {
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  oracleTrustedKeyUsage: '2.16.840.1.113894.746875.1.1',
};

export const X509_CERT = '1.2.840.113549.1.9.22.1';
export const X509_CRL = '1.2.840.113549.1.9.23.1';

/** One ContentInfo of the AuthenticatedSafe. */
export type SafePart =
  | { kind: 'plain'; location: string; contents: Uint8Array }
  | { kind: 'encrypted'; location: string; scheme: PbeScheme; data: Uint8Array }
  | { kind: 'unsupported'; location: string; error: PkiError };

export interface PfxStructure {
  /** The bytes the MAC covers: the AuthenticatedSafe encoding inside the outer OCTET STRING. */
  authSafe: Uint8Array;
  parts: SafePart[];
  mac?: MacSpec;
}

export interface BagAttributes {
  alias?: string;
  localKeyId?: string;
  trusted?: boolean;
}

export type SafeBag = BagAttributes & { location: string } & (
    | { kind: 'key'; pkcs8: Uint8Array }
    | { kind: 'shroudedKey'; scheme: PbeScheme; data: Uint8Array }
    /** Java keytool's secret keys: a secretBag holding an EncryptedPrivateKeyInfo of a PKCS#8-shaped secret. */
    | { kind: 'shroudedSecret'; scheme: PbeScheme; data: Uint8Array }
    | { kind: 'certificate'; der: Uint8Array }
    | { kind: 'crl'; der: Uint8Array }
    | { kind: 'unsupported'; what: string; error: PkiError }
  );

type Located = BagAttributes & { location: string };

export const signedDataUnsupported = () =>
  new PkiError(
    'UNSUPPORTED_ALGORITHM',
    'This PKCS#12 file uses public-key integrity mode (signedData), which Certbench cannot read.',
    'Re-export it with password integrity (the usual mode).',
  );

/** A ContentInfo of a type other than data or encryptedData (`what` names it). */
export function unsupportedPart(location: string, what: string): SafePart {
  return {
    kind: 'unsupported',
    location,
    error: new PkiError('UNSUPPORTED_ALGORITHM', `Part of the file (${location}) uses ${what}, which Certbench cannot read.`, 'Re-export it with password encryption.'),
  };
}

/** An encrypted part; an algorithm we cannot decrypt makes it an unsupported one. */
export function encryptedPart(location: string, data: Uint8Array, readScheme: () => PbeScheme): SafePart {
  try {
    return { kind: 'encrypted', location, scheme: readScheme(), data };
  } catch (e) {
    if (e instanceof PkiError && e.code === 'UNSUPPORTED_ALGORITHM') return { kind: 'unsupported', location, error: e };
    throw e;
  }
}

/** An EncryptedPrivateKeyInfo in a bag; an algorithm we cannot decrypt becomes an unsupported entry. */
export function shroudedBag(kind: 'shroudedKey' | 'shroudedSecret', data: Uint8Array, readScheme: () => PbeScheme, attrs: Located): SafeBag {
  try {
    return { kind, scheme: readScheme(), data, ...attrs };
  } catch (e) {
    if (e instanceof PkiError && e.code === 'UNSUPPORTED_ALGORITHM') return { kind: 'unsupported', what: kind === 'shroudedKey' ? 'private key' : 'secret key', error: e, ...attrs };
    throw e;
  }
}

export function unsupportedBag(what: string, attrs: Located): SafeBag {
  return {
    kind: 'unsupported',
    what,
    error: new PkiError('UNSUPPORTED_ALGORITHM', `The file holds ${what}, which Certbench can list but not read.`, 'Other entries are shown; this one is skipped.'),
    ...attrs,
  };
}

/** Object identifiers for password-based encryption and PKCS#12, with the names people search for. */
import type { HashName } from '../crypto';

export const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbmac1: '1.2.840.113549.1.5.14',
  pbeWithSHAAnd128BitRC4: '1.2.840.113549.1.12.1.1',
  pbeWithSHAAnd40BitRC4: '1.2.840.113549.1.12.1.2',
  pbeWithSHAAnd3KeyTripleDESCBC: '1.2.840.113549.1.12.1.3',
  pbeWithSHAAnd2KeyTripleDESCBC: '1.2.840.113549.1.12.1.4',
  pbeWithSHAAnd128BitRC2CBC: '1.2.840.113549.1.12.1.5',
  pbeWithSHAAnd40BitRC2CBC: '1.2.840.113549.1.12.1.6',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  desEde3Cbc: '1.2.840.113549.3.7',
} as const;

/** PBKDF2 PRFs (RFC 8018 B.1.2) by OID. */
export const PRF_HASH: Record<string, HashName> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

/** Digest algorithms used by the PKCS#12 MAC (DigestInfo). */
export const DIGEST_HASH: Record<string, HashName> = {
  '1.2.840.113549.2.5': 'md5',
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** The OID of a hash's PBKDF2 PRF (hmacWithSHA256 ...), for writers. */
export function prfOid(hash: HashName): string {
  return oidFor(PRF_HASH, hash);
}

/** The OID of a digest algorithm (sha256 ...), for the PKCS#12 MAC a writer computes. */
export function digestOid(hash: HashName): string {
  return oidFor(DIGEST_HASH, hash);
}

function oidFor(table: Record<string, HashName>, hash: HashName): string {
  const found = Object.keys(table).find((oid) => table[oid] === hash);
  if (!found) throw new RangeError(`no OID for ${hash}`);
  return found;
}

export const HASH_LABEL: Record<HashName, string> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

/** Names for algorithms we recognise, including ones we refuse, so errors can name them. */
const NAMES: Record<string, string> = {
  [OID.pbes2]: 'PBES2',
  [OID.pbkdf2]: 'PBKDF2',
  [OID.pbmac1]: 'PBMAC1',
  [OID.pbeWithSHAAnd128BitRC4]: 'pbeWithSHAAnd128BitRC4',
  [OID.pbeWithSHAAnd40BitRC4]: 'pbeWithSHAAnd40BitRC4',
  [OID.pbeWithSHAAnd3KeyTripleDESCBC]: 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  [OID.pbeWithSHAAnd2KeyTripleDESCBC]: 'pbeWithSHAAnd2-KeyTripleDES-CBC',
  [OID.pbeWithSHAAnd128BitRC2CBC]: 'pbeWithSHAAnd128BitRC2-CBC',
  [OID.pbeWithSHAAnd40BitRC2CBC]: 'pbeWithSHAAnd40BitRC2-CBC',
  '1.2.840.113549.1.5.1': 'pbeWithMD2AndDES-CBC',
  '1.2.840.113549.1.5.3': 'pbeWithMD5AndDES-CBC',
  '1.2.840.113549.1.5.4': 'pbeWithMD2AndRC2-CBC',
  '1.2.840.113549.1.5.6': 'pbeWithMD5AndRC2-CBC',
  '1.2.840.113549.1.5.10': 'pbeWithSHA1AndDES-CBC',
  '1.2.840.113549.1.5.11': 'pbeWithSHA1AndRC2-CBC',
  '1.3.6.1.4.1.11591.4.11': 'scrypt',
  '1.3.6.1.4.1.42.2.19.1': 'PBEWithMD5AndTripleDES (Sun JCE)',
  [OID.aes128Cbc]: 'AES-128-CBC',
  [OID.aes192Cbc]: 'AES-192-CBC',
  [OID.aes256Cbc]: 'AES-256-CBC',
  [OID.desEde3Cbc]: 'DES-EDE3-CBC',
  '1.3.14.3.2.7': 'DES-CBC',
  '1.2.840.113549.3.2': 'RC2-CBC',
  '2.16.840.1.101.3.4.1.6': 'AES-128-GCM',
  '2.16.840.1.101.3.4.1.46': 'AES-256-GCM',
  '1.2.643.7.1.1.1.1': 'GOST R 34.10-2012',
  '1.2.840.113549.2.5': 'MD5',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.5': 'SHA-512/224',
  '2.16.840.1.101.3.4.2.6': 'SHA-512/256',
  '1.2.840.113549.2.7': 'hmacWithSHA1',
  '1.2.840.113549.2.8': 'hmacWithSHA224',
  '1.2.840.113549.2.9': 'hmacWithSHA256',
  '1.2.840.113549.2.10': 'hmacWithSHA384',
  '1.2.840.113549.2.11': 'hmacWithSHA512',
};

/** "name (OID)" or just the OID when we have no name for it. */
export function describeOid(oid: string): string {
  const name = NAMES[oid];
  return name ? `${name} (${oid})` : `OID ${oid}`;
}

export function oidName(oid: string): string {
  return NAMES[oid] ?? oid;
}

/** Key algorithm and curve identifiers, with the names people know them by. */

export const KEY_OID = {
  rsa: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ec: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  dsa: '1.2.840.10040.4.1',
  dh: '1.2.840.113549.1.3.1',
  x942dh: '1.2.840.10046.2.1',
  ecdh: '1.3.132.1.12',
  sm2: '1.2.156.10197.1.301',
  gost2012_256: '1.2.643.7.1.1.1.1',
  gost2012_512: '1.2.643.7.1.1.1.2',
} as const;

/** The curves Certbench works with (both OpenSSL and BoringSSL have them). */
export const SUPPORTED_CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

/** Curves we can name in an honest "not supported" message. */
export const OTHER_CURVES: Record<string, string> = {
  '1.3.132.0.10': 'secp256k1',
  '1.2.840.10045.3.1.1': 'P-192 (prime192v1)',
  '1.3.132.0.33': 'P-224 (secp224r1)',
  '1.3.36.3.3.2.8.1.1.1': 'brainpoolP160r1',
  '1.3.36.3.3.2.8.1.1.3': 'brainpoolP192r1',
  '1.3.36.3.3.2.8.1.1.5': 'brainpoolP224r1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.9': 'brainpoolP320r1',
  '1.3.36.3.3.2.8.1.1.11': 'brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'brainpoolP512r1',
  '1.2.156.10197.1.301': 'SM2',
};

/** Algorithms recognised but not supported, by key OID. */
export const OTHER_KEY_ALGORITHMS: Record<string, string> = {
  [KEY_OID.rsaPss]: 'RSA-PSS',
  [KEY_OID.ed448]: 'Ed448',
  [KEY_OID.x25519]: 'X25519',
  [KEY_OID.x448]: 'X448',
  [KEY_OID.dsa]: 'DSA',
  [KEY_OID.dh]: 'Diffie-Hellman (PKCS#3)',
  [KEY_OID.x942dh]: 'Diffie-Hellman (X9.42)',
  [KEY_OID.ecdh]: 'ECDH',
  [KEY_OID.sm2]: 'SM2',
  [KEY_OID.gost2012_256]: 'GOST R 34.10-2012 (256-bit)',
  [KEY_OID.gost2012_512]: 'GOST R 34.10-2012 (512-bit)',
};

/**
 * The PKCS#12 PBEs (RFC 7292 Appendix C): SHA-1 PKCS#12 KDF, then 3DES or RC2. Legacy, but every PFX made
 * before OpenSSL 3 (and `openssl pkcs12 -legacy`, Windows, old Java) uses them. Read and written.
 */
import { decryptCbc, encryptCbc, randomBytes } from '../crypto';
import * as der from '../der/write';
import type { RunOptions } from './hash-iterate';
import type { PbeSecret } from './password';
import { integer, octets, sequence, type Node } from '../der/asn1';
import { Tag, type Tlv, children as derChildren, value } from '../der/der';
import { nonNegativeInt } from '../der/strict';
import { OID, oidName } from './oids';
import { KDF_ID, pkcs12Kdf, pkcs12KdfWork } from './pkcs12-kdf';
import { progressParts } from './progress';
import { rc2CbcDecrypt, rc2CbcEncrypt } from './rc2';
import { type PbeEncrypted, type PbeScheme, checkIterations } from './scheme';

type Cipher = { kind: '3des'; keyLength: 24 | 16 } | { kind: 'rc2'; keyLength: 16 | 5 };

const CIPHERS: Record<string, Cipher> = {
  [OID.pbeWithSHAAnd3KeyTripleDESCBC]: { kind: '3des', keyLength: 24 },
  [OID.pbeWithSHAAnd2KeyTripleDESCBC]: { kind: '3des', keyLength: 16 },
  [OID.pbeWithSHAAnd128BitRC2CBC]: { kind: 'rc2', keyLength: 16 },
  [OID.pbeWithSHAAnd40BitRC2CBC]: { kind: 'rc2', keyLength: 5 },
};

export function isPkcs12Pbe(algorithm: string): boolean {
  return algorithm in CIPHERS;
}

/** `params` is the pkcs-12PbeParams SEQUENCE { salt OCTET STRING, iterations INTEGER }. */
export function pkcs12PbeScheme(algorithm: string, params: Node | undefined, where: string): PbeScheme {
  const [saltNode, iterNode] = sequence(params, `${where} PKCS#12 PBE parameters`, 2);
  const salt = octets(saltNode, `${where} PKCS#12 PBE salt`);
  const iterations = checkIterations(integer(iterNode, `${where} PKCS#12 PBE iteration count`), `${where} PKCS#12 PBE`);
  return pkcs12Pbe(algorithm, salt, iterations);
}

/** pkcs12PbeScheme on a TLV of strict DER (der/strict.ts); undefined when the asn1js reader must decide. */
export function pkcs12PbeSchemeFromTlv(algorithm: string, params: Tlv | undefined, where: string): PbeScheme | undefined {
  if (params?.tag !== Tag.Sequence) return undefined;
  const [saltTlv, iterationsTlv] = derChildren(params);
  const count = nonNegativeInt(iterationsTlv);
  if (saltTlv?.tag !== Tag.OctetString || count === undefined) return undefined;
  return pkcs12Pbe(algorithm, value(saltTlv).slice(), checkIterations(count, `${where} PKCS#12 PBE`));
}

function pkcs12Pbe(algorithm: string, salt: Uint8Array, iterations: number): PbeScheme {
  const cipher = CIPHERS[algorithm];
  const work = [pkcs12KdfWork('sha1', iterations, cipher.keyLength), pkcs12KdfWork('sha1', iterations, 8)];
  return {
    protection: `${oidName(algorithm)} (legacy, ${iterations} iterations)`,
    legacy: true,
    work,
    async decrypt(secret, data, options = {}) {
      const { key, iv } = await deriveKeyAndIv(cipher, secret, salt, iterations, options);
      if (cipher.kind === 'rc2') return rc2CbcDecrypt(key, cipher.keyLength * 8, iv, data);
      return decryptCbc('des-ede3-cbc', tripleDesKey(key), iv, data);
    },
  };
}

/** The PKCS#12 PBEs a writer may choose (what `openssl pkcs12 -export -legacy` writes). */
export type Pkcs12PbeChoice = typeof OID.pbeWithSHAAnd3KeyTripleDESCBC | typeof OID.pbeWithSHAAnd40BitRC2CBC;

/**
 * Encrypts with a PKCS#12 PBE under a fresh 8-byte salt (as OpenSSL and Windows write). The KDF takes the
 * password's BMPString form (secret.bmp).
 */
export async function pkcs12PbeEncrypt(algorithm: Pkcs12PbeChoice, secret: PbeSecret, plaintext: Uint8Array, iterations: number, options: RunOptions = {}): Promise<PbeEncrypted> {
  const cipher = CIPHERS[algorithm];
  const salt = randomBytes(8);
  const { key, iv } = await deriveKeyAndIv(cipher, secret, salt, iterations, options);
  const data = cipher.kind === 'rc2' ? rc2CbcEncrypt(key, cipher.keyLength * 8, iv, plaintext) : encryptCbc('des-ede3-cbc', tripleDesKey(key), iv, plaintext);
  return { algorithm: der.algorithm(algorithm, der.sequence(der.octetString(salt), der.integer(iterations))), data };
}

async function deriveKeyAndIv(cipher: Cipher, secret: PbeSecret, salt: Uint8Array, iterations: number, options: RunOptions): Promise<{ key: Uint8Array; iv: Uint8Array }> {
  const [keyProgress, ivProgress] = progressParts(options.onProgress, [cipher.keyLength, 8].map((n) => pkcs12KdfWork('sha1', iterations, n).blocks));
  const [key, iv] = await Promise.all([
    pkcs12Kdf('sha1', secret.bmp, salt, KDF_ID.key, iterations, cipher.keyLength, { signal: options.signal, onProgress: keyProgress }),
    pkcs12Kdf('sha1', secret.bmp, salt, KDF_ID.iv, iterations, 8, { signal: options.signal, onProgress: ivProgress }),
  ]);
  return { key, iv };
}

/** Two-key 3DES is K1 K2 K1. */
function tripleDesKey(key: Uint8Array): Uint8Array {
  return key.length === 24 ? key : Uint8Array.from([...key, ...key.subarray(0, 8)]);
}

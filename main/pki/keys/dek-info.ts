/**
 * OpenSSL's traditional PEM encryption (RFC 1421 headers: "Proc-Type: 4,ENCRYPTED" + "DEK-Info: cipher,IV").
 * The key is EVP_BytesToKey(MD5, one iteration) over the password with the first 8 IV bytes as salt.
 */
import { type BlockCipherName, BadDecrypt, decryptCbc, digestParts } from '../crypto';
import { PkiError, corrupt } from '../errors';

const CIPHERS: Record<string, { cipher: BlockCipherName; keyLength: number; ivLength: number }> = {
  'DES-EDE3-CBC': { cipher: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  'AES-128-CBC': { cipher: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  'AES-192-CBC': { cipher: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
  'AES-256-CBC': { cipher: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
};

export interface DekInfo {
  cipherName: string;
  iv: Uint8Array;
}

/** Header lookup ignoring case, as OpenSSL does. */
function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** The DEK-Info of an encrypted block, undefined for a plain one. */
export function dekInfo(headers: Record<string, string>, where: string): DekInfo | undefined {
  const procType = header(headers, 'Proc-Type');
  const dek = header(headers, 'DEK-Info');
  if (!procType || !/ENCRYPTED/i.test(procType)) {
    if (dek) throw corrupt(`${where} has a DEK-Info header but no "Proc-Type: 4,ENCRYPTED"`);
    return undefined;
  }
  if (!dek) throw corrupt(`${where} says it is encrypted but has no DEK-Info header`);
  const [name, ivHex = ''] = dek.split(',').map((s) => s.trim());
  const cipherName = name.toUpperCase();
  const spec = CIPHERS[cipherName];
  if (!spec) {
    throw new PkiError(
      'UNSUPPORTED_ALGORITHM',
      `${where} is encrypted with ${cipherName}, which Certbench does not support.`,
      'Re-encrypt the key with AES-256 (openssl pkey -in key.pem -aes256 -out new.pem) and open that.',
    );
  }
  if (!/^[0-9a-fA-F]+$/.test(ivHex) || ivHex.length !== spec.ivLength * 2) {
    throw corrupt(`${where}: the DEK-Info IV should be ${spec.ivLength} bytes of hex`);
  }
  return { cipherName, iv: new Uint8Array(Buffer.from(ivHex, 'hex')) };
}

/** OpenSSL's EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_{i-1} || password || salt). */
export function bytesToKey(password: Uint8Array, salt: Uint8Array, keyLength: number): Uint8Array {
  const out = new Uint8Array(keyLength);
  let filled = 0;
  let previous = new Uint8Array(0);
  while (filled < keyLength) {
    previous = new Uint8Array(digestParts('md5', [previous, password, salt]));
    const take = Math.min(previous.length, keyLength - filled);
    out.set(previous.subarray(0, take), filled);
    filled += take;
  }
  return out;
}

export function protectionLabel(info: DekInfo): string {
  return `DEK-Info ${info.cipherName} (OpenSSL traditional)`;
}

/** Decrypts the block body; undefined when the padding is wrong (wrong password). */
export function decryptDekInfo(info: DekInfo, password: string, body: Uint8Array): Uint8Array | undefined {
  const spec = CIPHERS[info.cipherName];
  const key = bytesToKey(new TextEncoder().encode(password), info.iv.subarray(0, 8), spec.keyLength);
  try {
    return decryptCbc(spec.cipher, key, info.iv, body);
  } catch (e) {
    if (e instanceof BadDecrypt) return undefined;
    throw e;
  }
}

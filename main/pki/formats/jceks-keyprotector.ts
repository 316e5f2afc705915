/**
 * Sun JCE's PBEWithMD5AndTripleDES (com.sun.crypto.provider.PBES1Core, OID 1.3.6.1.4.1.42.2.19.1), used for
 * JCEKS private keys and sealed secret keys. Not PKCS#5: the 8-byte salt is split in halves, each half is
 * MD5-iterated with the password appended; 16 + 8 bytes make the 3DES key, the last 8 the IV. When the
 * halves are equal the first is inverted: reversed ([a,b,c,d] -> [d,c,b,a]) as JDK 17 does (checked against
 * java's Cipher); older JDKs had a typo there ([a,b,c,d] -> [d,a,b,d]), which decryption also tries.
 */
import { BadDecrypt, decryptCbc, encryptCbc, iterateDigestWithSuffix, randomBytes } from '../crypto';
import { algorithm, integer, octetString, sequence } from '../der/write';
import { PkiError } from '../errors';

export const JCEKS_KEY_PROTECTION_OID = '1.3.6.1.4.1.42.2.19.1';
export const JCEKS_KEY_PROTECTION_LABEL = 'PBEWithMD5AndTripleDES (Sun JCE)';
/** What JDK 17's JceKeyStore writes (jdk.jceks.iterationCount). */
export const JCEKS_DEFAULT_ITERATIONS = 200_000;
const SALT_LENGTH = 8;

/** Java's PBEKey accepts printable ASCII only; other passwords cannot have protected a JCEKS key. */
export function isJceksPassword(password: string): boolean {
  return /^[\x20-\x7e]*$/.test(password);
}

type Inversion = 'reversed' | 'typo';

const hasEqualHalves = (salt: Uint8Array) => salt.subarray(0, 4).every((byte, i) => byte === salt[i + 4]);

function firstHalf(salt: Uint8Array, inversion: Inversion): Uint8Array {
  const [a, b, c, d] = salt;
  if (!hasEqualHalves(salt)) return salt.slice(0, 4);
  return inversion === 'reversed' ? Uint8Array.of(d, c, b, a) : Uint8Array.of(d, a, b, d);
}

async function deriveKeyAndIv(password: string, salt: Uint8Array, iterations: number, inversion: Inversion = 'reversed'): Promise<{ key: Uint8Array; iv: Uint8Array }> {
  const passwordBytes = new Uint8Array([...password].map((c) => c.charCodeAt(0)));
  const halves = [firstHalf(salt, inversion), salt.slice(4, 8)];
  const [first, second] = await Promise.all(halves.map((half) => iterateDigestWithSuffix('md5', half, passwordBytes, iterations)));
  const derived = new Uint8Array(32);
  derived.set(first, 0);
  derived.set(second, 16);
  return { key: derived.subarray(0, 24), iv: derived.subarray(24) };
}

/** Plaintext, or undefined when the padding is wrong (wrong password) or the password cannot be JCE's. */
export async function jceksDecrypt(data: Uint8Array, password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array | undefined> {
  if (!isJceksPassword(password) || data.length === 0 || data.length % 8 !== 0) return undefined;
  const plain = await decryptWith(data, password, salt, iterations, 'reversed');
  if (plain || !hasEqualHalves(salt)) return plain;
  return decryptWith(data, password, salt, iterations, 'typo');
}

async function decryptWith(data: Uint8Array, password: string, salt: Uint8Array, iterations: number, inversion: Inversion): Promise<Uint8Array | undefined> {
  const { key, iv } = await deriveKeyAndIv(password, salt, iterations, inversion);
  try {
    return decryptCbc('des-ede3-cbc', key, iv, data);
  } catch (e) {
    if (e instanceof BadDecrypt) return undefined;
    throw e;
  }
}

/** Ciphertext under Sun's PBEWithMD5AndTripleDES; the password must be printable ASCII (isJceksPassword). */
export async function jceksEncrypt(plain: Uint8Array, password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const { key, iv } = await deriveKeyAndIv(password, salt, iterations);
  return encryptCbc('des-ede3-cbc', key, iv, plain);
}

export interface JceksProtectOptions {
  iterations?: number;
  /** Random unless given (tests: the equal-halves quirk). */
  salt?: Uint8Array;
}

/**
 * Protects a PKCS#8 PrivateKeyInfo as JceKeyStore does: EncryptedPrivateKeyInfo { {OID, PBEParameter {salt,
 * iterations}}, ciphertext }. Java refuses PBE passwords outside printable ASCII, so those are INVALID_ARGUMENT.
 */
export async function jceksProtectKey(pkcs8: Uint8Array, password: string, options: JceksProtectOptions = {}): Promise<Uint8Array> {
  if (!isJceksPassword(password)) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      'A JCEKS key password can only use printable ASCII characters (Java refuses others).',
      'Choose a password of plain letters, digits and punctuation, or save as JKS or PKCS#12.',
    );
  }
  const iterations = options.iterations ?? JCEKS_DEFAULT_ITERATIONS;
  const salt = options.salt ?? randomBytes(SALT_LENGTH);
  if (salt.length !== SALT_LENGTH || !Number.isInteger(iterations) || iterations < 1) throw new RangeError('bad JCEKS PBE parameters');
  const encrypted = await jceksEncrypt(pkcs8, password, salt, iterations);
  return sequence(algorithm(JCEKS_KEY_PROTECTION_OID, sequence(octetString(salt), integer(iterations))), octetString(encrypted));
}

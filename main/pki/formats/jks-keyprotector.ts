/**
 * Sun's proprietary JKS key protection (sun.security.provider.KeyProtector, OID 1.3.6.1.4.1.42.2.17.1.1):
 * data = salt(20) || key XOR keystream || SHA-1(password || key), keystream blocks = SHA-1(password || previous),
 * starting from the salt; password = UTF-16BE Java chars. The trailing check digest tells a wrong password.
 */
import { digestParts, randomBytes, timingSafeEqual } from '../crypto';
import { algorithm, octetString, sequence } from '../der/write';
import { utf16be } from './java-data-input';

export const JKS_KEY_PROTECTION_OID = '1.3.6.1.4.1.42.2.17.1.1';
export const JKS_KEY_PROTECTION_LABEL = 'Sun JKS key protection (SHA-1 keystream)';

const DIGEST_LENGTH = 20;

/** XORs `data` with the keystream SHA-1(password || previous block), starting from the salt. */
function applyKeystream(data: Uint8Array, passwordBytes: Uint8Array, salt: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  let block: Uint8Array = salt;
  for (let i = 0; i < data.length; i += DIGEST_LENGTH) {
    block = digestParts('sha1', [passwordBytes, block]);
    for (let j = 0; j < DIGEST_LENGTH && i + j < data.length; j++) out[i + j] = data[i + j] ^ block[j];
  }
  return out;
}

/**
 * Protects a PKCS#8 PrivateKeyInfo as JavaKeyStore does: EncryptedPrivateKeyInfo { {OID, NULL}, salt ||
 * encrypted || check }. `salt` is random unless given (tests).
 */
export function jksProtectKey(pkcs8: Uint8Array, password: string, salt: Uint8Array = randomBytes(DIGEST_LENGTH)): Uint8Array {
  if (salt.length !== DIGEST_LENGTH) throw new RangeError('the JKS key protector salt is 20 bytes');
  const passwordBytes = utf16be(password);
  const encrypted = applyKeystream(pkcs8, passwordBytes, salt);
  const check = digestParts('sha1', [passwordBytes, pkcs8]);
  const data = new Uint8Array(salt.length + encrypted.length + check.length);
  data.set(salt, 0);
  data.set(encrypted, salt.length);
  data.set(check, salt.length + encrypted.length);
  return sequence(algorithm(JKS_KEY_PROTECTION_OID, null), octetString(data));
}

/** The PKCS#8 PrivateKeyInfo, or undefined when the password is wrong. */
export function jksUnprotectKey(protectedKey: Uint8Array, password: string): Uint8Array | undefined {
  if (protectedKey.length < 2 * DIGEST_LENGTH) return undefined;
  const passwordBytes = utf16be(password);
  const salt = protectedKey.subarray(0, DIGEST_LENGTH);
  const encrypted = protectedKey.subarray(DIGEST_LENGTH, protectedKey.length - DIGEST_LENGTH);
  const check = protectedKey.subarray(protectedKey.length - DIGEST_LENGTH);
  const key = applyKeystream(encrypted, passwordBytes, salt);
  return timingSafeEqual(digestParts('sha1', [passwordBytes, key]), check) ? key : undefined;
}

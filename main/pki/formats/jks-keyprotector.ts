/**
 * Sun's proprietary JKS key protection (sun.security.provider.KeyProtector, OID 1.3.6.1.4.1.42.2.17.1.1):
 * data = salt(20) || key XOR keystream || SHA-1(password || key), keystream blocks = SHA-1(password || previous),
 * starting from the salt; password = UTF-16BE Java chars. The trailing check digest tells a wrong password.
 */
import { digestParts, timingSafeEqual } from '../crypto';
import { utf16be } from './java-data-input';

export const JKS_KEY_PROTECTION_OID = '1.3.6.1.4.1.42.2.17.1.1';
export const JKS_KEY_PROTECTION_LABEL = 'Sun JKS key protection (SHA-1 keystream)';

const DIGEST_LENGTH = 20;

/** The PKCS#8 PrivateKeyInfo, or undefined when the password is wrong. */
export function jksUnprotectKey(protectedKey: Uint8Array, password: string): Uint8Array | undefined {
  if (protectedKey.length < 2 * DIGEST_LENGTH) return undefined;
  const passwordBytes = utf16be(password);
  const salt = protectedKey.subarray(0, DIGEST_LENGTH);
  const encrypted = protectedKey.subarray(DIGEST_LENGTH, protectedKey.length - DIGEST_LENGTH);
  const check = protectedKey.subarray(protectedKey.length - DIGEST_LENGTH);
  const key = new Uint8Array(encrypted.length);
  let block: Uint8Array = salt;
  for (let i = 0; i < encrypted.length; i += DIGEST_LENGTH) {
    block = digestParts('sha1', [passwordBytes, block]);
    for (let j = 0; j < DIGEST_LENGTH && i + j < encrypted.length; j++) key[i + j] = encrypted[i + j] ^ block[j];
  }
  return timingSafeEqual(digestParts('sha1', [passwordBytes, key]), check) ? key : undefined;
}

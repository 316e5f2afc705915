/**
 * Sun's proprietary JKS key protection (sun.security.provider.KeyProtector, OID 1.3.6.1.4.1.42.2.17.1.1):
 * data = salt(20) || key XOR keystream || SHA-1(password || key), keystream blocks = SHA-1(password || previous),
 * starting from the salt; password = UTF-16BE Java chars. The trailing check digest tells a wrong password.
 */
import { digestLatin1, randomBytes } from '../crypto';
import { algorithm, header, sequence } from '../der/write';
import { utf16be } from './java-data-input';

export const JKS_KEY_PROTECTION_OID = '1.3.6.1.4.1.42.2.17.1.1';
export const JKS_KEY_PROTECTION_LABEL = 'Sun JKS key protection (SHA-1 keystream)';

const DIGEST_LENGTH = 20;

/** The UTF-16BE bytes of the last password used: a keystore opens and saves every key under the same one. */
let lastPassword: { text: string; bytes: Uint8Array } | undefined;

function passwordUtf16(password: string): Uint8Array {
  if (lastPassword?.text !== password) lastPassword = { text: password, bytes: utf16be(password) };
  return lastPassword.bytes;
}

/** XORs `data` with the keystream SHA-1(password || previous block), starting from the salt. */
function applyKeystream(data: Uint8Array, passwordBytes: Uint8Array, salt: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  // password || previous block, hashed in place: one array for the whole key instead of one per block.
  const input = new Uint8Array(passwordBytes.length + DIGEST_LENGTH);
  input.set(passwordBytes, 0);
  input.set(salt, passwordBytes.length);
  const at = passwordBytes.length;
  for (let i = 0; i < data.length; i += DIGEST_LENGTH) {
    const block = digestLatin1('sha1', input);
    for (let j = 0; j < DIGEST_LENGTH; j++) {
      const k = block.charCodeAt(j);
      if (i + j < data.length) out[i + j] = data[i + j] ^ k;
      input[at + j] = k;
    }
  }
  input.fill(0); // the last keystream block: with the stored data it gives the key
  return out;
}

/**
 * password || key, hashed for every key read and written: one array reused instead of one per key (arrays this
 * size live outside V8's heap, and making them was a good part of a 500-entry keystore's time and garbage).
 * Zeroed after each use: it holds the key.
 */
let checkInput = new Uint8Array(512);

/** SHA-1(password || key), the check digest, as a latin1 string (see digestLatin1). */
function checkDigest(passwordBytes: Uint8Array, key: Uint8Array): string {
  const length = passwordBytes.length + key.length;
  if (checkInput.length < length) checkInput = new Uint8Array(Math.max(length, 2 * checkInput.length));
  const input = checkInput.subarray(0, length);
  input.set(passwordBytes, 0);
  input.set(key, passwordBytes.length);
  try {
    return digestLatin1('sha1', input);
  } finally {
    input.fill(0);
  }
}

/** A latin1 digest equals stored bytes, compared in constant time (every byte looked at, whatever differs). */
function sameDigest(latin1: string, bytes: Uint8Array): boolean {
  if (latin1.length !== bytes.length) return false;
  let difference = 0;
  for (let i = 0; i < bytes.length; i++) difference |= latin1.charCodeAt(i) ^ bytes[i];
  return difference === 0;
}

/**
 * The protected data each key was opened from, by the very array jksUnprotectKey returned: a keystore saved
 * again under the same password (a JKS copied, renamed entries, a trusted certificate added) writes those
 * bytes again instead of re-encrypting every key. Keyed by identity, so nothing outlives the key.
 */
const openedFrom = new WeakMap<Uint8Array, Uint8Array>();

/**
 * Protects a PKCS#8 PrivateKeyInfo as JavaKeyStore does: EncryptedPrivateKeyInfo { {OID, NULL}, salt ||
 * encrypted || check }. `salt` is random unless given (tests). A key read from a JKS entry whose check
 * digest SHA-1(password || key) is the one this password gives keeps its stored data (and salt): that data
 * decrypted to exactly this key when it was read, and the matching check proves it was made with this password.
 */
export function jksProtectKey(pkcs8: Uint8Array, password: string, salt?: Uint8Array): Uint8Array {
  if (salt !== undefined && salt.length !== DIGEST_LENGTH) throw new RangeError('the JKS key protector salt is 20 bytes');
  const passwordBytes = passwordUtf16(password);
  const check = checkDigest(passwordBytes, pkcs8);
  const stored = salt === undefined ? openedFrom.get(pkcs8) : undefined;
  if (stored && sameDigest(check, stored.subarray(stored.length - DIGEST_LENGTH))) return protectedKeyInfo(stored);
  const seed = salt ?? randomBytes(DIGEST_LENGTH);
  const encrypted = applyKeystream(pkcs8, passwordBytes, seed);
  const data = new Uint8Array(seed.length + encrypted.length + DIGEST_LENGTH);
  data.set(seed, 0);
  data.set(encrypted, seed.length);
  for (let i = 0, at = seed.length + encrypted.length; i < DIGEST_LENGTH; i++) data[at + i] = check.charCodeAt(i);
  return protectedKeyInfo(data);
}

/** The algorithm identifier every JKS key starts with, encoded once (a 500-entry keystore encoded its OID 500 times). */
let jksAlgorithm: Uint8Array | undefined;

/** Written in one array: the data's OCTET STRING header goes straight into the SEQUENCE instead of an array of its own. */
const protectedKeyInfo = (data: Uint8Array) => sequence((jksAlgorithm ??= algorithm(JKS_KEY_PROTECTION_OID, null)), header(0x04, data.length), data);

/** The PKCS#8 PrivateKeyInfo, or undefined when the password is wrong. */
export function jksUnprotectKey(protectedKey: Uint8Array, password: string): Uint8Array | undefined {
  if (protectedKey.length < 2 * DIGEST_LENGTH) return undefined;
  const passwordBytes = passwordUtf16(password);
  const salt = protectedKey.subarray(0, DIGEST_LENGTH);
  const encrypted = protectedKey.subarray(DIGEST_LENGTH, protectedKey.length - DIGEST_LENGTH);
  const check = protectedKey.subarray(protectedKey.length - DIGEST_LENGTH);
  const key = applyKeystream(encrypted, passwordBytes, salt);
  if (!sameDigest(checkDigest(passwordBytes, key), check)) return undefined;
  openedFrom.set(key, protectedKey);
  return key;
}

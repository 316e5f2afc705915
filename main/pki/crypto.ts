/**
 * The ONLY module that imports node:crypto (a test enforces it). It uses primitives that both OpenSSL 3
 * (Node) and BoringSSL (Electron) provide, so what passes here also works inside Electron.
 */
import * as nodeCrypto from 'node:crypto';
import { children as derChildren, hex, oidOf, readRoot, value, whole, type Tlv } from './der/der';
import * as derWrite from './der/write';
import { PkiError } from './errors';
import { runEvalWorker } from './eval-worker';
import { ecPkcs8Layout } from './keys/ec-pkcs8-layout';

export type HashName = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** Output length of each hash, in bytes. */
export const HASH_BYTES: Record<HashName, number> = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };
export type BlockCipherName = 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' | 'des-ede3-cbc';

/** Node 20.12+'s one-shot crypto.hash: no Hash object per call. */
const oneShotHash = (nodeCrypto as unknown as { hash?: (alg: string, data: Uint8Array, encoding: string) => Buffer | string }).hash;

/** A digest in the encoding asked for, one-shot where Node has it. */
function hashAs(alg: string, data: Uint8Array, encoding: 'buffer'): Buffer;
function hashAs(alg: string, data: Uint8Array, encoding: 'latin1' | 'hex'): string;
function hashAs(alg: string, data: Uint8Array, encoding: 'buffer' | 'latin1' | 'hex'): Buffer | string {
  if (oneShotHash) return oneShotHash(alg, data, encoding);
  const d = nodeCrypto.createHash(alg).update(data).digest();
  return encoding === 'buffer' ? d : d.toString(encoding);
}

const hashFn = (alg: string, data: Uint8Array): Buffer => hashAs(alg, data, 'buffer');

export function digest(alg: HashName, data: Uint8Array): Uint8Array {
  return hashFn(alg, data);
}

/** The digest in lower-case hex, straight from the hash (no Buffer made in between). */
export function digestHex(alg: HashName, data: Uint8Array): string {
  return hashAs(alg, data, 'hex');
}

/**
 * The digest as a latin1 string, one character per byte (read with charCodeAt). For hot loops of small hashes
 * (the JKS keystream): Node 20's crypto.hash returns a string about four times faster than a Buffer.
 */
export function digestLatin1(alg: HashName, data: Uint8Array): string {
  return hashAs(alg, data, 'latin1');
}

/** Parts up to this size in all are hashed in one call: cheaper than a Hash object (JKS keys hash a block at a time). */
const ONE_SHOT_BYTES = 4096;

/** Incremental hash for multi-part inputs (JKS digest, EVP_BytesToKey). */
export function digestParts(alg: HashName, parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  if (total <= ONE_SHOT_BYTES) return hashFn(alg, parts.length === 1 ? parts[0] : Buffer.concat(parts, total));
  const h = nodeCrypto.createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest();
}

/** Repeats hash(prev) `count` times over `input` (PKCS#12 KDF, PBKDF1): the hot loop kept native. */
export function iterateDigest(alg: HashName, input: Uint8Array, count: number): Uint8Array {
  let a: Uint8Array = hashFn(alg, input);
  for (let i = 1; i < count; i++) a = hashFn(alg, a);
  return a;
}

export function hmac(alg: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  return nodeCrypto.createHmac(alg, key).update(data).digest();
}

/** PBKDF2 on libuv's thread pool: high iteration counts do not block the event loop. */
export function pbkdf2(password: Uint8Array, salt: Uint8Array, iterations: number, keyLength: number, alg: HashName): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    nodeCrypto.pbkdf2(password, salt, iterations, keyLength, alg, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Raised when CBC padding is wrong after decryption: almost always a wrong password. */
export class BadDecrypt extends Error {
  constructor() {
    super('bad decrypt');
  }
}

export function decryptCbc(cipher: BlockCipherName, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  let decipher: nodeCrypto.Decipher;
  try {
    decipher = nodeCrypto.createDecipheriv(cipher, key, iv);
  } catch {
    throw new PkiError('UNSUPPORTED_ALGORITHM', `The cipher ${cipher.toUpperCase()} is not available.`, 'Re-export the file with AES-256-CBC.');
  }
  try {
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new BadDecrypt();
  }
}

/** CBC encryption with PKCS#7 padding (PKCS#12, PKCS#8, DEK-Info, JCEKS writers). */
export function encryptCbc(cipher: BlockCipherName, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  let c: nodeCrypto.Cipher;
  try {
    c = nodeCrypto.createCipheriv(cipher, key, iv);
  } catch {
    throw new PkiError('UNSUPPORTED_ALGORITHM', `The cipher ${cipher.toUpperCase()} is not available.`, 'Choose AES-256-CBC.');
  }
  return Buffer.concat([c.update(data), c.final()]);
}

/**
 * A PKCS#8 private key in its traditional DER form: RSAPrivateKey (PKCS#1) for RSA, ECPrivateKey with its
 * named curve (SEC 1) for EC. Other key types have no traditional form: UNSUPPORTED_ALGORITHM.
 */
export function traditionalPrivateKey(pkcs8: Uint8Array): { der: Uint8Array; label: 'RSA PRIVATE KEY' | 'EC PRIVATE KEY' } {
  let key: nodeCrypto.KeyObject;
  try {
    key = nodeCrypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw keyError(e, 'private key');
  }
  if (key.asymmetricKeyType === 'rsa') return { der: key.export({ format: 'der', type: 'pkcs1' }), label: 'RSA PRIVATE KEY' };
  if (key.asymmetricKeyType === 'ec') return { der: key.export({ format: 'der', type: 'sec1' }), label: 'EC PRIVATE KEY' };
  throw new PkiError(
    'UNSUPPORTED_ALGORITHM',
    `A ${key.asymmetricKeyType ?? 'this'} key has no traditional (PKCS#1 / SEC 1) form.`,
    'Write it as PKCS#8 (--to pkcs8), which every current tool reads.',
  );
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && nodeCrypto.timingSafeEqual(a, b);
}

export function randomBytes(n: number): Uint8Array {
  return nodeCrypto.randomBytes(n);
}

export type KeyAlgorithm = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'X25519' | 'X448' | 'RSA-PSS' | 'DH';

export interface KeyFacts {
  keyAlgorithm: KeyAlgorithm;
  keySize: number | null;
  curve: string | null;
  /** SubjectPublicKeyInfo DER of the public half. */
  spki: Uint8Array;
}

const CURVE_NAMES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

function facts(key: nodeCrypto.KeyObject, spki: Uint8Array): KeyFacts {
  const type: string = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  switch (type) {
    case 'rsa':
      return { keyAlgorithm: 'RSA', keySize: details.modulusLength ?? null, curve: null, spki };
    case 'rsa-pss':
      return { keyAlgorithm: 'RSA-PSS', keySize: details.modulusLength ?? null, curve: null, spki };
    case 'ec': {
      const named = details.namedCurve ?? '';
      const curve = CURVE_NAMES[named] ?? named;
      const size = curve === 'P-256' ? 256 : curve === 'P-384' ? 384 : curve === 'P-521' ? 521 : null;
      return { keyAlgorithm: 'EC', keySize: size, curve, spki };
    }
    case 'ed25519':
      return { keyAlgorithm: 'Ed25519', keySize: 256, curve: null, spki };
    case 'ed448':
      return { keyAlgorithm: 'Ed448', keySize: 456, curve: null, spki };
    case 'x25519':
      return { keyAlgorithm: 'X25519', keySize: 256, curve: null, spki };
    case 'x448':
      return { keyAlgorithm: 'X448', keySize: 448, curve: null, spki };
    case 'dsa':
      return { keyAlgorithm: 'DSA', keySize: details.modulusLength ?? null, curve: null, spki };
    case 'dh':
      return { keyAlgorithm: 'DH', keySize: details.modulusLength ?? null, curve: null, spki };
    default:
      throw new PkiError('UNSUPPORTED_ALGORITHM', `The key type ${type} is not supported.`, 'Use an RSA, EC (P-256/384/521) or Ed25519 key.');
  }
}

/**
 * Decoded keys by the very array they came from: one key is checked on reading, summarised for its row and
 * matched while converting, and OpenSSL's import is the costly part of each (a 500-entry keystore paid it
 * four times a key). Keyed by identity, so nothing is kept once the key's bytes are dropped.
 */
const privateFacts = new WeakMap<Uint8Array, KeyFacts>();

/** Facts about a decrypted PKCS#8 PrivateKeyInfo, including its public half (for matching). */
export function privateKeyFacts(pkcs8: Uint8Array): KeyFacts {
  const known = privateFacts.get(pkcs8);
  if (known) return known;
  const found = commonKeyFacts(pkcs8) ?? decodePrivateKeyFacts(pkcs8);
  privateFacts.set(pkcs8, found);
  return found;
}

const RSA_OID = '1.2.840.113549.1.1.1';
const EC_OID = '1.2.840.10045.2.1';
const EC_CURVES: Record<string, { name: string; ecdh: string; bits: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', ecdh: 'prime256v1', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', ecdh: 'secp384r1', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', ecdh: 'secp521r1', bits: 521 },
};

/**
 * One ECDH object per curve, reused: making one per key was a third of a keystore key's cost. Each use
 * sets its private value, so the object only ever holds the key being decoded (and the last one decoded,
 * which the caller holds anyway).
 */
const ecdhByCurve = new Map<string, nodeCrypto.ECDH>();

function ecPublicPoint(curve: string, privateValue: Uint8Array): Uint8Array {
  let ecdh = ecdhByCurve.get(curve);
  if (!ecdh) {
    ecdh = nodeCrypto.createECDH(curve);
    ecdhByCurve.set(curve, ecdh);
  }
  ecdh.setPrivateKey(privateValue);
  return ecdh.getPublicKey();
}

/** The AlgorithmIdentifier of an EC public key on a named curve, by the curve's dotted OID (made once per curve). */
const ecAlgorithms = new Map<string, Uint8Array>();

function ecAlgorithm(curveOid: string, curveOidDer: Uint8Array): Uint8Array {
  let alg = ecAlgorithms.get(curveOid);
  if (!alg) {
    alg = derWrite.algorithm(EC_OID, curveOidDer);
    ecAlgorithms.set(curveOid, alg);
  }
  return alg;
}

/**
 * RSA and P-256/384/521 keys, the keys of nearly every keystore, without OpenSSL 3's decoder (half a
 * millisecond a key, most of the time of a 500-key keystore): the RSA public half is (n, e) as OpenSSL takes
 * it, the EC public point is computed from the private scalar (not copied from the file). Anything unusual
 * returns null and goes the full way, which also gives the typed errors.
 */
function commonKeyFacts(pkcs8: Uint8Array): KeyFacts | null {
  try {
    const laidOut = ecPkcs8Layout(pkcs8);
    if (laidOut) {
      const curve = EC_CURVES[laidOut.curveOid];
      const spki = derWrite.concat([laidOut.spkiPrefix, ecPublicPoint(curve.ecdh, laidOut.d)]);
      return { keyAlgorithm: 'EC', keySize: curve.bits, curve: curve.name, spki };
    }
    // Indexed, not destructured: array destructuring walks an iterator, objects a 500-key keystore made per key.
    const fields = derChildren(readRoot(pkcs8, 'private key'));
    const version = fields[0];
    if (!isSmallInt(version, 0)) return null;
    for (let i = 3; i < fields.length; i++) if (fields[i].tag !== 0xa0) return null;
    const algorithm = derChildren(fields[1]);
    const algOid = algorithm[0];
    const params = algorithm[1];
    const inner = readRoot(value(fields[2]), 'private key');
    if (oidOf(algOid) === RSA_OID) {
      if (!params || params.tag !== 0x05) return null;
      const [v, n, e, , p, q] = derChildren(inner);
      if (!q || value(v).length !== 1 || value(v)[0] !== 0 || !positive(n) || !positive(e) || !positive(p) || !positive(q)) return null;
      if (magnitude(n) !== magnitude(p) * magnitude(q)) return null;
      const spki = derWrite.sequence(derWrite.algorithm(RSA_OID, null), derWrite.bitString(derWrite.sequence(whole(n), whole(e))));
      return { keyAlgorithm: 'RSA', keySize: magnitude(n).toString(2).length, curve: null, spki };
    }
    if (oidOf(algOid) === EC_OID && params?.tag === 0x06) {
      const curveOid = oidOf(params);
      const curve = EC_CURVES[curveOid];
      const ecFields = derChildren(inner);
      const d = ecFields[1];
      if (!curve || !d || !isSmallInt(ecFields[0], 1) || d.tag !== 0x04) return null;
      const spki = derWrite.sequence(ecAlgorithm(curveOid, whole(params)), derWrite.bitString(ecPublicPoint(curve.ecdh, value(d))));
      return { keyAlgorithm: 'EC', keySize: curve.bits, curve: curve.name, spki };
    }
    return null;
  } catch {
    return null;
  }
}

/** A one-byte value equal to `n` (a version field), without making a view of it. */
function isSmallInt(t: Tlv | undefined, n: number): boolean {
  return !!t && t.end - t.valueStart === 1 && t.bytes[t.valueStart] === n;
}

/** A positive INTEGER in minimal DER (so re-encoding it gives the bytes OpenSSL would write). */
function positive(t: Tlv | undefined): t is Tlv {
  if (!t || t.tag !== 0x02) return false;
  const v = value(t);
  return v.length > 0 && (v[0] & 0x80) === 0 && !(v.length > 1 && v[0] === 0 && (v[1] & 0x80) === 0);
}
const magnitude = (t: Tlv): bigint => BigInt('0x' + (hex(value(t)) || '0'));

function decodePrivateKeyFacts(pkcs8: Uint8Array): KeyFacts {
  let key: nodeCrypto.KeyObject;
  try {
    key = nodeCrypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    // An EC key whose private value is longer than the curve's order loads, but then aborts the whole process
    // in Node's native asymmetricKeyDetails (assertion ec != nullptr). Exporting fails cleanly first.
    if (key.asymmetricKeyType === 'ec') key.export({ format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw keyError(e, 'private key');
  }
  const spki = nodeCrypto.createPublicKey(key).export({ format: 'der', type: 'spki' });
  return facts(key, spki);
}

/** Facts about a SubjectPublicKeyInfo. */
export function publicKeyFacts(spki: Uint8Array): KeyFacts {
  let key: nodeCrypto.KeyObject;
  try {
    key = nodeCrypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (e) {
    throw keyError(e, 'public key');
  }
  return facts(key, spki);
}

function keyError(e: unknown, what: string): PkiError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/unsupported/i.test(msg)) {
    return new PkiError('UNSUPPORTED_ALGORITHM', `This ${what} uses an algorithm Certbench cannot read.`, 'Use an RSA, EC (P-256/384/521) or Ed25519 key.');
  }
  return new PkiError('CORRUPT', `The ${what} is damaged or inconsistent (${msg}).`, 'Get a fresh copy of the key from its source.');
}

export type SignatureScheme =
  | { kind: 'pkcs1'; hash: HashName }
  | { kind: 'pss'; hash: HashName; saltLength: number }
  | { kind: 'ecdsa'; hash: HashName }
  | { kind: 'eddsa' };

/**
 * Public keys parsed for verification, by their SPKI bytes: a CA's key checks every certificate it issued (1,000
 * leaves under one intermediate parse its key once, not 1,000 times). Public data only; bounded.
 */
const verifyKeys = new Map<string, nodeCrypto.KeyObject>();
const VERIFY_KEYS_MAX = 512;

function verifyKey(spki: Uint8Array): nodeCrypto.KeyObject {
  const id = Buffer.from(spki.buffer, spki.byteOffset, spki.byteLength).toString('latin1');
  let key = verifyKeys.get(id);
  if (key) return key;
  try {
    key = nodeCrypto.createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch (e) {
    throw keyError(e, 'public key');
  }
  if (verifyKeys.size >= VERIFY_KEYS_MAX) verifyKeys.delete(verifyKeys.keys().next().value!);
  verifyKeys.set(id, key);
  return key;
}

/** Verifies a signature made by the key in `spki`; false on mismatch, PkiError if the key cannot be used. */
export function verifySignature(spki: Uint8Array, scheme: SignatureScheme, data: Uint8Array, signature: Uint8Array): boolean {
  const key = verifyKey(spki);
  try {
    switch (scheme.kind) {
      case 'eddsa':
        return nodeCrypto.verify(null, data, key, signature);
      case 'pkcs1':
        return nodeCrypto.verify(scheme.hash, data, { key, padding: nodeCrypto.constants.RSA_PKCS1_PADDING }, signature);
      case 'pss':
        return nodeCrypto.verify(scheme.hash, data, { key, padding: nodeCrypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength }, signature);
      case 'ecdsa':
        return nodeCrypto.verify(scheme.hash, data, { key, dsaEncoding: 'der' }, signature);
    }
  } catch {
    return false;
  }
}

// ---- Iterated hashing off the main thread (PKCS#12 KDF for non-SHA-256 MACs) ----

/**
 * Worker source for iterateDigestOffThread. It is eval'd (not a file) so it works the same under tsx,
 * in esbuild bundles and in Electron's main process.
 */
const ITERATE_DIGEST_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const c = require('node:crypto');
const { alg, input, count } = workerData;
const hash = typeof c.hash === 'function' ? (d) => c.hash(alg, d, 'buffer') : (d) => c.createHash(alg).update(d).digest();
const step = Math.max(1, Math.floor(count / 20));
let a = hash(input);
for (let i = 1; i < count; i++) {
  a = hash(a);
  if (i % step === 0) parentPort.postMessage({ progress: i / count });
}
parentPort.postMessage({ result: a });
`;

/** iterateDigest in a worker thread, so hundreds of thousands of rounds do not block the event loop. */
export async function iterateDigestOffThread(
  alg: HashName,
  input: Uint8Array,
  count: number,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  return new Uint8Array(await runEvalWorker<Uint8Array>(ITERATE_DIGEST_WORKER, { alg, input: Uint8Array.from(input), count }, onProgress, signal));
}

// ---- Sun's PBEWithMD5AndTripleDES key derivation (JCEKS) ----

const SUFFIX_DIGEST_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const c = require('node:crypto');
const { alg, seed, suffix, count } = workerData;
let a = c.createHash(alg).update(seed).update(suffix).digest();
for (let i = 1; i < count; i++) a = c.createHash(alg).update(a).update(suffix).digest();
parentPort.postMessage({ result: a });
`;

/**
 * a = hash(seed || suffix), then a = hash(a || suffix), `count` rounds in all (Sun JCE's PBE, 200,000 rounds
 * by default in JDK 17 keystores). Above 10,000 rounds it runs in a worker so the event loop stays free.
 */
export function iterateDigestWithSuffix(alg: HashName, seed: Uint8Array, suffix: Uint8Array, count: number): Promise<Uint8Array> {
  if (count <= 10_000) {
    let a = digestParts(alg, [seed, suffix]);
    for (let i = 1; i < count; i++) a = digestParts(alg, [a, suffix]);
    return Promise.resolve(a);
  }
  const workerData = { alg, seed: Uint8Array.from(seed), suffix: Uint8Array.from(suffix), count };
  return runEvalWorker<Uint8Array>(SUFFIX_DIGEST_WORKER, workerData).then((r) => new Uint8Array(r));
}

// ---- New keys and signatures (CSRs, self-signed certificates) ----

/** What generateKeyPkcs8 can make: the key types a CSR form offers. */
export type NewKeyParams = { type: 'rsa'; bits: 2048 | 3072 | 4096 } | { type: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' } | { type: 'ed25519' };

const cancelledKey = () => new PkiError('CANCELLED', 'Making the key was cancelled.', 'Start again when you are ready; nothing was kept.');

/**
 * A new key pair as unencrypted PKCS#8 DER, made by OpenSSL on libuv's thread pool (the event loop stays
 * free). An abort rejects at once with CANCELLED; the thread cannot be stopped, so it runs to its end and its
 * key is dropped unseen.
 */
export function generateKeyPkcs8(params: NewKeyParams, signal?: AbortSignal): Promise<Uint8Array> {
  if (signal?.aborted) return Promise.reject(cancelledKey());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(cancelledKey());
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (err: Error | null, _publicKey: Buffer, privateKey: Buffer) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return;
      if (err) reject(new PkiError('INTERNAL', `The key could not be made (${err.message}).`, 'Try again; if it keeps failing, choose another key type.'));
      else resolve(new Uint8Array(privateKey));
    };
    const encoding = { publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } } as const;
    if (params.type === 'rsa') nodeCrypto.generateKeyPair('rsa', { modulusLength: params.bits, publicExponent: 0x10001, ...encoding }, done);
    else if (params.type === 'ec') nodeCrypto.generateKeyPair('ec', { namedCurve: params.curve, ...encoding }, done);
    else nodeCrypto.generateKeyPair('ed25519', encoding, done);
  });
}

/**
 * Signs `data` with a PKCS#8 key as X.509 signatures are made: RSA PKCS#1 v1.5, ECDSA as a DER
 * Ecdsa-Sig-Value, Ed25519 over the data itself (`hash` is ignored). Other key types: UNSUPPORTED_ALGORITHM.
 */
export function signData(pkcs8: Uint8Array, hash: HashName, data: Uint8Array): Uint8Array {
  let key: nodeCrypto.KeyObject;
  try {
    key = nodeCrypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw keyError(e, 'private key');
  }
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return nodeCrypto.sign(hash, data, { key, padding: nodeCrypto.constants.RSA_PKCS1_PADDING });
    case 'ec':
      return nodeCrypto.sign(hash, data, { key, dsaEncoding: 'der' });
    case 'ed25519':
      return nodeCrypto.sign(null, data, key);
    default:
      throw new PkiError(
        'UNSUPPORTED_ALGORITHM',
        `Certbench cannot sign with a ${key.asymmetricKeyType ?? 'this kind of'} key.`,
        'Use an RSA, EC (P-256/384/521) or Ed25519 key.',
      );
  }
}

// ---- AEAD decryption (chain-tls: reading a TLS 1.3 server's encrypted handshake) ----

export type AeadName = 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305' | 'aes-128-ccm';

/**
 * Opens `sealed` (ciphertext followed by its `tagLength`-byte tag). Returns null when the tag does not
 * verify; throws UNSUPPORTED_ALGORITHM when this runtime lacks the cipher (BoringSSL has no CCM).
 */
export function aeadDecrypt(alg: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array, tagLength = 16): Uint8Array | null {
  if (sealed.length < tagLength) return null;
  const ciphertext = sealed.subarray(0, sealed.length - tagLength);
  const tag = sealed.subarray(sealed.length - tagLength);
  let decipher: nodeCrypto.DecipherGCM | nodeCrypto.DecipherCCM | nodeCrypto.DecipherChaCha20Poly1305;
  try {
    decipher = nodeCrypto.createDecipheriv(alg as 'aes-128-gcm', key, nonce, { authTagLength: tagLength });
  } catch {
    throw new PkiError('UNSUPPORTED_ALGORITHM', `The cipher ${alg.toUpperCase()} is not available here.`, 'Certbench falls back to what the TLS library reports.');
  }
  try {
    decipher.setAuthTag(tag);
    if (alg === 'aes-128-ccm') (decipher as nodeCrypto.DecipherCCM).setAAD(aad, { plaintextLength: ciphertext.length });
    else (decipher as nodeCrypto.DecipherGCM).setAAD(aad);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

// ---- Sealing secrets at rest (the key vault's "remember keys between sessions", passphrase variant) ----

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** scrypt on libuv's thread pool; memory allowed up to twice what the cost needs (128·N·r bytes). */
export function scrypt(password: Uint8Array, salt: Uint8Array, keyLength: number, cost: ScryptCost): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    nodeCrypto.scrypt(password, salt, keyLength, { ...cost, maxmem: 256 * cost.N * cost.r }, (err, key) =>
      err ? reject(new PkiError('INVALID_ARGUMENT', `The key derivation cost N=${cost.N}, r=${cost.r}, p=${cost.p} cannot be used.`, 'The sealed file is damaged or was made by another program.')) : resolve(key),
    );
  });
}

/** AES-256-GCM: returns ciphertext followed by the 16-byte tag. */
export function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const c = nodeCrypto.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
  c.setAAD(aad);
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
}

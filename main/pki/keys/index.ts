/**
 * Keys in every common encoding: PKCS#8 (plain and encrypted), traditional OpenSSL RSA/EC keys (plain or
 * with DEK-Info encryption), SubjectPublicKeyInfo and PKCS#1 public keys, as PEM blocks or raw DER.
 * Only PkiError escapes.
 */
import { PkiError, cancelled, corrupt } from '../errors';
import type { PemBlock } from '../formats/pem-blocks';
import type { RawPrivateKey, RawUnsupported, ReadOptions } from '../model';
import { decryptEncryptedPrivateKeyInfo, pbeSchemeFromNode } from '../pbe';
import * as a from '../der/asn1';
import { type DekInfo, decryptDekInfo, dekInfo, protectionLabel } from './dek-info';
import { type Protection, fromEcPrivateKey, fromPkcs8, fromRsaPrivateKey } from './private-key';
import { fromRsaPublicKey, fromSpki } from './public-key';
import { type KeyFormat, type KeyReadResult, unsupportedKey } from './result';
import { type KeyShape, keyShape } from './shapes';
import { isPkcs8Shaped } from './pkcs8-der';
import { ecPkcs8Layout } from './ec-pkcs8-layout';
import { strictDerWithinLimits } from '../der/strict';

export type { KeyFormat, KeyReadResult } from './result';
export type { Protection } from './private-key';

/** PEM labels readKeyPemBlock understands, and the structure each must hold. */
const LABEL_SHAPES: Record<string, KeyShape> = {
  'PRIVATE KEY': 'pkcs8',
  'ENCRYPTED PRIVATE KEY': 'encrypted-pkcs8',
  'RSA PRIVATE KEY': 'rsa-private',
  'EC PRIVATE KEY': 'sec1',
  'DSA PRIVATE KEY': 'dsa-private',
  'PUBLIC KEY': 'spki',
  'RSA PUBLIC KEY': 'rsa-public',
};

/** Blocks that only carry domain parameters (no key): the caller skips them silently. */
const PARAMETER_LABELS = new Set(['EC PARAMETERS', 'DSA PARAMETERS', 'DH PARAMETERS', 'X9.42 DH PARAMETERS']);

export function isKeyLabel(label: string): boolean {
  return label in LABEL_SHAPES;
}

export function isKeyParametersLabel(label: string): boolean {
  return PARAMETER_LABELS.has(label);
}

const FORMAT: Record<KeyShape, KeyFormat> = {
  pkcs8: 'pkcs8',
  'encrypted-pkcs8': 'pkcs8',
  spki: 'pkcs8',
  'rsa-private': 'pkcs1',
  'rsa-public': 'pkcs1',
  'dsa-private': 'pkcs1',
  sec1: 'sec1',
};

export async function readKeyPemBlock(block: PemBlock, options: ReadOptions): Promise<KeyReadResult> {
  const where = `PEM block ${block.index} ("${block.label}", line ${block.line})`;
  return guard(where, async () => {
    const expected = LABEL_SHAPES[block.label];
    if (!expected) throw new PkiError('INVALID_ARGUMENT', `${where} is not a key block.`, 'This is a bug in Certbench; please report it.');
    // Unsupported whatever the password: say so without asking for one.
    if (expected === 'dsa-private') return { format: 'pkcs1', object: unsupportedKey('DSA private key', 'DSA') };
    const dek = dekInfo(block.headers, where);
    if (!dek) {
      const shape = keyShape(a.parse(block.der, where));
      if (shape !== expected) throw corrupt(`${where} does not hold ${describeShape(expected)}`);
      return decode(expected, block.der, where, { encrypted: false, encoding: FORMAT[expected] }, options);
    }
    if (expected === 'spki' || expected === 'rsa-public' || expected === 'encrypted-pkcs8') {
      throw corrupt(`${where} has DEK-Info encryption, which OpenSSL never writes for this kind of block`);
    }
    const plain = decryptTraditional(dek, block.der, expected, where, options);
    return decode(expected, plain, where, { encrypted: true, encoding: FORMAT[expected], protection: protectionLabel(dek) }, options);
  });
}

export async function readKeyDer(der: Uint8Array, options: ReadOptions): Promise<KeyReadResult | null> {
  const node = a.tryParse(der);
  const shape = node && safeShape(node);
  if (!shape) return null;
  // { AlgorithmIdentifier, OCTET STRING } is also a DigestInfo: without a PEM label, insist on a PBE algorithm.
  if (shape === 'encrypted-pkcs8' && !isPbeAlgorithm(a.children(a.children(node)?.[0])?.[0])) return null;
  const where = 'the key';
  return guard(where, () => decode(shape, der, where, { encrypted: false, encoding: FORMAT[shape] }, options));
}

/** PKCS#5 (PBES1/PBES2) and PKCS#12 PBE identifiers, and Sun's JCE one: the arcs encrypted keys use. */
function isPbeAlgorithm(oidNode: a.Node | undefined): boolean {
  if (!a.isOid(oidNode)) return false;
  const oid = oidNode.valueBlock.toString();
  return /^1\.2\.840\.113549\.1\.(5|12\.1)\.\d+$/.test(oid) || oid === '1.3.6.1.4.1.42.2.19.1';
}

function safeShape(node: a.Node): KeyShape | undefined {
  try {
    return keyShape(node);
  } catch {
    return undefined;
  }
}

async function decode(shape: KeyShape, der: Uint8Array, where: string, how: Protection, options: ReadOptions): Promise<KeyReadResult> {
  const format = FORMAT[shape];
  switch (shape) {
    case 'pkcs8':
      return { format, object: fromPkcs8(der, where, how) };
    case 'rsa-private':
      return { format, object: fromRsaPrivateKey(der, where, how) };
    case 'sec1':
      return { format, object: fromEcPrivateKey(der, where, how) };
    case 'spki':
      return { format, object: fromSpki(der, where) };
    case 'rsa-public':
      return { format, object: fromRsaPublicKey(der, where) };
    case 'dsa-private':
      return { format, object: unsupportedKey('DSA private key', 'DSA') };
    case 'encrypted-pkcs8': {
      // An unknown encryption algorithm is reported before asking for a password that could not help.
      pbeSchemeFromNode(a.children(a.parse(der, where))![0], where);
      const password = requirePassword(where, options);
      const { pkcs8, protection } = await decryptEncryptedPrivateKeyInfo(der, password, options.onProgress, options.signal);
      return { format, object: fromPkcs8(pkcs8, where, { encrypted: true, encoding: 'pkcs8', protection }) };
    }
  }
}

function requirePassword(where: string, options: ReadOptions): string {
  if (options.signal?.aborted) throw cancelled();
  if (options.password === undefined) {
    throw new PkiError('PASSWORD_REQUIRED', `The private key in ${where} is encrypted.`, 'Enter the password that protects the key.');
  }
  return options.password;
}

/** DEK-Info decryption; a right password must also yield the structure the label promises. */
function decryptTraditional(dek: DekInfo, body: Uint8Array, expected: KeyShape, where: string, options: ReadOptions): Uint8Array {
  const password = requirePassword(where, options);
  if (body.length === 0 || body.length % (dek.cipherName.startsWith('AES') ? 16 : 8) !== 0) {
    throw corrupt(`${where}: the encrypted key is not a whole number of cipher blocks`);
  }
  const plain = decryptDekInfo(dek, password, body);
  const node = plain && a.tryParse(plain);
  if (!plain || !node || safeShape(node) !== expected) {
    throw new PkiError('WRONG_PASSWORD', `The password is not correct for the private key in ${where}.`, 'Check the password (it is case-sensitive) and try again.');
  }
  return plain;
}

function describeShape(shape: KeyShape): string {
  switch (shape) {
    case 'pkcs8':
      return 'a PKCS#8 private key';
    case 'encrypted-pkcs8':
      return 'an encrypted PKCS#8 private key';
    case 'rsa-private':
      return 'an RSA private key (PKCS#1)';
    case 'rsa-public':
      return 'an RSA public key (PKCS#1)';
    case 'sec1':
      return 'an EC private key (SEC1)';
    case 'spki':
      return 'a public key (SubjectPublicKeyInfo)';
    case 'dsa-private':
      return 'a DSA private key';
  }
}

/** Anything but a PkiError thrown below (asn1js, BigInt on garbage) means the data is malformed. */
async function guard<T>(where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw corrupt(`${where} could not be decoded (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * A decrypted PKCS#8 PrivateKeyInfo from a container (JKS, PKCS#12): RawPrivateKey, or RawUnsupported for an
 * algorithm Certbench cannot use. Throws CORRUPT when the key is malformed or inconsistent.
 */
export function privateKeyFromPkcs8(pkcs8: Uint8Array, where: string, how: Protection): RawPrivateKey | RawUnsupported {
  try {
    return fromPkcs8(pkcs8, where, how);
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw corrupt(`${where} could not be decoded (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** True when bytes are a PKCS#8 PrivateKeyInfo by structure: how a decryption with the right password is recognised. */
export function isPkcs8PrivateKeyInfo(bytes: Uint8Array): boolean {
  if (ecPkcs8Layout(bytes)) return true;
  const strict = strictDerWithinLimits(bytes);
  if (strict) return isPkcs8Shaped(strict);
  const node = a.tryParse(bytes);
  return !!node && safeShape(node) === 'pkcs8';
}

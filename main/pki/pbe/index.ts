/**
 * Password-based decryption: PBES2 and the PKCS#12 PBEs, and encrypted PKCS#8 (EncryptedPrivateKeyInfo).
 * Only PkiError escapes: a wrong password is WRONG_PASSWORD, an unknown algorithm UNSUPPORTED_ALGORITHM
 * naming it, a malformed structure CORRUPT saying where.
 */
import { BadDecrypt } from '../crypto';
import { PkiError, corrupt } from '../errors';
import { type Node, integer, octets, oid, parse, sequence, tryParse } from '../der/asn1';
import { type Tlv, children as derChildren, oidOf, value } from '../der/der';
import { strictDerWithinLimits } from '../der/strict';
import { OID, describeOid } from './oids';
import { type PbeSecret, candidateSecrets } from './password';
import { pbes2Scheme, pbes2SchemeFromTlv } from './pbes2';
import { isPkcs12Pbe, pkcs12PbeScheme, pkcs12PbeSchemeFromTlv } from './pkcs12-pbe';
import type { RunOptions } from './hash-iterate';
import { type PbeScheme, type ProgressFn, unsupported } from './scheme';

export type { PbeScheme, ProgressFn } from './scheme';
export type { RunOptions } from './hash-iterate';
export type { PbeSecret } from './password';
export { candidateSecrets } from './password';

/** Reads a PBE AlgorithmIdentifier node into a scheme, or throws UNSUPPORTED_ALGORITHM / CORRUPT. */
export function pbeSchemeFromNode(algorithmIdentifier: Node, where: string): PbeScheme {
  const [oidNode, params] = sequence(algorithmIdentifier, `${where} encryption algorithm`, 1);
  const algorithm = oid(oidNode, `${where} encryption algorithm`);
  if (algorithm === OID.pbes2) return pbes2Scheme(params, where);
  if (isPkcs12Pbe(algorithm)) return pkcs12PbeScheme(algorithm, params, where);
  throw unsupported(describeOid(algorithm));
}

/**
 * pbeSchemeFromNode on a TLV of strict DER (der/strict.ts), for PBES2 and the PKCS#12 PBEs in the shapes
 * writers use; undefined when the asn1js reader must decide (and word the error).
 */
export function pbeSchemeFromTlv(algorithmIdentifier: Tlv, where: string): PbeScheme | undefined {
  if (algorithmIdentifier.tag !== 0x30) return undefined;
  const [oidTlv, params] = derChildren(algorithmIdentifier);
  if (oidTlv?.tag !== 0x06) return undefined;
  const algorithm = oidOf(oidTlv);
  if (algorithm === OID.pbes2) return pbes2SchemeFromTlv(params, where);
  if (isPkcs12Pbe(algorithm)) return pkcs12PbeSchemeFromTlv(algorithm, params, where);
  return undefined;
}

export function wrongPassword(what = 'the file'): PkiError {
  return new PkiError('WRONG_PASSWORD', `The password is not correct for ${what}.`, 'Check the password (it is case-sensitive) and try again.');
}

/**
 * Decrypts with each secret in turn until one yields plaintext that `accept` recognises.
 * Returns undefined when none did (wrong password).
 */
export async function decryptWithSecrets(
  scheme: PbeScheme,
  data: Uint8Array,
  secrets: PbeSecret[],
  accept: (plaintext: Uint8Array) => boolean,
  options: RunOptions = {},
): Promise<{ plaintext: Uint8Array; secret: PbeSecret } | undefined> {
  for (const secret of secrets) {
    try {
      const plaintext = await scheme.decrypt(secret, data, options);
      if (accept(plaintext)) return { plaintext, secret };
    } catch (e) {
      if (e instanceof BadDecrypt) continue;
      if (e instanceof PkiError) throw e;
      throw new PkiError('INTERNAL', `Decryption failed unexpectedly: ${e instanceof Error ? e.message : String(e)}.`, 'Please report this.');
    }
  }
  return undefined;
}

/** PrivateKeyInfo / OneAsymmetricKey: SEQUENCE { INTEGER 0|1, AlgorithmIdentifier, OCTET STRING, ... }. */
export function looksLikePkcs8(bytes: Uint8Array): boolean {
  const strict = strictDerWithinLimits(bytes);
  return strict ? pkcs8Shaped(strict) : pkcs8ShapedAsn1(bytes);
}

/** looksLikePkcs8 on strict DER, with the plain TLV reader. */
function pkcs8Shaped(root: Tlv): boolean {
  if (root.tag !== 0x30) return false;
  const [version, alg, key] = derChildren(root);
  if (!key || alg.tag !== 0x30 || key.tag !== 0x04 || version.tag !== 0x02) return false;
  if (derChildren(alg)[0]?.tag !== 0x06) return false;
  const v = value(version);
  // INTEGER 0 or 1, however many leading zero bytes.
  for (let i = 0; i < v.length - 1; i++) if (v[i] !== 0) return false;
  return v[v.length - 1] <= 1;
}

/** looksLikePkcs8 with asn1js for any BER; exported for the test that holds both checks to the same answers. */
export function pkcs8ShapedAsn1(bytes: Uint8Array): boolean {
  const node = tryParse(bytes, 'ber');
  if (!node) return false;
  try {
    const [version, alg, key] = sequence(node, 'key', 3);
    oid(sequence(alg, 'key algorithm', 1)[0], 'key algorithm');
    octets(key, 'key');
    const v = integer(version, 'key version');
    return v === 0 || v === 1;
  } catch {
    return false;
  }
}

function wrap<T>(fn: () => Promise<T>): Promise<T> {
  return fn().catch((e: unknown) => {
    if (e instanceof PkiError) throw e;
    throw new PkiError('INTERNAL', `Decryption failed unexpectedly: ${e instanceof Error ? e.message : String(e)}.`, 'Please report this.');
  });
}

/**
 * Decrypts `encrypted` with the PBE described by a DER AlgorithmIdentifier. The plaintext is only checked
 * for padding, so the caller should verify its structure.
 */
export function decryptPbe(
  algorithmIdentifierDer: Uint8Array,
  encrypted: Uint8Array,
  password: string,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<{ plaintext: Uint8Array; protection: string }> {
  return wrap(async () => {
    const scheme = pbeSchemeFromNode(parse(algorithmIdentifierDer, 'the encryption algorithm', 'ber'), 'the');
    onProgress?.(0, 'Deriving the key from the password');
    const result = await decryptWithSecrets(scheme, encrypted, candidateSecrets(password), () => true, { signal });
    onProgress?.(1, 'Deriving the key from the password');
    if (!result) throw wrongPassword();
    return { plaintext: result.plaintext, protection: scheme.protection };
  });
}

/** Decrypts an EncryptedPrivateKeyInfo (ENCRYPTED PRIVATE KEY) to PKCS#8 PrivateKeyInfo DER. */
export function decryptEncryptedPrivateKeyInfo(
  der: Uint8Array,
  password: string,
  onProgress?: ProgressFn,
  signal?: AbortSignal,
): Promise<{ pkcs8: Uint8Array; protection: string }> {
  return wrap(async () => {
    const [algNode, dataNode] = sequence(parse(der, 'the encrypted private key', 'ber'), 'the encrypted private key', 2);
    const scheme = pbeSchemeFromNode(algNode, 'the encrypted private key');
    const data = octets(dataNode, 'the encrypted private key data');
    if (data.length === 0) throw corrupt('the encrypted private key data is empty');
    onProgress?.(0, 'Deriving the key from the password');
    const result = await decryptWithSecrets(scheme, data, candidateSecrets(password), looksLikePkcs8, { signal });
    onProgress?.(1, 'Deriving the key from the password');
    if (!result) throw wrongPassword('this private key');
    return { pkcs8: result.plaintext, protection: scheme.protection };
  });
}



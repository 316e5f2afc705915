/**
 * JCEKS secret key entries: a serialized com.sun.crypto.provider.SealedObjectForKeyProtector whose
 * encryptedContent is (PBEWithMD5AndTripleDES) a serialized SecretKeySpec or KeyRep. The algorithm and size
 * are only inside the encrypted part, so without a password the entry is listed as locked.
 */
import { corrupt } from '../errors';
import { JCEKS_KEY_PROTECTION_LABEL, jceksDecrypt } from './jceks-keyprotector';
import { JavaDataInput } from './java-data-input';
import { type JavaObject, type JavaValue, isJavaObject, readJavaObject } from './java-serialization';
import * as a from '../der/asn1';

/** JceKeyStore writes the first; Java reads any javax.crypto.SealedObject, so both are accepted. */
const SEALED_CLASSES = ['com.sun.crypto.provider.SealedObjectForKeyProtector', 'javax.crypto.SealedObject'];
const SEAL_ALGORITHM = 'PBEWithMD5AndTripleDES';

export interface SealedSecretKey {
  encryptedContent: Uint8Array;
  /** The DER PBEParameter as stored (salt and iterations decoded below). */
  encodedParams: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

/** Reads the sealed object at the input's offset (advancing past it) and checks it is one JCEKS writes. */
export function readSealedSecretKey(input: JavaDataInput, where: string): SealedSecretKey {
  const sealed = readJavaObject(input);
  if (!isJavaObject(sealed) || !SEALED_CLASSES.includes(sealed.classDesc.name)) {
    throw corrupt(`${where}: the secret key is sealed in an unknown object type (${describe(sealed)})`);
  }
  const { encodedParams, encryptedContent, sealAlg, paramsAlg } = sealed.fields;
  if (sealAlg !== SEAL_ALGORITHM || (paramsAlg !== null && paramsAlg !== SEAL_ALGORITHM)) {
    throw corrupt(`${where}: the secret key is sealed with an unknown algorithm (${String(sealAlg)})`);
  }
  if (!(encodedParams instanceof Uint8Array) || !(encryptedContent instanceof Uint8Array)) {
    throw corrupt(`${where}: the sealed secret key lacks its parameters or content`);
  }
  return { encryptedContent, encodedParams, ...pbeParameter(encodedParams, where) };
}

/** PBEParameter ::= SEQUENCE { salt OCTET STRING (8 bytes), iterationCount INTEGER } */
export function pbeParameter(der: Uint8Array, where: string): { salt: Uint8Array; iterations: number } {
  const c = a.children(a.parse(der, `${where}: the PBE parameters`));
  const salt = a.octets(c?.[0], `${where}: the PBE salt`);
  const iterations = a.smallInt(c?.[1]);
  if (salt.length !== 8) throw corrupt(`${where}: the PBE salt should be 8 bytes`);
  if (iterations === undefined || iterations < 1 || iterations > 10_000_000) throw corrupt(`${where}: the PBE iteration count is implausible`);
  return { salt, iterations };
}

export type UnsealResult =
  | { ok: true; algorithm: string; sizeBits: number; protection: string }
  | { ok: false };

/** Decrypts and decodes the key; `ok: false` means a wrong password; CORRUPT when the content is not a key. */
export async function unsealSecretKey(sealed: SealedSecretKey, password: string, where: string): Promise<UnsealResult> {
  const plain = await jceksDecrypt(sealed.encryptedContent, password, sealed.salt, sealed.iterations);
  if (!plain || plain[0] !== 0xac || plain[1] !== 0xed) return { ok: false };
  const inner = new JavaDataInput(plain, `${where}: the sealed secret key`);
  // A wrong password passes the padding check 1 time in 256 but then also starts with the magic 1 in 65536:
  // past this point a parse failure means damage, not a wrong password.
  const value = readJavaObject(inner);
  const key = secretKeyFields(value);
  if (!key) throw corrupt(`${where}: the sealed object holds ${describe(value)}, not a secret key`);
  return { ok: true, algorithm: key.algorithm, sizeBits: key.bytes * 8, protection: JCEKS_KEY_PROTECTION_LABEL };
}

/** javax.crypto.spec.SecretKeySpec { algorithm, key } or java.security.KeyRep { algorithm, encoded, type SECRET }. */
function secretKeyFields(value: JavaValue): { algorithm: string; bytes: number } | undefined {
  if (isJavaObject(value, 'javax.crypto.spec.SecretKeySpec')) {
    return pick(value, 'key');
  }
  if (isJavaObject(value, 'java.security.KeyRep')) {
    const type = value.fields.type;
    if (typeof type === 'object' && type !== null && 'kind' in type && type.kind === 'enum' && type.constant !== 'SECRET') return undefined;
    return pick(value, 'encoded');
  }
  return undefined;
}

function pick(value: JavaObject, bytesField: string): { algorithm: string; bytes: number } | undefined {
  const algorithm = value.fields.algorithm;
  const bytes = value.fields[bytesField];
  return typeof algorithm === 'string' && bytes instanceof Uint8Array ? { algorithm, bytes: bytes.length } : undefined;
}

function describe(value: JavaValue): string {
  if (isJavaObject(value)) return `a ${value.classDesc.name}`;
  if (value === null) return 'nothing';
  return typeof value === 'string' ? 'a string' : 'an unexpected value';
}

/** PBES2 (RFC 8018 section 6.2): PBKDF2 with an HMAC PRF, then AES-CBC or DES-EDE3-CBC. Read and written. */
import { decryptCbc, encryptCbc, randomBytes, type BlockCipherName, type HashName } from '../crypto';
import * as der from '../der/write';
import type { PbeSecret } from './password';
import type { RunOptions } from './hash-iterate';
import { type Derivation, measured } from './cost';
import { pbkdf2 } from './pbkdf2';
import { corrupt } from '../errors';
import { Tag, type Tlv, children as derChildren, oidOf, value } from '../der/der';
import { nonNegativeInt } from '../der/strict';
import { type Node, integer, isNull, octets, oid, sequence } from '../der/asn1';
import { OID, PRF_HASH, describeOid, prfOid } from './oids';
import { type PbeEncrypted, type PbeScheme, checkIterations, unsupported } from './scheme';
import { HASH_BYTES } from '../crypto';

interface CipherSpec {
  name: BlockCipherName;
  label: string;
  keyLength: number;
  ivLength: number;
}

const CIPHERS: Record<string, CipherSpec> = {
  [OID.aes128Cbc]: { name: 'aes-128-cbc', label: 'AES-128-CBC', keyLength: 16, ivLength: 16 },
  [OID.aes192Cbc]: { name: 'aes-192-cbc', label: 'AES-192-CBC', keyLength: 24, ivLength: 16 },
  [OID.aes256Cbc]: { name: 'aes-256-cbc', label: 'AES-256-CBC', keyLength: 32, ivLength: 16 },
  [OID.desEde3Cbc]: { name: 'des-ede3-cbc', label: 'DES-EDE3-CBC', keyLength: 24, ivLength: 8 },
};


/** `params` is the PBES2-params SEQUENCE of the AlgorithmIdentifier. */
export function pbes2Scheme(params: Node | undefined, where: string): PbeScheme {
  const [kdfAlg, encAlg] = sequence(params, `${where} PBES2 parameters`, 2);
  const [kdfOidNode, kdfParams] = sequence(kdfAlg, `${where} PBES2 key derivation`, 1);
  const kdfOid = oid(kdfOidNode, `${where} PBES2 key derivation`);
  if (kdfOid !== OID.pbkdf2) throw unsupported(`the key derivation ${describeOid(kdfOid)}`);

  const fields = sequence(kdfParams, `${where} PBKDF2 parameters`, 2);
  const salt = explicitSalt(fields[0], `${where} PBKDF2 salt`);
  const iterations = checkIterations(integer(fields[1], `${where} PBKDF2 iteration count`), `${where} PBKDF2`);
  let keyLength: number | undefined;
  let hash: HashName = 'sha1';
  for (const field of fields.slice(2)) {
    if (field.idBlock.tagNumber === 2 && field.idBlock.tagClass === 1) {
      keyLength = integer(field, `${where} PBKDF2 key length`);
    } else {
      const [prfOidNode, prfParams] = sequence(field, `${where} PBKDF2 PRF`, 1);
      const prfOid = oid(prfOidNode, `${where} PBKDF2 PRF`);
      if (prfParams && !isNull(prfParams)) throw corrupt(`${where} PBKDF2 PRF has unexpected parameters`);
      const prf = PRF_HASH[prfOid];
      if (!prf) throw unsupported(`the PBKDF2 PRF ${describeOid(prfOid)}`);
      hash = prf;
    }
  }

  const [encOidNode, ivNode] = sequence(encAlg, `${where} PBES2 encryption scheme`, 1);
  const encOid = oid(encOidNode, `${where} PBES2 encryption scheme`);
  const cipher = CIPHERS[encOid];
  if (!cipher) throw unsupported(`the cipher ${describeOid(encOid)}`);
  const iv = octets(ivNode, `${where} ${cipher.label} IV`);
  if (iv.length !== cipher.ivLength) throw corrupt(`${where} ${cipher.label} IV is ${iv.length} bytes, expected ${cipher.ivLength}`);
  if (keyLength !== undefined && keyLength !== cipher.keyLength) {
    throw corrupt(`${where} PBKDF2 key length ${keyLength} does not fit ${cipher.label}`);
  }

  return pbes2(salt, iterations, hash, cipher, iv);
}

/**
 * pbes2Scheme on a TLV of strict DER (der/strict.ts), for the shapes OpenSSL and Java write: PBKDF2 with a
 * salt, a PRF without parameters, a cipher we have and an IV of its size. Anything else answers undefined
 * and the caller reads the parameters with asn1js (pbes2Scheme), which names what is wrong.
 */
export function pbes2SchemeFromTlv(params: Tlv | undefined, where: string): PbeScheme | undefined {
  if (params?.tag !== Tag.Sequence) return undefined;
  const [kdfAlg, encAlg] = derChildren(params);
  if (kdfAlg?.tag !== Tag.Sequence || encAlg?.tag !== Tag.Sequence) return undefined;
  const [kdfOid, kdfParams] = derChildren(kdfAlg);
  if (kdfOid?.tag !== Tag.Oid || oidOf(kdfOid) !== OID.pbkdf2 || kdfParams?.tag !== Tag.Sequence) return undefined;
  const [saltTlv, iterationsTlv, ...rest] = derChildren(kdfParams);
  const count = nonNegativeInt(iterationsTlv);
  if (saltTlv?.tag !== Tag.OctetString || count === undefined) return undefined;
  const iterations = checkIterations(count, `${where} PBKDF2`);
  let keyLength: number | undefined;
  let hash: HashName = 'sha1';
  for (const field of rest) {
    if (field.tag === Tag.Integer) {
      keyLength = nonNegativeInt(field);
      if (keyLength === undefined) return undefined;
      continue;
    }
    if (field.tag !== Tag.Sequence) return undefined;
    const [prfOidTlv, prfParams] = derChildren(field);
    const prf = prfOidTlv?.tag === Tag.Oid ? PRF_HASH[oidOf(prfOidTlv)] : undefined;
    if (!prf || (prfParams && prfParams.tag !== Tag.Null)) return undefined;
    hash = prf;
  }
  const [encOid, ivTlv] = derChildren(encAlg);
  const cipher = encOid?.tag === Tag.Oid ? CIPHERS[oidOf(encOid)] : undefined;
  if (!cipher || ivTlv?.tag !== Tag.OctetString || ivTlv.end - ivTlv.valueStart !== cipher.ivLength) return undefined;
  if (keyLength !== undefined && keyLength !== cipher.keyLength) return undefined;
  return pbes2(value(saltTlv).slice(), iterations, hash, cipher, value(ivTlv).slice());
}

function pbes2(salt: Uint8Array, iterations: number, hash: HashName, cipher: CipherSpec, iv: Uint8Array): PbeScheme {
  const work: Derivation = { kind: 'pbkdf2', hash, iterations, blocks: Math.ceil(cipher.keyLength / HASH_BYTES[hash]) };
  return {
    protection: `PBES2 (PBKDF2-HMAC-${hash.toUpperCase()}, ${cipher.label}, ${iterations} iterations)`,
    legacy: false,
    work: [work],
    async decrypt(secret, data, options = {}) {
      const key = await measured(work, () => pbkdf2(secret.utf8, salt, iterations, cipher.keyLength, hash, options));
      return decryptCbc(cipher.name, key, iv, data);
    },
  };
}

/** PBKDF2's salt is CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier }; nobody uses the latter. */
function explicitSalt(node: Node | undefined, where: string): Uint8Array {
  if (node && node.idBlock.tagClass === 1 && node.idBlock.tagNumber === 16) throw unsupported('a PBKDF2 salt from another source (otherSource)');
  return octets(node, where);
}

export interface Pbes2Choice {
  cipher: BlockCipherName;
  /** The PBKDF2 PRF: HMAC with this hash. */
  hash: HashName;
  iterations: number;
  /** Random salt length in bytes (16: NIST SP 800-132 asks for at least 128 bits). */
  saltLength?: number;
}

/**
 * Encrypts with PBES2 under a fresh random salt and IV; the password's UTF-8 bytes feed PBKDF2 (as OpenSSL 3
 * and Java do). Returns the PBES2 AlgorithmIdentifier as OpenSSL writes it (PRF explicit, no key length).
 */
export async function pbes2Encrypt(secret: PbeSecret, plaintext: Uint8Array, choice: Pbes2Choice, options: RunOptions = {}): Promise<PbeEncrypted> {
  const [cipherOid, cipher] = Object.entries(CIPHERS).find(([, c]) => c.name === choice.cipher) ?? [];
  if (!cipherOid || !cipher) throw new RangeError(`no PBES2 cipher ${choice.cipher}`);
  const salt = randomBytes(choice.saltLength ?? 16);
  const iv = randomBytes(cipher.ivLength);
  const key = await pbkdf2(secret.utf8, salt, choice.iterations, cipher.keyLength, choice.hash, options);
  const pbkdf2Params = der.sequence(der.octetString(salt), der.integer(choice.iterations), der.algorithm(prfOid(choice.hash), null));
  const algorithm = der.algorithm(
    OID.pbes2,
    der.sequence(der.algorithm(OID.pbkdf2, pbkdf2Params), der.algorithm(cipherOid, der.octetString(iv))),
  );
  return { algorithm, data: encryptCbc(cipher.name, key, iv, plaintext) };
}

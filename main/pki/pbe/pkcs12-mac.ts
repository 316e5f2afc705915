/** The PKCS#12 password MAC (RFC 7292 section 5): HMAC keyed by the PKCS#12 KDF with ID 3. Checked and made. */
import { hmac, randomBytes, timingSafeEqual, type HashName } from '../crypto';
import * as der from '../der/write';
import { corrupt } from '../errors';
import { type Node, integer, octets, oid, sequence } from '../der/asn1';
import { DIGEST_HASH, HASH_LABEL, OID, describeOid, digestOid } from './oids';
import type { PbeSecret } from './password';
import type { Derivation } from './cost';
import type { RunOptions } from './hash-iterate';
import { KDF_ID, pkcs12Kdf, pkcs12KdfWork } from './pkcs12-kdf';
import { checkIterations, unsupported } from './scheme';
import { HASH_BYTES } from '../crypto';

export interface MacSpec {
  hash: HashName;
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
  /** "SHA-256, 2048 iterations" */
  label: string;
}


/** MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 } */
export function parseMacData(node: Node): MacSpec {
  const [digestInfo, saltNode, iterNode] = sequence(node, 'the PKCS#12 MAC', 2);
  const [algNode, digestNode] = sequence(digestInfo, 'the PKCS#12 MAC digest', 2);
  const algorithm = oid(sequence(algNode, 'the PKCS#12 MAC algorithm', 1)[0], 'the PKCS#12 MAC algorithm');
  if (algorithm === OID.pbmac1) throw unsupported('a PBMAC1 integrity check (RFC 9579)');
  const hash = DIGEST_HASH[algorithm];
  if (!hash) throw unsupported(`the MAC digest ${describeOid(algorithm)}`);
  const digest = octets(digestNode, 'the PKCS#12 MAC value');
  if (digest.length !== HASH_BYTES[hash]) throw corrupt(`the PKCS#12 MAC value is ${digest.length} bytes, expected ${HASH_BYTES[hash]}`);
  const salt = octets(saltNode, 'the PKCS#12 MAC salt');
  const iterations = checkIterations(iterNode ? integer(iterNode, 'the PKCS#12 MAC iteration count') : 1, 'the PKCS#12 MAC');
  return { hash, digest, salt, iterations, label: `${HASH_LABEL[hash]}, ${iterations} iteration${iterations === 1 ? '' : 's'}` };
}

/** The key derivation one MAC check runs. */
export function macWork(spec: MacSpec): Derivation {
  return pkcs12KdfWork(spec.hash, spec.iterations, HASH_BYTES[spec.hash]);
}

export async function verifyMac(spec: MacSpec, secret: PbeSecret, content: Uint8Array, options: RunOptions = {}): Promise<boolean> {
  const key = await pkcs12Kdf(spec.hash, secret.bmp, spec.salt, KDF_ID.mac, spec.iterations, HASH_BYTES[spec.hash], options);
  return timingSafeEqual(hmac(spec.hash, key, content), spec.digest);
}

/**
 * MacData over `content` (the AuthenticatedSafe encoding) under a fresh random salt: what a writer appends
 * to the PFX. The KDF takes the password's BMPString form, as every reader expects.
 */
export async function computeMacData(
  hash: HashName,
  secret: PbeSecret,
  content: Uint8Array,
  { iterations, saltLength }: { iterations: number; saltLength: number },
  options: RunOptions = {},
): Promise<Uint8Array> {
  const salt = randomBytes(saltLength);
  const key = await pkcs12Kdf(hash, secret.bmp, salt, KDF_ID.mac, iterations, HASH_BYTES[hash], options);
  const digestInfo = der.sequence(der.algorithm(digestOid(hash), null), der.octetString(hmac(hash, key, content)));
  return der.sequence(digestInfo, der.octetString(salt), der.integer(iterations));
}

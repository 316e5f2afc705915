/**
 * PKCS#8 PrivateKeyInfo in strict DER, read with the plain TLV reader: the keys of keystores, hundreds per
 * file, where an asn1js tree per key (and asn1js warming up at all) cost more than the rest of the reading.
 * Each function answers only for the usual shapes and says undefined otherwise, and the asn1js readers in
 * shapes.ts and private-key.ts decide (and word any error); for the shapes answered here they give the same.
 */
import { type Tlv, children, oidOf, value } from '../der/der';
import { strictDerWithinLimits } from '../der/strict';
import { ecPkcs8Layout } from './ec-pkcs8-layout';
import { KEY_OID, SUPPORTED_CURVES } from './oids';

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const OID = 0x06;

/** An INTEGER of at most 6 bytes equal to `n` (0 or 1: versions), as asn1js's smallInt compares it. */
export function smallIntIs(t: Tlv | undefined, n: 0 | 1): boolean {
  if (!t || t.tag !== INTEGER || t.end - t.valueStart > 6) return false;
  const v = value(t);
  for (let i = 0; i < v.length - 1; i++) if (v[i] !== 0) return false;
  return v[v.length - 1] === n;
}

/**
 * keyShape(...) === 'pkcs8' (shapes.ts) for a strict DER root: { INTEGER 0|1, AlgorithmIdentifier, OCTET STRING,
 * [0]?, [1]? } with the optional fields in order.
 */
export function isPkcs8Shaped(root: Tlv): boolean {
  if (root.tag !== SEQUENCE) return false;
  const c = children(root);
  if (c.length < 3 || c.length > 5 || !(smallIntIs(c[0], 0) || smallIntIs(c[0], 1))) return false;
  if (c[1].tag !== SEQUENCE || c[2].tag !== OCTET_STRING) return false;
  const alg = children(c[1]);
  if (alg.length < 1 || alg.length > 2 || alg[0].tag !== OID) return false;
  let last = -1;
  for (const t of c.slice(3)) {
    const number = t.tag & 0x1f;
    if ((t.tag & 0xc0) !== 0x80 || number > 1 || number <= last) return false;
    last = number;
  }
  return true;
}

/** What fromPkcs8 checks of a supported key, read from strict DER. */
export type Pkcs8Parts = { algorithm: 'RSA'; rsa: bigint[] } | { algorithm: 'EC' | 'Ed25519' };

/**
 * The parts of an RSA, EC (P-256/384/521) or Ed25519 PrivateKeyInfo without a stored public key, when both it
 * and its inner key are strict DER of the expected shape; undefined for anything else.
 */
export function supportedPkcs8Parts(pkcs8: Uint8Array): Pkcs8Parts | undefined {
  if (ecPkcs8Layout(pkcs8)) return { algorithm: 'EC' };
  const root = strictDerWithinLimits(pkcs8);
  if (!root || root.tag !== SEQUENCE) return undefined;
  const c = children(root);
  if (c.length < 3 || c[1].tag !== SEQUENCE || c[2].tag !== OCTET_STRING) return undefined;
  // OneAsymmetricKey's public key [1] is checked against the private one by the full reader.
  if (c.some((t) => (t.tag & 0xdf) === 0x81)) return undefined;
  const [algOid, params] = children(c[1]);
  if (algOid?.tag !== OID) return undefined;
  const algorithm = oidOf(algOid);
  const inner = value(c[2]);
  if (algorithm === KEY_OID.ed25519) return inner.length === 34 && inner[0] === 0x04 && inner[1] === 32 ? { algorithm: 'Ed25519' } : undefined;
  if (algorithm === KEY_OID.ec) {
    if (params?.tag !== OID || !SUPPORTED_CURVES[oidOf(params)]) return undefined;
    const ec = strictDerWithinLimits(inner);
    if (!ec || ec.tag !== SEQUENCE) return undefined;
    const [version, d] = children(ec);
    return smallIntIs(version, 1) && d?.tag === OCTET_STRING ? { algorithm: 'EC' } : undefined;
  }
  if (algorithm === KEY_OID.rsa) {
    const rsa = strictDerWithinLimits(inner);
    if (!rsa || rsa.tag !== SEQUENCE) return undefined;
    const fields = children(rsa);
    if (fields.length !== 9 || fields.some((t) => t.tag !== INTEGER)) return undefined;
    return { algorithm: 'RSA', rsa: fields.map(signedBigInt) };
  }
  return undefined;
}

/** An INTEGER's two's-complement value, as asn1js's toBigInt gives it. */
function signedBigInt(t: Tlv): bigint {
  const v = value(t);
  const magnitude = BigInt('0x' + Buffer.from(v.buffer, v.byteOffset, v.length).toString('hex'));
  return v[0] & 0x80 ? magnitude - (1n << BigInt(8 * v.length)) : magnitude;
}

/** The RSA modulus of a SubjectPublicKeyInfo, as a bigint (for weak-key tests such as ROCA). */
import { children, hex, readTlv, Tag, value, type Tlv } from '../der/der';
import { spkiAlgorithmOid } from './spki';

const RSA_OIDS = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.10']);

/** null when the key is not RSA or its modulus cannot be read. */
export function rsaModulusOf(spki: Tlv): bigint | null {
  try {
    if (!RSA_OIDS.has(spkiAlgorithmOid(spki))) return null;
    const bits = value(children(spki, 'public key info')[1]).subarray(1);
    const n = children(readTlv(bits, 0, bits.length, 'RSA public key'), 'RSA public key')[0];
    if (!n || n.tag !== Tag.Integer) return null;
    const v = value(n);
    return v.length ? BigInt('0x' + hex(v)) : null;
  } catch {
    return null;
  }
}

/** Serial numbers as OpenSSL prints them (`openssl x509 -serial`): signed, uppercase hex, whole bytes. */
import { hex, integerHex, value, type Tlv } from '../der/der';

export interface Serial {
  /** "04316693ED" or, for a negative INTEGER, "-04316693ED" (never the raw two's complement). */
  text: string;
  negative: boolean;
  /** Content octets as encoded (RFC 5280 allows at most 20). */
  octets: number;
}

export function readSerial(t: Tlv): Serial {
  const v = value(t);
  if (v.length === 0) return { text: '', negative: false, octets: 0 };
  if (!(v[0] & 0x80)) return { text: integerHex(t), negative: false, octets: v.length };
  // Two's complement → magnitude: invert and add one, from the last byte up.
  const m = new Uint8Array(v.length);
  let carry = 1;
  for (let i = v.length - 1; i >= 0; i--) {
    const b = (~v[i] & 0xff) + carry;
    m[i] = b & 0xff;
    carry = b >> 8;
  }
  let start = 0;
  while (start < m.length - 1 && m[start] === 0) start++;
  return { text: '-' + hex(m.subarray(start)), negative: true, octets: v.length };
}

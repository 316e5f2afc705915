/**
 * The protected key of a JKS entry as Java lays it out, matched byte for byte: EncryptedPrivateKeyInfo
 * { { OID 1.3.6.1.4.1.42.2.17.1.1, NULL }, OCTET STRING data } in minimal DER. Every key of a keystore written
 * by keytool (or by Certbench) has exactly this layout, and reading it so skips the strict DER walk and the
 * limit scan per key (a tenth of parsing a 500-entry keystore). Anything else answers undefined and goes the
 * general way, which reads the same data from this layout: the two are held to the same answers in the tests.
 */

/** SEQUENCE { OBJECT IDENTIFIER 1.3.6.1.4.1.42.2.17.1.1, NULL }: Sun's JKS key protection algorithm. */
const JKS_ALGORITHM = Uint8Array.of(0x30, 0x0e, 0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x2a, 0x02, 0x11, 0x01, 0x01, 0x05, 0x00);
const SEQUENCE = 0x30;
const OCTET_STRING = 0x04;

/** A copy of the protected data (salt || encrypted key || check), or undefined when `der` is laid out otherwise. */
export function javaLayoutKeyData(der: Uint8Array): Uint8Array | undefined {
  if (der[0] !== SEQUENCE) return undefined;
  const outer = minimalLength(der, 1);
  if (!outer || outer.valueStart + outer.length !== der.length) return undefined;
  let p = outer.valueStart;
  if (der.length < p + JKS_ALGORITHM.length + 2) return undefined;
  for (let i = 0; i < JKS_ALGORITHM.length; i++) if (der[p + i] !== JKS_ALGORITHM[i]) return undefined;
  p += JKS_ALGORITHM.length;
  if (der[p] !== OCTET_STRING) return undefined;
  const data = minimalLength(der, p + 1);
  if (!data || data.valueStart + data.length !== der.length) return undefined;
  return der.slice(data.valueStart);
}

/** A DER length at `at` in its shortest form (short form below 128, else no leading zero byte and at most 4 bytes). */
function minimalLength(der: Uint8Array, at: number): { length: number; valueStart: number } | undefined {
  if (at >= der.length) return undefined;
  const first = der[at];
  if (first < 0x80) return { length: first, valueStart: at + 1 };
  const n = first & 0x7f;
  if (n === 0 || n > 4 || at + 1 + n > der.length || der[at + 1] === 0) return undefined;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + der[at + 1 + i];
  return length < 0x80 ? undefined : { length, valueStart: at + 1 + n };
}

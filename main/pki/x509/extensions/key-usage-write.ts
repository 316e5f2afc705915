import type { KeyUsageName } from '../../../api/dto';
import * as der from '../../der/write';
import { PkiError } from '../../errors';
import type { ExtensionValue } from './extension-write';

/** RFC 5280 4.2.1.3 bit numbers. */
const BITS: Record<KeyUsageName, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
  encipherOnly: 7,
  decipherOnly: 8,
};

/** A named-bit BIT STRING in DER: trailing zero bits dropped (X.690 11.2.2), their count in the first byte. */
export function namedBitString(bits: readonly number[]): Uint8Array {
  if (bits.length === 0) return der.bitString(new Uint8Array(0));
  const length = Math.max(...bits) + 1;
  const bytes = new Uint8Array(Math.ceil(length / 8));
  for (const b of bits) bytes[b >> 3] |= 0x80 >> (b & 7);
  return der.bitString(bytes, bytes.length * 8 - length);
}

export function keyUsageExtension(usages: readonly KeyUsageName[], critical: boolean): ExtensionValue {
  const bits = usages.map((u) => {
    if (!Object.hasOwn(BITS, u)) throw new PkiError('INVALID_ARGUMENT', `Key usage "${String(u)}" is not one RFC 5280 defines.`, `Choose from ${Object.keys(BITS).join(', ')}.`);
    return BITS[u];
  });
  return { oid: '2.5.29.15', critical, value: namedBitString(bits) };
}

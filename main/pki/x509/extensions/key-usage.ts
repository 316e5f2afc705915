import { value } from '../../der/der';
import { problem } from '../problems';
import type { ExtensionDecoder } from './types';

const BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

/** Named bits of a BIT STRING (first content byte is the unused-bit count). */
export function namedBits(bits: Uint8Array, names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const byte = bits[1 + (i >> 3)];
    if (byte !== undefined && byte & (0x80 >> (i & 7))) out.push(names[i]);
  }
  return out;
}

export const keyUsage: ExtensionDecoder = {
  oid: '2.5.29.15',
  decode(inner) {
    const keyUsage = namedBits(value(inner), BITS);
    const problems = keyUsage.length === 0 ? [problem('KEY_USAGE_EMPTY', 'error', 'The key usage extension sets no usage; RFC 5280 4.2.1.3 requires at least one.')] : [];
    return { lines: [keyUsage.join(', ') || '(none)'], facts: { keyUsage, problems } };
  },
};

import { integerHex } from '../../der/der';
import type { ExtensionDecoder } from './types';

export const crlNumber: ExtensionDecoder = {
  oid: '2.5.29.20',
  decode(inner) {
    const n = BigInt('0x' + (integerHex(inner) || '0')).toString();
    return { lines: [n], facts: { crlNumber: n } };
  },
};

export const deltaCrlIndicator: ExtensionDecoder = {
  oid: '2.5.29.27',
  decode: (inner) => ({ lines: [`Base CRL: ${BigInt('0x' + (integerHex(inner) || '0')).toString()}`] }),
};

import { generalNames } from '../general-names';
import type { ExtensionDecoder } from './types';

export const issuerAltName: ExtensionDecoder = {
  oid: '2.5.29.18',
  decode: (inner) => ({ lines: generalNames(inner) }),
};

import { generalNames } from '../general-names';
import type { ExtensionDecoder } from './types';

export const subjectAltName: ExtensionDecoder = {
  oid: '2.5.29.17',
  decode(inner) {
    const san = generalNames(inner);
    return { lines: san, facts: { san } };
  },
};

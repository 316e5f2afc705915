import { generalNames } from '../general-names';
import type { Problem } from '../problems';
import type { ExtensionDecoder } from './types';

export const issuerAltName: ExtensionDecoder = {
  oid: '2.5.29.18',
  decode(inner) {
    const problems: Problem[] = [];
    return { lines: generalNames(inner, problems), facts: { problems } };
  },
};

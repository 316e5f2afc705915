import { generalNames } from '../general-names';
import type { Problem } from '../problems';
import type { ExtensionDecoder } from './types';

export const subjectAltName: ExtensionDecoder = {
  oid: '2.5.29.17',
  decode(inner) {
    const problems: Problem[] = [];
    const san = generalNames(inner, problems);
    return { lines: san, facts: { san, problems } };
  },
};

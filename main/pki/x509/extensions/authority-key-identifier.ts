import { children, contextNumber, hex, value } from '../../der/der';
import { generalNames } from '../general-names';
import type { Problem } from '../problems';
import type { ExtensionDecoder } from './types';

export const authorityKeyIdentifier: ExtensionDecoder = {
  oid: '2.5.29.35',
  decode(inner) {
    const lines: string[] = [];
    let authorityKeyId: string | null = null;
    const problems: Problem[] = [];
    for (const part of children(inner, 'authority key identifier')) {
      const n = contextNumber(part);
      if (n === 0) {
        authorityKeyId = hex(value(part), ':');
        lines.push(`keyid: ${authorityKeyId}`);
      } else if (n === 1) {
        lines.push(...generalNames(part, problems).map((g) => `issuer: ${g}`));
      } else if (n === 2) {
        lines.push(`serial: ${hex(value(part), ':')}`);
      }
    }
    return { lines, facts: { authorityKeyId, problems } };
  },
};

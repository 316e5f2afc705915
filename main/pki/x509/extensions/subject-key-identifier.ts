import { hex, value } from '../../der/der';
import type { ExtensionDecoder } from './types';

export const subjectKeyIdentifier: ExtensionDecoder = {
  oid: '2.5.29.14',
  decode(inner) {
    const id = hex(value(inner), ':');
    return { lines: [id], facts: { subjectKeyId: id } };
  },
};

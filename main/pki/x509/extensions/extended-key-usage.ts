import { children, oidOf } from '../../der/der';
import { EXTENDED_KEY_USAGES } from '../oids';
import type { ExtensionDecoder } from './types';

export const extendedKeyUsage: ExtensionDecoder = {
  oid: '2.5.29.37',
  decode(inner) {
    const eku = children(inner, 'extended key usage').map((t) => {
      const oid = oidOf(t);
      return EXTENDED_KEY_USAGES[oid] ?? oid;
    });
    return { lines: [eku.join(', ')], facts: { extendedKeyUsage: eku } };
  },
};

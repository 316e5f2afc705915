import { children, smallInt, Tag, value } from '../../der/der';
import type { ExtensionDecoder } from './types';

export const basicConstraints: ExtensionDecoder = {
  oid: '2.5.29.19',
  decode(inner) {
    const parts = children(inner, 'basic constraints');
    let i = 0;
    let isCA = false;
    if (parts[i]?.tag === Tag.Boolean) isCA = value(parts[i++])[0] !== 0;
    const pathLen = parts[i]?.tag === Tag.Integer ? smallInt(parts[i]) : null;
    const lines = [`CA: ${isCA ? 'TRUE' : 'FALSE'}`];
    if (pathLen !== null) lines.push(`Path length: ${pathLen}`);
    return { lines, facts: { isCA, pathLen } };
  },
};

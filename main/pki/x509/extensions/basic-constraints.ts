import { children, smallInt, Tag, value } from '../../der/der';
import { problem, type Problem } from '../problems';
import type { ExtensionDecoder } from './types';

export const basicConstraints: ExtensionDecoder = {
  oid: '2.5.29.19',
  decode(inner) {
    const parts = children(inner, 'basic constraints');
    let i = 0;
    let isCA = false;
    if (parts[i]?.tag === Tag.Boolean) isCA = value(parts[i++])[0] !== 0;
    const pathLen = parts[i]?.tag === Tag.Integer ? smallInt(parts[i]) : null;
    const problems: Problem[] = [];
    if (pathLen !== null && pathLen < 0) problems.push(problem('BAD_PATH_LENGTH', 'error', `The path length constraint is negative (${pathLen}).`));
    if (pathLen !== null && !isCA) problems.push(problem('PATH_LENGTH_WITHOUT_CA', 'warning', 'A path length constraint is set on a certificate that is not a CA (RFC 5280 4.2.1.9).'));
    const lines = [`CA: ${isCA ? 'TRUE' : 'FALSE'}`];
    if (pathLen !== null) lines.push(`Path length: ${pathLen}`);
    return { lines, facts: { isCA, pathLen, problems } };
  },
};

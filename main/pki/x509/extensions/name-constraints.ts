import { children, contextNumber, readTlv } from '../../der/der';
import { generalName } from '../general-names';
import type { Problem } from '../problems';
import type { ExtensionDecoder } from './types';

export const nameConstraints: ExtensionDecoder = {
  oid: '2.5.29.30',
  decode(inner) {
    const lines: string[] = [];
    const problems: Problem[] = [];
    for (const subtrees of children(inner, 'name constraints')) {
      const label = contextNumber(subtrees) === 0 ? 'Permitted' : 'Excluded';
      for (const subtree of children(subtrees, 'general subtree')) {
        const base = readTlv(subtree.bytes, subtree.valueStart, subtree.end, 'general subtree');
        lines.push(`${label}: ${generalName(base, problems, 'constraint')}`);
      }
    }
    return { lines, facts: { problems } };
  },
};

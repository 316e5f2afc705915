import { children, oidOf, stringOf, Tag } from '../../der/der';
import { POLICIES } from '../oids';
import type { ExtensionDecoder } from './types';

export const certificatePolicies: ExtensionDecoder = {
  oid: '2.5.29.32',
  decode(inner) {
    const lines: string[] = [];
    for (const info of children(inner, 'policy information')) {
      const [id, qualifiers] = children(info, 'policy information');
      const oid = oidOf(id);
      lines.push(`Policy: ${POLICIES[oid] ? `${POLICIES[oid]} (${oid})` : oid}`);
      if (!qualifiers) continue;
      for (const q of children(qualifiers, 'policy qualifier')) {
        const [qid, qval] = children(q, 'policy qualifier');
        const qoid = oidOf(qid);
        if (qoid === '1.3.6.1.5.5.7.2.1' && qval) lines.push(`  CPS: ${stringOf(qval)}`);
        else if (qoid === '1.3.6.1.5.5.7.2.2' && qval?.tag === Tag.Sequence) {
          const text = children(qval, 'user notice').find((t) => t.tag !== Tag.Sequence);
          lines.push(`  User Notice: ${text ? stringOf(text) : '(reference)'}`);
        } else lines.push(`  Qualifier: ${qoid}`);
      }
    }
    return { lines };
  },
};

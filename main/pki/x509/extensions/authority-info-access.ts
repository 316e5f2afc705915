import { children, oidOf } from '../../der/der';
import { generalName } from '../general-names';
import { ACCESS_METHODS } from '../oids';
import type { Problem } from '../problems';
import type { ExtensionDecoder } from './types';

function accessDescriptions(oid: string): ExtensionDecoder {
  return {
    oid,
    decode(inner) {
      const problems: Problem[] = [];
      const lines = children(inner, 'access description').map((ad) => {
        const [method, location] = children(ad, 'access description');
        const m = oidOf(method);
        return `${ACCESS_METHODS[m] ?? m} - ${location ? generalName(location, problems) : '?'}`;
      });
      return { lines, facts: { problems } };
    },
  };
}

export const authorityInfoAccess = accessDescriptions('1.3.6.1.5.5.7.1.1');
export const subjectInfoAccess = accessDescriptions('1.3.6.1.5.5.7.1.11');

import { children, contextNumber, readTlv, value } from '../../der/der';
import { generalName, generalNames } from '../general-names';
import { readRdn } from '../name';
import type { Problem } from '../problems';
import { namedBits } from './key-usage';
import type { ExtensionDecoder } from './types';

const REASONS = ['unused', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn', 'aACompromise'];

function distributionPoints(oid: string): ExtensionDecoder {
  return {
    oid,
    decode(inner) {
      const lines: string[] = [];
      const problems: Problem[] = [];
      for (const dp of children(inner, 'distribution point')) {
        for (const field of children(dp, 'distribution point')) {
          const n = contextNumber(field);
          if (n === 0) {
            const name = readTlv(field.bytes, field.valueStart, field.end, 'distribution point name');
            if (contextNumber(name) === 0) lines.push(...children(name, 'full name').map((g) => `Full Name: ${generalName(g, problems)}`));
            else lines.push(`Relative Name: ${readRdn(name).text}`);
          } else if (n === 1) {
            lines.push(`Reasons: ${namedBits(value(field), REASONS).join(', ')}`);
          } else if (n === 2) {
            lines.push(...generalNames(field, problems).map((g) => `CRL Issuer: ${g}`));
          }
        }
      }
      return { lines, facts: { problems } };
    },
  };
}

export const crlDistributionPoints = distributionPoints('2.5.29.31');
export const freshestCrl = distributionPoints('2.5.29.46');

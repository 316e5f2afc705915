/** Extensions whose content is a single small value. */
import { children, contextNumber, oidOf, smallInt, stringOf, Tag, value } from '../../der/der';
import { namedBits } from './key-usage';
import { problem } from '../problems';
import type { ExtensionDecoder } from './types';

export const ctPoison: ExtensionDecoder = { oid: '1.3.6.1.4.1.11129.2.4.3', decode: () => ({ lines: ['This is a precertificate (not usable as a certificate)'] }) };

export const ocspNoCheck: ExtensionDecoder = { oid: '1.3.6.1.5.5.7.48.1.5', decode: () => ({ lines: ['OCSP responses signed with this certificate need no revocation check'] }) };

export const tlsFeature: ExtensionDecoder = {
  oid: '1.3.6.1.5.5.7.1.24',
  decode: (inner) => ({ lines: children(inner, 'TLS feature').map((t) => (smallInt(t) === 5 ? 'status_request (OCSP Must-Staple)' : `feature ${smallInt(t)}`)) }),
};

export const inhibitAnyPolicy: ExtensionDecoder = {
  oid: '2.5.29.54',
  decode(inner) {
    const skip = smallInt(inner);
    const problems = skip === null || skip < 0 ? [problem('BAD_INHIBIT_ANY_POLICY', 'error', `Inhibit any policy must be a non-negative number of certificates; it is ${skip ?? 'too large'}.`)] : [];
    return { lines: [`Skip certs: ${skip}`], facts: { problems } };
  },
};

export const policyConstraints: ExtensionDecoder = {
  oid: '2.5.29.36',
  decode: (inner) => ({
    lines: children(inner, 'policy constraints').map((t) => `${contextNumber(t) === 0 ? 'Require explicit policy' : 'Inhibit policy mapping'}: ${smallInt({ ...t, tag: Tag.Integer })}`),
  }),
};

export const policyMappings: ExtensionDecoder = {
  oid: '2.5.29.33',
  decode: (inner) => ({
    lines: children(inner, 'policy mapping').map((m) => {
      const [a, b] = children(m, 'policy mapping');
      return `${oidOf(a)} → ${oidOf(b)}`;
    }),
  }),
};

export const netscapeCertType: ExtensionDecoder = {
  oid: '2.16.840.1.113730.1.1',
  decode: (inner) => ({ lines: [namedBits(value(inner), ['SSL Client', 'SSL Server', 'S/MIME', 'Object Signing', 'Reserved', 'SSL CA', 'S/MIME CA', 'Object Signing CA']).join(', ')] }),
};

export const netscapeComment: ExtensionDecoder = { oid: '2.16.840.1.113730.1.13', decode: (inner) => ({ lines: [stringOf(inner)] }) };

export const crlReason: ExtensionDecoder = {
  oid: '2.5.29.21',
  decode: (inner) => ({ lines: [CRL_REASONS[value(inner)[0]] ?? `reason ${value(inner)[0]}`] }),
};

export const CRL_REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'unused', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise'];

/**
 * The built-in CSR templates, one per job users come with (FIELD-NOTES.md): a server behind a load balancer,
 * a mutual-TLS client, a custom domain on a hosted platform. Values the user must type are empty; the order of
 * the subject fields is the conventional one (C, ST, L, O, OU, CN).
 */
import type { CsrSpecDto, CsrTemplateDto, SubjectAttributeDto } from '../../../api/dto';

const blank = (...types: string[]): SubjectAttributeDto[] => types.map((type) => ({ type, value: '' }));

const spec = (s: Omit<CsrSpecDto, 'signatureHash'>): CsrSpecDto => ({ ...s, signatureHash: 'sha256' });

export const BUILT_IN_TEMPLATES: readonly CsrTemplateDto[] = [
  {
    id: 'builtin:tls-server',
    name: 'TLS server behind a load balancer',
    description:
      'A certificate for a web server or appliance. Put the name your users type in the browser as the Common Name (not the machine\'s own host name), and add every other name they use as a SAN. RSA 2048, accepted everywhere.',
    builtIn: true,
    purpose: 'server',
    key: 'rsa:2048',
    spec: spec({
      subject: blank('C', 'ST', 'L', 'O', 'OU', 'CN'),
      san: [],
      cnAsSan: true,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['serverAuth'],
    }),
  },
  {
    id: 'builtin:mtls-client',
    name: 'TLS client for mutual TLS',
    description:
      'A client certificate that logs in to an API. The Common Name is your API user id or email address, the Organization is your company. Send the CSR to the API provider; keep the key.',
    builtIn: true,
    purpose: 'client',
    key: 'rsa:2048',
    spec: spec({
      subject: blank('O', 'CN'),
      san: [],
      cnAsSan: false,
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: ['clientAuth'],
    }),
  },
  {
    id: 'builtin:hosted-domain',
    name: 'Custom domain on a hosted platform',
    description:
      'A certificate for your own domain on a hosting platform. The Common Name is the full domain name (www.example.com) or a wildcard (*.example.com); fill in the organization details the way the platform asks, with the two-letter country code.',
    builtIn: true,
    purpose: 'platform',
    key: 'rsa:2048',
    spec: spec({
      subject: blank('C', 'ST', 'L', 'O', 'OU', 'CN'),
      san: [],
      cnAsSan: true,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['serverAuth'],
    }),
  },
];

/**
 * The config round trip with the real writers: a form exported as an `openssl req` config gives, through
 * `openssl req -config`, the very CSR writeCsr makes for the same RSA key (and the same self-signed
 * certificate but for serial and dates); a config imported into the form gives the CSR openssl makes from it,
 * byte for byte when its extension lines are in the form's order (subjectAltName, keyUsage,
 * extendedKeyUsage), and otherwise the same extensions in that order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CsrSpecDto, SelfSignDto } from '../../api/dto';
import { openssl, Scratch } from '../../../test/helpers/openssl-req';
import { children, oidOf, readRoot, whole } from '../der/der';
import { generateKey } from '../keys/generate';
import { writeSelfSigned } from './certificate-write';
import { writeCsr } from './csr-write';
import { exportReqConfig, importReqConfig } from './openssl-config';

const scratch = new Scratch();
after(() => scratch.remove());

let key: Uint8Array;
let keyFile: string;
before(async () => {
  key = await generateKey('rsa:2048');
  keyFile = scratch.write('key.der', key);
});

function opensslFromConfig(config: string, extra: string[] = []): Buffer {
  const cnf = scratch.write('req.cnf', config);
  const out = scratch.path('out.der');
  const r = openssl(['req', '-new', '-config', cnf, '-key', keyFile, '-keyform', 'DER', '-outform', 'DER', '-out', out, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return scratch.read(out);
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

const SPECS: Record<string, CsrSpecDto> = {
  'TLS server, CN added as a SAN, critical KU': {
    subject: [{ type: 'C', value: 'US' }, { type: 'ST', value: 'Minnesota' }, { type: 'L', value: 'Saint Paul' }, { type: 'O', value: 'Example Corp' }, { type: 'OU', value: 'Web' }, { type: 'CN', value: 'shop.example.com' }],
    san: [{ type: 'DNS', value: 'www.shop.example.com' }, { type: 'DNS', value: '*.cdn.example.com' }, { type: 'IP', value: '192.0.2.7' }, { type: 'IP', value: '2001:db8::7' }],
    cnAsSan: true,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    keyUsageCritical: true,
    extendedKeyUsage: ['serverAuth'],
    signatureHash: 'sha256',
  },
  'mutual-TLS client with a challenge password and SHA-384': {
    subject: [{ type: 'O', value: 'Acme Payments' }, { type: 'CN', value: 'api-user-4711@acme.example' }, { type: 'emailAddress', value: 'api-user-4711@acme.example' }],
    san: [{ type: 'email', value: 'api-user-4711@acme.example' }, { type: 'URI', value: 'https://acme.example/users/4711' }],
    cnAsSan: false,
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: ['clientAuth'],
    challengePassword: 'ask-the-CA',
    signatureHash: 'sha384',
  },
  'non-ASCII subject, repeated OU, dotted EKU': {
    subject: [{ type: 'C', value: 'DE' }, { type: 'L', value: 'Köln' }, { type: 'O', value: 'Müller & Söhne' }, { type: 'OU', value: 'IT' }, { type: 'OU', value: 'Büro 3' }, { type: 'CN', value: 'intranet.mueller.example' }],
    san: [],
    cnAsSan: true,
    keyUsage: [],
    extendedKeyUsage: ['serverAuth', '1.3.6.1.4.1.311.10.3.12'],
    signatureHash: 'sha512',
  },
};

describe('a form exported as a config: openssl req -config makes our CSR', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    test(name, () => {
      const theirs = opensslFromConfig(exportReqConfig(spec, 'rsa:2048'));
      assert.equal(theirs.toString('hex'), hex(writeCsr(spec, key)));
    });
  }

  for (const selfSign of [{ days: 397, ca: false }, { days: 3650, ca: true, pathLength: 0 }] as SelfSignDto[]) {
    test(`self-signed, ${selfSign.ca ? 'CA' : 'end entity'}: openssl req -x509 -config makes the same certificate but for serial and dates`, () => {
      const spec = SPECS['TLS server, CN added as a SAN, critical KU'];
      const theirs = opensslFromConfig(exportReqConfig(spec, 'rsa:2048', selfSign), ['-x509', '-days', String(selfSign.days)]);
      const parts = (der: Uint8Array) => children(children(readRoot(der))[0]).map((t) => hex(whole(t)));
      const ours = parts(writeSelfSigned(spec, key, selfSign));
      const other = parts(theirs);
      for (const i of [0, 2, 3, 5, 6, 7]) assert.equal(ours[i], other[i], `TBSCertificate element ${i}`);
    });
  }
});

/** The requested extensions of a CSR: OID → whole Extension DER, in order. */
function requested(csr: Uint8Array): [string, string][] {
  const attributes = children(children(readRoot(csr))[0])[3];
  for (const attr of children(attributes)) {
    const [type, values] = children(attr);
    if (oidOf(type) === '1.2.840.113549.1.9.14') return children(children(values)[0]).map((e) => [oidOf(children(e)[0]), hex(whole(e))]);
  }
  return [];
}

describe('a config imported into the form: writeCsr makes the CSR openssl makes from it', () => {
  const FORM_ORDER = `[ req ]
prompt = no
distinguished_name = dn
req_extensions = v3_req
attributes = attrs
default_md = sha256

[ dn ]
C = GB
O = Example Ltd
0.OU = Ops
1.OU = TLS
CN = mail.example.co.uk

[ attrs ]
challengePassword = secret

[ v3_req ]
subjectAltName = @alt_names
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth

[ alt_names ]
DNS.1 = mail.example.co.uk
DNS.2 = smtp.example.co.uk
IP.1 = 198.51.100.25
IP.2 = 2001:db8:25::1
email.1 = postmaster@example.co.uk
`;

  test('extension lines in the form order: byte for byte', () => {
    const imported = importReqConfig(FORM_ORDER, 'mail.cnf');
    assert.equal(hex(writeCsr(imported.spec, key)), opensslFromConfig(FORM_ORDER).toString('hex'));
  });

  test('the classic order (keyUsage, extendedKeyUsage, subjectAltName): kept by the import (extensionOrder), byte for byte', () => {
    const classic = FORM_ORDER.replace(
      'subjectAltName = @alt_names\nkeyUsage = critical, digitalSignature, keyEncipherment\nextendedKeyUsage = serverAuth, clientAuth',
      'keyUsage = critical, digitalSignature, keyEncipherment\nextendedKeyUsage = serverAuth, clientAuth\nsubjectAltName = @alt_names',
    );
    assert.notEqual(classic, FORM_ORDER);
    const ours = writeCsr(importReqConfig(classic, 'classic.cnf').spec, key);
    const theirs = opensslFromConfig(classic);
    assert.deepEqual(requested(theirs).map(([oid]) => oid), ['2.5.29.15', '2.5.29.37', '2.5.29.17']);
    assert.deepEqual(requested(ours), requested(theirs));
    assert.equal(hex(ours), hex(theirs));
  });
});

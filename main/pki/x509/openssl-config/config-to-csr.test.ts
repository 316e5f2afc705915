/**
 * "A config file gives the same CSR as openssl's own": Certbench's writer on the imported form against
 * `openssl req -new -config F -key K` on the same file and key. The CertificationRequestInfo must be
 * byte-equal; with RSA PKCS#1 v1.5 and Ed25519 (deterministic signatures) the whole CSR.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { firstElement } from '../../../../test/helpers/openssl-req';
import { ED25519_KEY, opensslReq, P256_KEY, RSA_KEY } from '../../../../test/helpers/openssl-req-config';
import { writeCsr } from '../csr-write';
import { importReqConfig } from './index';

const pkcs8 = (pemFile: string) => new Uint8Array(Buffer.from(readFileSync(pemFile, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64'));

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

const CONFIGS: Record<string, string> = {
  'FIELD-NOTES (keyUsage, extendedKeyUsage, then @alt_names)': `[req]
prompt = no
distinguished_name = req_distinguished_name
req_extensions = v3_req
[req_distinguished_name]
C = US
ST = Minnesota
O = Example Health
OU = Paging
CN = paging.example.com
[v3_req]
keyUsage = keyEncipherment, dataEncipherment
extendedKeyUsage = serverAuth
subjectAltName = @alt_names
[alt_names]
DNS.1 = paging.example.com
DNS.2 = paging-backup.example.com
`,
  'prompt mode with a challenge password and sha384': `[req]
distinguished_name = dn
attributes = attrs
default_md = sha384
[dn]
countryName = Country
countryName_default = DE
organizationName = Org
organizationName_default = Beispiel GmbH
commonName = CN
commonName_default = www.beispiel.de
[attrs]
challengePassword = Challenge
challengePassword_default = opensesame
`,
  'inline SANs of every type, repeated OU, critical key usage': `[req]
prompt = no
distinguished_name = dn
req_extensions = ext
[dn]
C = GB
O = Example Ltd
0.OU = Platform
1.OU = Payments
CN = api.example.co.uk
emailAddress = pki@example.co.uk
[ext]
subjectAltName = DNS:api.example.co.uk, IP:192.0.2.7, IP:2001:db8::7, email:pki@example.co.uk, URI:https://example.co.uk/
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
`,
  'no extensions, UTF-8 subject': `[req]
prompt = no
utf8 = yes
distinguished_name = dn
[dn]
C = CH
L = Zürich
CN = gerät-7
`,
};

describe('writeCsr(importReqConfig(F)) against openssl req -config F', () => {
  for (const [name, config] of Object.entries(CONFIGS)) {
    for (const [keyName, keyFile, deterministic] of [
      ['RSA', RSA_KEY, true],
      ['P-256', P256_KEY, false],
      ['Ed25519', ED25519_KEY, true],
    ] as const) {
      it(`${name}, ${keyName}: the same ${deterministic ? 'CSR, byte for byte' : 'request info, byte for byte'}`, async () => {
        const { spec } = importReqConfig(config, 'f.cnf');
        const theirs = await opensslReq(config, { key: keyFile });
        assert.ok(theirs.ok, theirs.stderr);
        const ours = writeCsr(spec, pkcs8(keyFile));
        assert.equal(hex(firstElement(ours)), hex(firstElement(theirs.der!)));
        if (deterministic) assert.equal(hex(ours), hex(theirs.der!));
      });
    }
  }
});

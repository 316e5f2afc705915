/**
 * keytool (Java 17) as a second peer: `keytool -printcertreq` parses each CSR and checks its signature (Java's
 * PKCS10 refuses a bad one, shown here with a flipped bit), and `keytool -printcert` reads the self-signed
 * certificate with its extensions.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, test } from 'node:test';
import type { CsrSpecDto, KeySpecName } from '../../api/dto';
import { Scratch } from '../../../test/helpers/openssl-req';
import { generateKey } from '../keys/generate';
import { writeSelfSigned } from './certificate-write';
import { writeCsr } from './csr-write';

const scratch = new Scratch();
after(() => scratch.remove());

const SPEC: CsrSpecDto = {
  subject: [{ type: 'C', value: 'DE' }, { type: 'O', value: 'Beispiel GmbH' }, { type: 'CN', value: 'api.example.test' }],
  san: [{ type: 'DNS', value: 'www.example.test' }, { type: 'IP', value: '2001:db8::5' }, { type: 'email', value: 'ops@example.test' }],
  cnAsSan: true,
  keyUsage: ['digitalSignature'],
  extendedKeyUsage: ['clientAuth'],
  challengePassword: 'abc',
  signatureHash: 'sha384',
};

const pem = (label: string, der: Uint8Array) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

function keytool(args: string[]): { status: number | null; out: string } {
  const r = spawnSync('keytool', args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

const SIGNATURES: Record<string, string> = { 'rsa:2048': 'SHA384withRSA', 'ec:P-384': 'SHA384withECDSA', ed25519: 'Ed25519' };

for (const spec of ['rsa:2048', 'ec:P-384', 'ed25519'] as KeySpecName[]) {
  test(`keytool reads and verifies the ${spec} CSR and reads the self-signed certificate`, async () => {
    const key = await generateKey(spec);
    const csr = writeCsr(SPEC, key);
    const r = keytool(['-printcertreq', '-file', scratch.write('req.csr', pem('CERTIFICATE REQUEST', csr))]);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /Subject: CN=api\.example\.test, O=Beispiel GmbH, C=DE/);
    assert.match(r.out, new RegExp(`Signature algorithm: ${SIGNATURES[spec]}`));
    assert.match(r.out, /ChallengePassword: abc/);
    assert.match(r.out, /DNSName: api\.example\.test\s+DNSName: www\.example\.test\s+IPAddress: 2001:db8:0:0:0:0:0:5\s+RFC822Name: ops@example\.test/);
    assert.match(r.out, /clientAuth/);

    const broken = Uint8Array.from(csr);
    broken[broken.length - 3] ^= 0x01;
    const bad = keytool(['-printcertreq', '-file', scratch.write('bad.csr', pem('CERTIFICATE REQUEST', broken))]);
    assert.notEqual(bad.status, 0, 'keytool refuses a CSR whose signature does not verify');
    assert.match(bad.out, /Invalid PKCS #10 signature|SignatureException/);

    const cert = keytool(['-printcert', '-file', scratch.write('cert.pem', pem('CERTIFICATE', writeSelfSigned(SPEC, key, { days: 90, ca: false })))]);
    assert.equal(cert.status, 0, cert.out);
    assert.match(cert.out, /Owner: CN=api\.example\.test, O=Beispiel GmbH, C=DE\s+Issuer: CN=api\.example\.test, O=Beispiel GmbH, C=DE/);
    assert.match(cert.out, /Version: 3/);
    assert.match(cert.out, /BasicConstraints:\[\s+CA:false/);
  });
}

/**
 * The layout match of ec-pkcs8-layout.ts against the general readers: on keys OpenSSL wrote (with the public
 * point) and Java wrote (keytool's EC key, without it) it answers, and the public key Certbench derives is the
 * one OpenSSL gives; on every other shape it answers undefined and the general readers decide as before.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { privateKeyFacts } from '../crypto';
import { children, readRoot, value } from '../der/der';
import { parsePemBlocks } from '../formats/pem-blocks';
import { readJavaKeystore } from '../formats/jks';
import { ecPkcs8Layout } from './ec-pkcs8-layout';
import { isPkcs8PrivateKeyInfo } from './index';
import { supportedPkcs8Parts } from './pkcs8-der';
import { FIXTURES } from './test-helpers';

const KEYS = (name: string) => join(FIXTURES, 'keys', name);
const pemDer = (path: string) => parsePemBlocks(readFileSync(path, 'latin1'))[0].der;
const openssl = (args: string[], input?: Uint8Array) => new Uint8Array(execFileSync('openssl', args, { input }));

/** The private scalar as the general DER reader finds it: ECPrivateKey's OCTET STRING inside PrivateKeyInfo. */
function scalarOf(pkcs8: Uint8Array): Uint8Array {
  const inner = readRoot(value(children(readRoot(pkcs8))[2]));
  return value(children(inner)[1]);
}

/** OpenSSL's SubjectPublicKeyInfo for a PKCS#8 key. */
const opensslSpki = (pkcs8: Uint8Array) => openssl(['pkey', '-inform', 'DER', '-pubout', '-outform', 'DER'], pkcs8);

/** keytool's EC key from the committed JKS fixture (make-keystores.sh: changeit-store). */
async function javaEcKey(): Promise<Uint8Array> {
  const read = await readJavaKeystore(new Uint8Array(readFileSync(join(FIXTURES, 'keystores', 'ec.jks'))), { password: 'changeit-store' });
  const key = read.objects.find((o) => o.kind === 'privateKey');
  assert.ok(key && key.kind === 'privateKey');
  return key.pkcs8;
}

describe('EC PKCS#8 keys laid out as OpenSSL and Java write them', () => {
  for (const curve of ['p-256', 'p-384', 'p-521']) {
    it(`${curve}: OpenSSL's key (with its point) and the same key without the point match, the SPKI is OpenSSL's`, () => {
      const withPoint = pemDer(KEYS(`ec-${curve}.pkcs8.pem`));
      const noPoint = openssl(['pkcs8', '-topk8', '-nocrypt', '-outform', 'DER'], openssl(['ec', '-no_public', '-outform', 'DER'], openssl(['pkey', '-inform', 'DER', '-outform', 'PEM'], withPoint)));
      assert.ok(noPoint.length < withPoint.length, 'the point is gone');
      for (const pkcs8 of [withPoint, noPoint]) {
        const laidOut = ecPkcs8Layout(pkcs8);
        assert.ok(laidOut, `${curve}, ${pkcs8.length} bytes`);
        assert.deepEqual(laidOut.d, scalarOf(pkcs8));
        assert.deepEqual(privateKeyFacts(pkcs8).spki, opensslSpki(withPoint));
        assert.deepEqual(supportedPkcs8Parts(pkcs8), { algorithm: 'EC' });
        assert.equal(isPkcs8PrivateKeyInfo(pkcs8), true);
      }
    });
  }

  it("keytool's EC key matches, and its derived SPKI is OpenSSL's", async () => {
    const pkcs8 = await javaEcKey();
    const laidOut = ecPkcs8Layout(pkcs8);
    assert.ok(laidOut, "Java's layout");
    assert.equal(laidOut.curveOid, '1.2.840.10045.3.1.7');
    assert.deepEqual(laidOut.d, scalarOf(pkcs8));
    assert.deepEqual(privateKeyFacts(pkcs8).spki, opensslSpki(pkcs8));
  });

  it('any other shape is left to the general readers, which answer as before', () => {
    const p256 = pemDer(KEYS('ec-p-256.pkcs8.pem'));
    const shapes: [string, Uint8Array][] = [
      ['curve parameters repeated in ECPrivateKey [0]', pemDer(KEYS('ec-p-256.with-params.pem'))],
      ['a compressed point', openssl(['pkcs8', '-topk8', '-nocrypt', '-outform', 'DER'], openssl(['ec', '-conv_form', 'compressed', '-outform', 'DER', '-in', KEYS('ec-p-256.pkcs8.pem')]))],
      ['a byte more', Uint8Array.from([...p256, 0])],
      ['a byte less', p256.subarray(0, p256.length - 1)],
      ['an RSA key', pemDer(KEYS('rsa2048.pkcs8.pem'))],
      ['an Ed25519 key', pemDer(KEYS('ed25519.pkcs8.pem'))],
      ['empty', new Uint8Array(0)],
    ];
    for (const [what, der] of shapes) assert.equal(ecPkcs8Layout(der), undefined, what);
    // Version 1 where PrivateKeyInfo has 0, the curve OID changed, the point's 04 changed: a byte off the template.
    for (const at of [5, 26, p256.length - 65]) {
      const changed = p256.slice();
      changed[at] ^= 0x01;
      assert.equal(ecPkcs8Layout(changed), undefined, `byte ${at} changed`);
    }
    const point = p256.slice();
    point[p256.length - 1] ^= 0x01;
    assert.ok(ecPkcs8Layout(point), 'the point itself is not compared (it is derived, never trusted)');
  });
});

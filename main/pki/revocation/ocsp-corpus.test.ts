/**
 * verifyOcspResponse on responses nobody on this project made: OpenSSL's OCSP test responses (GlobalSign
 * delegated responders, Comodo and CAcert direct ones, and their broken variants) with pyhanko-certvalidator's
 * expected outcomes, copied into test/fixtures/corpus/openssl-ocsp by copy-corpus-ocsp.sh.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { runOpensslOcspCases } from '../../conformance/openssl-ocsp';
import { chainCert } from '../chain/chain-cert';
import { parsePemBlocks } from '../formats/pem-blocks';
import { checkOcspResponse } from './ocsp-verify';

const dir = fixture('corpus', 'openssl-ocsp');
const cert = (name: string) => chainCert(parsePemBlocks(readFileSync(`${dir}/${name}`, 'latin1'))[0].der);
const response = (name: string) => new Uint8Array(Buffer.from(readFileSync(`${dir}/${name}`, 'latin1'), 'base64'));

test('all 29 OpenSSL OCSP scenarios end as pyhanko-certvalidator expects, for the expected reason', () => {
  const result = runOpensslOcspCases(dir);
  assert.deepEqual(result.failures, []);
  assert.equal(result.passed, 29);
});

test("GlobalSign's delegated responder: good while its certificate is valid, refused after it expired", () => {
  const input = { cert: cert('D1_Cert_EE.pem'), issuer: cert('D1_Issuer_ICA.pem'), others: [cert('R2.pem')] };
  const ok = checkOcspResponse(response('D1.ors'), { ...input, at: Date.parse('2012-10-23T11:00:00Z') });
  assert.equal(ok.failure, null);
  assert.equal(ok.result.status, 'good');
  assert.equal(ok.result.thisUpdate, '2012-10-23T07:00:00.000Z');
  assert.equal(ok.result.nextUpdate, '2012-10-30T08:00:00.000Z');
  assert.match(ok.result.detail, /signed by the delegated responder .*GlobalSign Extended Validation CA - G2 OCSP responder - 2/);
  // The responder certificate ends on 2012-12-19; that is checked before the response's own freshness.
  const late = checkOcspResponse(response('D1.ors'), { ...input, at: Date.parse('2012-12-20T00:00:00Z') });
  assert.equal(late.failure, 'responder-expired');
  // Asked about the intermediate instead, the same response has no answer.
  const other = checkOcspResponse(response('D1.ors'), { cert: cert('D1_Issuer_ICA.pem'), issuer: cert('R2.pem'), at: Date.parse('2012-10-23T11:00:00Z') });
  assert.equal(other.failure, 'no-response-for-cert');
});

test("Comodo's direct responder: signed by the issuer, named by key hash; no nonce in it is acceptable", () => {
  const v = checkOcspResponse(response('ND1.ors'), {
    cert: cert('ND1_Cert_EE.pem'),
    issuer: cert('ND1_Issuer_ICA.pem'),
    at: Date.parse('2012-10-12T00:00:00Z'),
    nonce: new Uint8Array(32).fill(1),
  });
  assert.equal(v.failure, null, v.result.detail);
  assert.match(v.result.detail, /says good, signed by the issuer, fresh until 2012-10-15T08:41:13/);
});

test('no single changed byte anywhere in a real response leaves it trusted, and none makes the check throw', () => {
  const cases = [
    { ors: 'ND1.ors', ee: 'ND1_Cert_EE.pem', ica: 'ND1_Issuer_ICA.pem', at: '2012-10-12T00:00:00Z', masks: [0x01, 0x80, 0xff] },
    // Delegated: the responder certificate inside is covered too (one mask, to keep the test quick).
    { ors: 'D1.ors', ee: 'D1_Cert_EE.pem', ica: 'D1_Issuer_ICA.pem', at: '2012-10-23T11:00:00Z', masks: [0x80] },
  ];
  for (const c of cases) {
    const der = response(c.ors);
    const input = { cert: cert(c.ee), issuer: cert(c.ica), at: Date.parse(c.at) };
    assert.equal(checkOcspResponse(der, input).failure, null);
    const trusted: string[] = [];
    for (let i = 0; i < der.length; i++) {
      for (const mask of c.masks) {
        const changed = der.slice();
        changed[i] ^= mask;
        if (checkOcspResponse(changed, input).failure === null) trusted.push(`${c.ors} byte ${i} ^ ${mask}`);
      }
    }
    assert.deepEqual(trusted, []);
  }
});

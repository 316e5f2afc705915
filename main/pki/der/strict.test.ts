/**
 * der/strict.ts: accepts the DER that openssl writes, refuses every BER or unusual form (so the fast readers
 * hand those to asn1js), and never accepts what asn1js would refuse, over thousands of mutants.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { mutants } from '../../../test/helpers/der-variants';
import { nested, tlv } from '../../fuzz/tlv';
import { parsePemBlocks } from '../formats/pem-blocks';
import { tryParse } from './asn1';
import { MAX_DER_DEPTH } from './limits';
import { nonNegativeInt, strictDer } from './strict';

/** DER of certificates, keys, CSRs and CRLs made by openssl (PEM blocks decoded). */
function openSslDer(): { name: string; der: Uint8Array }[] {
  const out: { name: string; der: Uint8Array }[] = [];
  for (const dir of ['x509', 'keys']) {
    for (const f of readdirSync(fixture(dir))) {
      const bytes = readFileSync(fixture(dir, f));
      if (/\.(der|cer)$/.test(f)) out.push({ name: f, der: new Uint8Array(bytes) });
      else if (/\.(pem|crt|key|csr|crl)$/.test(f)) {
        for (const b of parsePemBlocks(bytes.toString('latin1'))) if (Object.keys(b.headers).length === 0) out.push({ name: `${f} ${b.label}`, der: b.der });
      }
    }
  }
  return out;
}

const INT_1 = Uint8Array.of(0x02, 0x01, 0x01);
const refused = (bytes: Uint8Array) => assert.equal(strictDer(bytes), undefined, Buffer.from(bytes).toString('hex'));

describe('strictDer', () => {
  it('accepts the DER openssl writes: certificates, keys, CSRs, CRLs', () => {
    const all = openSslDer();
    assert.ok(all.length >= 40, `${all.length} files`);
    const accepted = all.filter(({ der }) => strictDer(der));
    // Whatever it declines (PrintableString names, times inside certificates...) asn1js reads: nothing is lost.
    assert.ok(accepted.length >= 20, `only ${accepted.length} of ${all.length} accepted`);
    for (const { name, der } of accepted) {
      const root = strictDer(der)!;
      assert.equal(root.end, der.length, name);
      assert.ok(tryParse(der), name);
    }
  });

  it('refuses BER and everything asn1js might read differently', () => {
    refused(Uint8Array.of(0x30, 0x80, ...INT_1, 0x00, 0x00)); // indefinite length
    refused(Uint8Array.of(0x30, 0x81, 0x03, ...INT_1)); // length not minimal
    refused(Uint8Array.of(0x30, 0x82, 0x00, 0x03, ...INT_1)); // length not minimal
    refused(Uint8Array.of(0x24, 0x03, 0x04, 0x01, 0xaa)); // constructed OCTET STRING
    refused(Uint8Array.of(0x1f, 0x81, 0x00, 0x00)); // high tag number
    refused(Uint8Array.of(...INT_1, 0x00)); // trailing byte
    refused(Uint8Array.of(0x0c, 0x01, 0x41)); // UTF8String: not a type this reader vouches for
    refused(Uint8Array.of(0x02, 0x00)); // empty INTEGER
    refused(Uint8Array.of(0x03, 0x01, 0x08)); // unused bits past 7
    refused(Uint8Array.of(0x05, 0x01, 0x00)); // NULL with content
    refused(Uint8Array.of(0x06, 0x02, 0x2a, 0x86)); // OID ending mid-arc
    refused(Uint8Array.of(0x06, 0x03, 0x2a, 0x80, 0x01)); // OID arc with a needless leading byte
    refused(Uint8Array.of(0x1e, 0x03, 0x00, 0x41, 0x00)); // odd BMPString
    refused(Uint8Array.of(0x30, 0x05, ...INT_1)); // cut short
    refused(nested(MAX_DER_DEPTH + 2, Uint8Array.of(0x05, 0x00)));
  });

  it('accepts tagged, nested and long-form DER', () => {
    const big = tlv(0x04, new Uint8Array(300));
    const der = tlv(0x30, INT_1, tlv(0xa0, tlv(0x06, Uint8Array.of(0x2a, 0x86, 0x48))), big, tlv(0x31, tlv(0x1e, Uint8Array.of(0, 0x41))), Uint8Array.of(0x80, 0x00));
    const root = strictDer(der);
    assert.ok(root);
    assert.equal(root.valueStart, 4);
    assert.equal(root.end, der.length);
    assert.ok(strictDer(nested(MAX_DER_DEPTH - 1, Uint8Array.of(0x05, 0x00))));
  });

  it('never accepts what asn1js refuses, over 8,000 mutants', () => {
    let accepted = 0;
    for (const [n, { name, der }] of openSslDer().slice(0, 40).entries()) {
      for (const [i, m] of mutants(der, 200, 9000 + n).entries()) {
        if (!strictDer(m)) continue;
        accepted++;
        assert.ok(tryParse(m), `${name} mutant ${i} (seed ${9000 + n}) accepted here, refused by asn1js`);
      }
    }
    assert.ok(accepted > 500, `only ${accepted} mutants accepted`);
  });

  it('reads small non-negative INTEGERs as asn1js does', () => {
    const int = (...v: number[]) => strictDer(tlv(0x02, Uint8Array.from(v)))!;
    assert.equal(nonNegativeInt(int(0x08, 0x00)), 2048);
    assert.equal(nonNegativeInt(int(0x00, 0x80)), 128);
    assert.equal(nonNegativeInt(int(0x00, 0x00, 0x01)), 1);
    assert.equal(nonNegativeInt(int(0x80)), undefined); // negative
    assert.equal(nonNegativeInt(int(1, 2, 3, 4, 5, 6, 7)), undefined); // past 6 bytes
  });
});

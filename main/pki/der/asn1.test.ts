import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPkiError } from '../errors';
import { octets, parse, sequence, tryParse } from './asn1';

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex.replace(/ /g, ''), 'hex'));

describe('asn1 parse rules', () => {
  it('indefinite lengths are BER only', () => {
    const indefinite = bytes('30 80 02 01 01 00 00');
    assert.equal(tryParse(indefinite), undefined);
    assert.equal(sequence(tryParse(indefinite, 'ber'), 'test').length, 1);
  });

  it('a constructed OCTET STRING reads as its joined pieces', () => {
    assert.deepEqual(octets(parse(bytes('24 80 04 01 aa 04 01 bb 00 00'), 'test', 'ber'), 'test'), bytes('aabb'));
  });

  it('empty, short, trailing and truncated input is CORRUPT naming where', () => {
    for (const input of ['', '05', '05 00 00', '30 03 02 01']) {
      assert.equal(tryParse(bytes(input), 'ber'), undefined, input);
      assert.throws(() => parse(bytes(input), 'the thing'), (e) => isPkiError(e) && e.code === 'CORRUPT' && /the thing is not valid DER/.test(e.message));
    }
  });
});

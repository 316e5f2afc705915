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

describe('the parse of the last large input is reused', () => {
  const large = (fill: number) => bytes('30 83 01 00 00 04 83 00 ff fb' + ` ${fill.toString(16).padStart(2, '0')}`.repeat(0xfffb));

  it('the same content gives the same tree; content changed in place is parsed again', () => {
    const input = large(0x11);
    const first = tryParse(input);
    assert.ok(first);
    assert.equal(tryParse(input.slice()), first);
    input[input.length - 1] = 0x22;
    const second = tryParse(input);
    assert.ok(second && second !== first);
    assert.equal(octets(sequence(second, 'test')[0], 'test').at(-1), 0x22);
  });
});

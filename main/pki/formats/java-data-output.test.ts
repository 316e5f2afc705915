/** java.io.DataOutputStream's encodings, against Node's own big-endian writers and JavaDataInput reading them back. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JavaDataInput, decodeModifiedUtf8 } from './java-data-input';
import { JavaDataOutput, encodeModifiedUtf8 } from './java-data-output';

test('writeLong: two\'s complement as DataView.setBigInt64 writes it, for every whole number a Date can hold', () => {
  const values = [0, 1, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, -(2 ** 32), 1_732_700_000_123, -1_732_700_000_123, 8.64e15, -8.64e15, 2 ** 53 - 1, -(2 ** 53) + 1, 12.7, -12.7];
  for (const v of values) {
    const expected = new Uint8Array(8);
    new DataView(expected.buffer).setBigInt64(0, BigInt(Math.trunc(v)));
    const written = new JavaDataOutput().i64(v).toBytes();
    assert.deepEqual(written, expected, String(v));
    assert.equal(new JavaDataInput(written, 'test').i64('long'), Math.trunc(v));
  }
});

test('integers, strings and blocks past the first buffer read back in order', () => {
  const out = new JavaDataOutput();
  const block = new Uint8Array(10_000).map((_, i) => i * 7);
  for (let i = 0; i < 50; i++) out.i32(-i - 1).u16(i).u8(i).utf(`alias-${i}`, 'alias').lengthPrefixed(block.subarray(0, i * 199), 'block');
  const bytes = out.toBytes();
  assert.equal(bytes.length, out.length);
  const input = new JavaDataInput(bytes, 'test');
  for (let i = 0; i < 50; i++) {
    assert.equal(input.i32('int'), -i - 1);
    assert.equal(input.u16('short'), i);
    assert.equal(input.u8('byte'), i);
    assert.equal(input.utf('alias'), `alias-${i}`);
    assert.deepEqual(input.lengthPrefixed('block'), block.subarray(0, i * 199));
  }
  assert.equal(input.remaining, 0);
});

test('modified UTF-8: ASCII is its own bytes, NUL is C0 80, the rest as before; decoding gives the text back', () => {
  const ascii = 'Server-RSA entry_1.x509 ~!';
  assert.deepEqual(encodeModifiedUtf8(ascii), new Uint8Array(Buffer.from(ascii, 'latin1')));
  assert.deepEqual(encodeModifiedUtf8('a\u0000b'), Uint8Array.of(0x61, 0xc0, 0x80, 0x62));
  for (const text of [ascii, 'a\u0000b', 'Root CA ключ', 'é中😀', '']) {
    assert.equal(decodeModifiedUtf8(encodeModifiedUtf8(text), () => assert.fail(text)), text);
  }
  assert.throws(() => decodeModifiedUtf8(Uint8Array.of(0x61, 0xc3), () => { throw new Error('invalid'); }), /invalid/);
});

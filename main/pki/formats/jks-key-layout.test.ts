/**
 * The layout match of jks-key-layout.ts against the general readers of jks-structure.ts: on every key Java wrote
 * (keytool's fixtures, pyjks's corpus) it answers, with the data the general readers give; on each variant that
 * is not Java's exact layout it answers undefined and leaves the decision to them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../keys/test-helpers';
import { JavaDataInput } from './java-data-input';
import { javaLayoutKeyData } from './jks-key-layout';
import { keystoreKind, protectedKeyByDer } from './jks-structure';

/** The protected-key blobs of a keystore's key entries, exactly as stored (a walk of the JKS/JCEKS layout, version 2). */
function storedKeyBlobs(bytes: Uint8Array): Uint8Array[] {
  const input = new JavaDataInput(bytes, 'keystore');
  input.offset = 4;
  assert.equal(input.u32('version'), 2);
  const blobs: Uint8Array[] = [];
  for (let i = input.i32('count'); i > 0; i--) {
    const tag = input.i32('tag');
    input.utf('alias');
    input.i64('date');
    assert.ok(tag === 1 || tag === 2, `only key and certificate entries in these stores (tag ${tag})`);
    if (tag === 1) {
      blobs.push(input.lengthPrefixed('key'));
      for (let n = input.i32('chain'); n > 0; n--) (input.utf('type'), input.lengthPrefixed('cert'));
    } else {
      input.utf('type');
      input.lengthPrefixed('cert');
    }
  }
  return blobs;
}

const JAVA_MADE = [
  ...['ec.jks', 'keypass.jks', 'server.jks', 'unicode.jks'].map((f) => join(FIXTURES, 'keystores', f)),
  ...['3certs.jks', 'DSA2048.jks', 'RSA1024.jks', 'RSA2048_3certs.jks', 'custom_entry_passwords.jks', 'non_ascii_password.jks'].map((f) => join(FIXTURES, 'corpus', 'pyjks', 'jks', f)),
];

const general = (der: Uint8Array) => protectedKeyByDer(der, 'jks', 'the key');

describe('JKS protected keys in Java\'s layout', () => {
  const blobs = JAVA_MADE.flatMap((file) => storedKeyBlobs(new Uint8Array(readFileSync(file))).map((blob) => ({ file, blob })));

  it('every key Java wrote matches the layout, with the data the general readers give', () => {
    assert.ok(blobs.length >= 9, `${blobs.length} keys`);
    assert.ok(blobs.some(({ blob }) => blob[1] === 0x81) && blobs.some(({ blob }) => blob[1] === 0x82), "one- and two-byte lengths");
    for (const { file, blob } of blobs) {
      const fast = javaLayoutKeyData(blob);
      assert.ok(fast, `${file}: Java's layout`);
      const slow = general(blob);
      assert.equal(slow.scheme, 'jks');
      assert.deepEqual(fast, slow.data, file);
      assert.notEqual(fast.buffer, blob.buffer, 'a copy, not a view of the file');
    }
  });

  it('anything but that exact layout is left to the general readers', () => {
    const { blob } = blobs.find(({ blob }) => blob[1] === 0x82)!; // a long-form outer length: RSA keys
    const inner = blob.subarray(4); // algorithm identifier and OCTET STRING
    const octet = inner.subarray(16);
    const dataLength = (octet[2] << 8) | octet[3];
    const data = octet.subarray(4);
    assert.equal(data.length, dataLength);
    const rebuilt = (outerHead: number[], body: Uint8Array) => Uint8Array.from([0x30, ...outerHead, ...body]);
    const len2 = (n: number) => [0x82, n >> 8, n & 0xff];
    const len3 = (n: number) => [0x83, 0, n >> 8, n & 0xff];
    const variants: Record<string, Uint8Array> = {
      'outer length with a leading zero byte': rebuilt(len3(inner.length), inner),
      'data length with a leading zero byte': (() => {
        const body = Uint8Array.from([...inner.subarray(0, 16), 0x04, ...len3(dataLength), ...data]);
        return rebuilt(len2(body.length), body);
      })(),
      'a byte after the key info': Uint8Array.from([...blob, 0]),
      'a byte after the data inside the sequence': (() => {
        const body = Uint8Array.from([...inner, 0x05, 0x00]);
        return rebuilt(len2(body.length), body);
      })(),
      'no NULL parameters': (() => {
        const body = Uint8Array.from([0x30, 0x0c, ...inner.subarray(2, 14), ...octet]);
        return rebuilt(len2(body.length), body);
      })(),
      'JCEKS algorithm identifier': Uint8Array.from([...blob.subarray(0, 4), 0x30, 0x0d, 0x06, 0x09, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x2a, 0x02, 0x13, 0x01, 0x05, 0x00, ...octet].map((b, i) => (i === 3 ? b - 1 : b))),
      'cut short by a byte': blob.subarray(0, blob.length - 1),
      'a SET instead of a SEQUENCE': Uint8Array.from([0x31, ...blob.subarray(1)]),
    };
    for (const [name, der] of Object.entries(variants)) {
      assert.equal(javaLayoutKeyData(der), undefined, name);
      let answer: ReturnType<typeof general> | undefined;
      try {
        answer = general(der);
      } catch {
        answer = undefined; // refused as CORRUPT: also a decision of the general readers
      }
      // The general readers still decide each of these: the lenient ones read the same data.
      if (answer?.scheme === 'jks') assert.deepEqual(answer.data, data.slice(), name);
    }
  });
});

it('the stores walked are what they claim to be', () => {
  for (const file of JAVA_MADE) assert.equal(keystoreKind(new Uint8Array(readFileSync(file))), 'jks', file);
  assert.ok(readdirSync(join(FIXTURES, 'corpus', 'pyjks', 'jks')).length >= 6);
});

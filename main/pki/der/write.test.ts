/** The DER writer against OpenSSL's own encoder (asn1parse -genstr) and the project's reader. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readRoot, value } from './der';
import { algorithm, objectIdentifier, octetString, sequence } from './write';

/** What `openssl asn1parse -genstr` encodes for a generator string (or -genconf for a whole configuration). */
function openssl(generator: string, { config = false } = {}): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'der-write-'));
  try {
    if (config) writeFileSync(join(dir, 'gen.cnf'), generator);
    execFileSync('openssl', ['asn1parse', config ? '-genconf' : '-genstr', config ? join(dir, 'gen.cnf') : generator, '-out', join(dir, 'out.der'), '-noout']);
    return new Uint8Array(readFileSync(join(dir, 'out.der')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('OIDs are encoded as OpenSSL encodes them, and each call returns bytes of its own', () => {
  for (const oid of ['1.2.840.10045.3.1.7', '1.3.6.1.4.1.42.2.17.1.1', '2.5.29.19', '2.999.1', '1.2.840.113549.1.12.10.1.2', '2.25.329800735698586629295641978511506172918']) {
    assert.deepEqual(objectIdentifier(oid), openssl(`OID:${oid}`), oid);
    assert.deepEqual(objectIdentifier(oid), openssl(`OID:${oid}`), `${oid} again, from the cache`);
  }
  const first = objectIdentifier('2.5.29.19');
  first.fill(0);
  assert.deepEqual(objectIdentifier('2.5.29.19'), openssl('OID:2.5.29.19'), 'changing one result does not change the next');
  assert.deepEqual(algorithm('1.2.840.113549.1.1.1', null), openssl('asn1=SEQUENCE:alg\n[alg]\noid=OID:1.2.840.113549.1.1.1\nnull=NULL\n', { config: true }));
});

test('lengths at every size boundary: short form to 127, then the fewest length octets, as OpenSSL writes them', () => {
  for (const n of [1, 127, 128, 255, 256, 4095, 65535, 65536, 70000]) {
    const content = new Uint8Array(n).map((_, i) => i & 0xff);
    const encoded = octetString(content);
    assert.deepEqual(encoded, openssl(`asn1=FORMAT:HEX,OCTETSTRING:${Buffer.from(content).toString('hex')}\n`, { config: true }), `${n} bytes`);
    assert.deepEqual(value(readRoot(encoded)), content);
  }
  assert.deepEqual(octetString(new Uint8Array(0)), openssl('OCTETSTRING:'), 'empty');
  // A constructed element from several parts is their concatenation under one header.
  const parts = [octetString(new Uint8Array(100)), octetString(new Uint8Array(30))];
  const seq = sequence(...parts);
  assert.deepEqual(seq.subarray(0, 3), Uint8Array.of(0x30, 0x81, 134));
  assert.deepEqual(value(readRoot(seq)), new Uint8Array([...parts[0], ...parts[1]]));
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { concat, longOid, nested, nestedIndefinite, tlv } from '../../fuzz/tlv';
import { isPkiError } from '../errors';
import { readBytes } from '../read';
import { oidOf, readRoot } from './der';
import { MAX_DER_DEPTH, MAX_DER_ELEMENTS, MAX_OBJECTS_PER_FILE, MAX_OID_ARCS, MAX_OID_BYTES, MAX_PEM_BLOCKS } from './limits';

const dir = mkdtempSync(join(tmpdir(), 'certbench-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NULL = Uint8Array.of(0x05, 0x00);
const INT0 = Uint8Array.of(0x02, 0x01, 0x00);
/** A PKCS#8 PrivateKeyInfo around the given algorithm OID TLV. */
const pkcs8 = (oid: Uint8Array) => tlv(0x30, INT0, tlv(0x30, oid), tlv(0x04, tlv(0x30, INT0)));
const pem = (label: string, der: Uint8Array) =>
  new TextEncoder().encode(`-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`);

/** Reads through the entry point and returns the PkiError, checking time (the fuzzer's 2 s budget). */
async function refused(bytes: Uint8Array) {
  const started = performance.now();
  try {
    const result = await readBytes(bytes);
    assert.fail(`read ${result.objects.length} objects instead of refusing`);
  } catch (e) {
    assert.ok(isPkiError(e), String(e));
    assert.equal(e.cause, undefined, 'a reader bug was wrapped');
    assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
    assert.ok(e.hint.length > 20);
    return e;
  }
}

describe('object identifiers', () => {
  it('a key whose algorithm OID has a million arcs is refused at once, DER or PEM', async () => {
    const key = pkcs8(longOid(1_000_000));
    const heapBefore = process.memoryUsage().heapUsed;
    for (const input of [key, pem('PRIVATE KEY', key)]) {
      const e = await refused(input);
      assert.equal(e.code, 'CORRUPT');
      assert.equal(e.message, `This file has an object identifier with 1,000,002 parts; Certbench reads object identifiers of at most ${MAX_OID_ARCS} parts.`);
    }
    // It used to build a million objects (849 MB); now nothing but the input itself.
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 64 * 1024 * 1024);
  });

  it('an OID whose length runs past the end of the file is still checked (asn1js decoded its arcs anyway)', async () => {
    const oid = longOid(100_000);
    const truncated = oid.subarray(0, oid.length - 10); // the header still claims 100,001 content bytes
    const key = tlv(0x30, INT0, tlv(0x30, truncated));
    const e = await refused(key);
    assert.match(e.message, /object identifier with 99,99\d parts/);
  });

  it(`${MAX_OID_ARCS} arcs read, one more is refused, in the hand-written DER reader too`, () => {
    const at = (arcs: number) => readRoot(longOid(arcs - 2));
    assert.equal(oidOf(at(MAX_OID_ARCS)).split('.').length, MAX_OID_ARCS);
    assert.throws(() => oidOf(at(MAX_OID_ARCS + 1)), (e) => isPkiError(e) && /object identifier with 129 parts/.test(e.message));
  });

  it(`an OID of more than ${MAX_OID_BYTES} bytes is refused even with few arcs`, () => {
    const huge = new Uint8Array(MAX_OID_BYTES + 1).fill(0xff);
    huge[0] = 0x2a;
    huge[huge.length - 1] = 0x01;
    assert.throws(() => oidOf(readRoot(tlv(0x06, huge))), (e) => isPkiError(e) && e.message === `This file has an object identifier of 1,025 bytes; Certbench reads object identifiers of at most 1,024 bytes.`);
  });

  it('a UUID OID (2.25, a 128-bit arc) decodes exactly as OpenSSL encodes it', () => {
    const uuidOid = '2.25.329800735698586629295641978511506172918';
    const out = join(dir, 'uuid.der');
    execFileSync('openssl', ['asn1parse', '-genstr', `OID:${uuidOid}`, '-out', out, '-noout']);
    assert.equal(oidOf(readRoot(new Uint8Array(readFileSync(out)))), uuidOid);
  });
});

describe('nesting depth', () => {
  it(`${MAX_DER_DEPTH} levels pass the depth check; one more is refused with a clear error`, async () => {
    const within = await readBytes(nested(MAX_DER_DEPTH, NULL)).catch((e) => e);
    assert.ok(isPkiError(within) && !/levels deep/.test(within.message), within.message);
    const e = await refused(nested(MAX_DER_DEPTH + 1, NULL));
    assert.equal(e.code, 'CORRUPT');
    assert.match(e.message, /^This file nests ASN.1 structures more than 64 levels deep; Certbench reads at most 64 levels/);
  });

  it('a BER bomb of 100,000 indefinite-length levels is refused in bounded time', async () => {
    const e = await refused(nestedIndefinite(100_000, NULL));
    assert.match(e.message, /more than 64 levels deep/);
  });

  it('a depth bomb in one PEM block leaves the other blocks open', async () => {
    const good = readFileSync(fixture('x509', 'leaf.pem'));
    const bomb = pem('PRIVATE KEY', nested(1000, NULL));
    const result = await readBytes(concat([good, bomb, good]));
    assert.deepEqual(result.objects.map((o) => o.kind), ['certificate', 'unsupported', 'certificate']);
    const hostile = result.objects[1];
    assert.ok(hostile.kind === 'unsupported' && /more than 64 levels deep/.test(hostile.message), JSON.stringify(hostile));
  });
});

describe('counts', () => {
  it(`a structure of more than ${MAX_DER_ELEMENTS.toLocaleString('en-US')} elements is TOO_LARGE`, async () => {
    const nulls = new Uint8Array(2 * MAX_DER_ELEMENTS).fill(0).map((_, i) => (i % 2 === 0 ? 0x05 : 0));
    const e = await refused(tlv(0x30, tlv(0x30, nulls)));
    assert.equal(e.code, 'TOO_LARGE');
    assert.equal(e.message, 'This file has more than 200,000 ASN.1 elements in one structure; Certbench reads at most 200,000.');
  });

  it('a PKCS#12 of 1,000 certificates made by OpenSSL opens (asn1js alone stopped at 10,000 elements)', async () => {
    const leaf = readFileSync(fixture('x509', 'leaf.pem'), 'utf8');
    const bundle = join(dir, 'thousand.pem');
    const pfx = join(dir, 'thousand.p12');
    writeFileSync(bundle, leaf.repeat(1000));
    execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', bundle, '-out', pfx, '-passout', 'pass:thousand', '-certpbe', 'NONE']);
    const result = await readBytes(new Uint8Array(readFileSync(pfx)), { password: 'thousand' });
    assert.equal(result.objects.filter((o) => o.kind === 'certificate').length, 1000);
  });

  it(`more than ${MAX_PEM_BLOCKS.toLocaleString('en-US')} PEM blocks are TOO_LARGE`, async () => {
    const block = '-----BEGIN X-----\nAA==\n-----END X-----\n';
    const e = await refused(new TextEncoder().encode(block.repeat(MAX_PEM_BLOCKS + 1)));
    assert.equal(e.code, 'TOO_LARGE');
    assert.equal(e.message, 'This file has more than 200,000 PEM blocks; Certbench opens at most 200,000 per file.');
  });

  it(`a PKCS#7 bundle of more than ${MAX_OBJECTS_PER_FILE.toLocaleString('en-US')} objects is TOO_LARGE`, async () => {
    const items = new Uint8Array(2 * (MAX_OBJECTS_PER_FILE + 1)).map((_, i) => (i % 2 === 0 ? 0x05 : 0));
    const signedData = tlv(0x30, INT0, tlv(0x31), tlv(0x30, tlv(0x06, Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01))), tlv(0xa0, items));
    const p7 = tlv(0x30, tlv(0x06, Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02)), tlv(0xa0, signedData));
    const e = await refused(p7);
    assert.equal(e.code, 'TOO_LARGE');
    assert.match(e.message, /^This file holds more than 200,000 certificates, keys and other objects; Certbench opens at most 200,000 per file\.$/);
  });
});

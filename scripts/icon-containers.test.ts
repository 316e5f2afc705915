/** ICO and ICNS containers: written, read back, and the committed icons hold the sizes each platform wants. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { readIcns, readIco, writeIcns, writeIco } from './icon-containers.mjs';
import { checkIconFile, DOCUMENT_ICON_KINDS, ICNS_EDGES, ICO_EDGES } from './check-builder-config.mjs';

/** A real (decodable) PNG of one colour: signature, IHDR, IDAT, IEND with their CRCs. */
function png(edge: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => (b.reduce((c, x) => crcTable[(c ^ x) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(edge, 0);
  ihdr.writeUInt32BE(edge, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(edge * 4, 0x80)]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: edge }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

test('an ICO round-trips: directory entries point at the PNGs, 256 written as 0', () => {
  const images = [16, 32, 256].map(png);
  const ico = writeIco(images);
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)], [0, 1, 3]);
  assert.equal(ico.readUInt8(6 + 32), 0); // third entry's width byte: 256 is stored as 0
  const back = readIco(ico);
  assert.deepEqual(back.map((i) => i.width), [16, 32, 256]);
  back.forEach((b, i) => assert.ok(b.png.equals(images[i])));
});

test('an ICNS round-trips: ic07..ic10 chunks with lengths that include their headers', () => {
  const images = [128, 256, 512, 1024].map(png);
  const icns = writeIcns(images);
  assert.equal(icns.toString('latin1', 0, 4), 'icns');
  assert.equal(icns.readUInt32BE(4), icns.length);
  assert.equal(icns.readUInt32BE(12), images[0].length + 8);
  const back = readIcns(icns);
  assert.deepEqual(back.map((i) => i.type), ['ic07', 'ic08', 'ic09', 'ic10']);
  back.forEach((b, i) => assert.ok(b.png.equals(images[i])));
});

test('sizes a container cannot hold and damaged containers are refused with a reason', () => {
  assert.throws(() => writeIco([png(512)]), /at most 256 pixels, not 512/);
  assert.throws(() => writeIcns([png(48)]), /no ICNS PNG type for 48 pixels/);
  assert.throws(() => writeIco([Buffer.from('not a png')]), /not a PNG/);
  const ico = writeIco([png(32)]);
  assert.throws(() => readIco(ico.subarray(0, ico.length - 10)), /runs past the end/);
  ico.writeUInt8(48, 6);
  assert.throws(() => readIco(ico), /says 48x32, its PNG is 32x32/);
  const icns = writeIcns([png(128)]);
  assert.throws(() => readIcns(icns.subarray(0, 40)), /ICNS header says/);
  icns.write('ic08', 8, 'latin1');
  assert.throws(() => readIcns(icns), /ic08 should be 256px, its PNG is 128x128/);
});

test('the committed app and document icons hold every size Windows and macOS want', () => {
  const assets = new URL('../assets/', import.meta.url).pathname;
  for (const name of ['icon', ...DOCUMENT_ICON_KINDS.map((k) => `doc-${k}`)]) {
    assert.deepEqual(checkIconFile(`${assets}${name}.ico`, readIco, ICO_EDGES), [], name);
    assert.deepEqual(checkIconFile(`${assets}${name}.icns`, readIcns, ICNS_EDGES), [], name);
  }
  const ico = readIco(readFileSync(`${assets}icon.ico`));
  assert.deepEqual(checkIconFile(`${assets}icon.ico`, readIco, [...ICO_EDGES, 512]), [`${assets}icon.ico has no 512x512 image`]);
  assert.equal(ico.length, ICO_EDGES.length);
});

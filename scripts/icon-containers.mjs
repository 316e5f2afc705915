// ICO and ICNS containers holding PNG images, written and read back without any image library.
//   ICO: ICONDIR (reserved 0, type 1, count) + one 16-byte ICONDIRENTRY per image + the PNG bytes
//        (Windows Vista and later read PNG entries; width/height 0 means 256).
//   ICNS: 'icns' + total length, then one chunk per image: OSType + chunk length (header included) + PNG.

/** ICNS chunk types that hold a PNG of the given edge (macOS 10.7+; 10.8+ for ic10). */
export const ICNS_TYPES = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(png) {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function squareEdge(png) {
  const size = pngSize(png);
  if (!size) throw new Error('not a PNG image');
  if (size.width !== size.height) throw new Error(`PNG is ${size.width}x${size.height}, not square`);
  return size.width;
}

/** @param {Buffer[]} pngs square PNGs of at most 256 pixels, smallest first by convention */
export function writeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const edge = squareEdge(png);
    if (edge > 256) throw new Error(`an ICO image is at most 256 pixels, not ${edge}`);
    const e = 6 + 16 * i;
    header.writeUInt8(edge === 256 ? 0 : edge, e);
    header.writeUInt8(edge === 256 ? 0 : edge, e + 1);
    header.writeUInt8(0, e + 2); // no palette
    header.writeUInt8(0, e + 3);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

/** @returns {{ width: number, height: number, png: Buffer }[]} every entry, checked against its PNG */
export function readIco(ico) {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = ico.readUInt16LE(4);
  const images = [];
  for (let i = 0; i < count; i++) {
    const e = 6 + 16 * i;
    if (e + 16 > ico.length) throw new Error(`ICO directory entry ${i} is truncated`);
    const width = ico.readUInt8(e) || 256;
    const height = ico.readUInt8(e + 1) || 256;
    const length = ico.readUInt32LE(e + 8);
    const offset = ico.readUInt32LE(e + 12);
    if (offset + length > ico.length) throw new Error(`ICO image ${i} runs past the end of the file`);
    const png = ico.subarray(offset, offset + length);
    const size = pngSize(png);
    if (!size) throw new Error(`ICO image ${i} is not a PNG`);
    if (size.width !== width || size.height !== height) throw new Error(`ICO entry ${i} says ${width}x${height}, its PNG is ${size.width}x${size.height}`);
    images.push({ width, height, png });
  }
  return images;
}

/** @param {Buffer[]} pngs square PNGs whose edges have an ICNS type (16 ... 1024) */
export function writeIcns(pngs) {
  const chunks = pngs.map((png) => {
    const edge = squareEdge(png);
    const type = ICNS_TYPES[edge];
    if (!type) throw new Error(`no ICNS PNG type for ${edge} pixels`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** @returns {{ type: string, width: number, png: Buffer }[]} every chunk, checked against its PNG */
export function readIcns(icns) {
  if (icns.length < 8 || icns.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS file');
  if (icns.readUInt32BE(4) !== icns.length) throw new Error(`ICNS header says ${icns.readUInt32BE(4)} bytes, the file has ${icns.length}`);
  const images = [];
  for (let at = 8; at < icns.length; ) {
    if (at + 8 > icns.length) throw new Error('ICNS chunk header is truncated');
    const type = icns.toString('latin1', at, at + 4);
    const length = icns.readUInt32BE(at + 4);
    if (length < 8 || at + length > icns.length) throw new Error(`ICNS chunk ${type} has a bad length ${length}`);
    const png = icns.subarray(at + 8, at + length);
    const edge = Number(Object.keys(ICNS_TYPES).find((k) => ICNS_TYPES[k] === type));
    const size = pngSize(png);
    if (!edge || !size) throw new Error(`ICNS chunk ${type} is not a PNG icon this project writes`);
    if (size.width !== edge || size.height !== edge) throw new Error(`ICNS chunk ${type} should be ${edge}px, its PNG is ${size.width}x${size.height}`);
    images.push({ type, width: edge, png });
    at += length;
  }
  return images;
}

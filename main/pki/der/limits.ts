/**
 * Caps on what one file may ask of the reader, so a hostile file fails fast with a clear error instead of
 * taking minutes or gigabytes. Each is far above what real certificates, keys and bundles use; each comes
 * with the message a person reads when a file passes it.
 */
import { PkiError } from '../errors';

/** Nesting of ASN.1 structures. Real files: certificates about 10 levels, PKCS#12 about 15. */
export const MAX_DER_DEPTH = 64;
/** Arcs of one object identifier. Real OIDs have fewer than 20. */
export const MAX_OID_ARCS = 128;
/** Encoded length of one object identifier (UUID OIDs, the longest in use, take about 20 bytes). */
export const MAX_OID_BYTES = 1024;
/** Elements in one structure read whole (a PKCS#12 safe, a key): 200,000 is about 13,000 certificate bags. */
export const MAX_DER_ELEMENTS = 200_000;
/** PEM blocks in one file: a 100,000-certificate bundle must open. */
export const MAX_PEM_BLOCKS = 200_000;
/** Objects (certificates, keys, CRLs ...) one file may yield. */
export const MAX_OBJECTS_PER_FILE = 200_000;

const count = (n: number) => n.toLocaleString('en-US');
const CRAFTED_HINT = 'The file is damaged or was made to break readers; get a fresh copy from its source.';
const SPLIT_HINT = 'Split it into smaller files and open them together.';

export const tooDeep = () =>
  new PkiError('CORRUPT', `This file nests ASN.1 structures more than ${MAX_DER_DEPTH} levels deep; Certbench reads at most ${MAX_DER_DEPTH} levels (real certificates and keys use fewer than 20).`, CRAFTED_HINT);

export const oidTooLong = (arcs: number, bytes: number) =>
  arcs > MAX_OID_ARCS
    ? new PkiError('CORRUPT', `This file has an object identifier with ${count(arcs)} parts; Certbench reads object identifiers of at most ${MAX_OID_ARCS} parts.`, CRAFTED_HINT)
    : new PkiError('CORRUPT', `This file has an object identifier of ${count(bytes)} bytes; Certbench reads object identifiers of at most ${count(MAX_OID_BYTES)} bytes.`, CRAFTED_HINT);

export const tooManyElements = () =>
  new PkiError('TOO_LARGE', `This file has more than ${count(MAX_DER_ELEMENTS)} ASN.1 elements in one structure; Certbench reads at most ${count(MAX_DER_ELEMENTS)}.`, SPLIT_HINT);

export const tooManyPemBlocks = () =>
  new PkiError('TOO_LARGE', `This file has more than ${count(MAX_PEM_BLOCKS)} PEM blocks; Certbench opens at most ${count(MAX_PEM_BLOCKS)} per file.`, SPLIT_HINT);

export const tooManyObjects = () =>
  new PkiError('TOO_LARGE', `This file holds more than ${count(MAX_OBJECTS_PER_FILE)} certificates, keys and other objects; Certbench opens at most ${count(MAX_OBJECTS_PER_FILE)} per file.`, SPLIT_HINT);

/** Throws when an OID's content bytes pass MAX_OID_BYTES or hold more than MAX_OID_ARCS arcs. */
export function checkOidContent(bytes: Uint8Array, start: number, end: number): void {
  const length = end - start;
  let arcs = 1; // the first byte group encodes two arcs
  for (let i = start; i < end; i++) if (!(bytes[i] & 0x80)) arcs++;
  if (arcs > MAX_OID_ARCS || length > MAX_OID_BYTES) throw oidTooLong(arcs, length);
}

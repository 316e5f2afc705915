/**
 * A fast pass over the TLV headers of one DER/BER element, before a library builds objects for it: checks
 * nesting depth, element count and object identifiers against limits.ts. Iterative, allocation-free apart
 * from the stack of open ends. Malformed input is left to the real parser to report: this only stops early.
 */
import { checkOidContent, MAX_DER_DEPTH, MAX_DER_ELEMENTS, tooDeep, tooManyElements } from './limits';

const INDEFINITE = -1;
const OID_TAG = 0x06;

export function scanLimits(bytes: Uint8Array): void {
  const ends: number[] = [];
  const limit = bytes.length;
  let p = 0;
  let elements = 0;
  while (p < limit) {
    while (ends.length > 0 && ends[ends.length - 1] !== INDEFINITE && p >= ends[ends.length - 1]) ends.pop();
    if (elements > 0 && ends.length === 0) return; // the first element is complete
    const parentEnd = ends.length > 0 && ends[ends.length - 1] !== INDEFINITE ? ends[ends.length - 1] : limit;
    if (bytes[p] === 0 && bytes[p + 1] === 0 && ends[ends.length - 1] === INDEFINITE) {
      ends.pop(); // end-of-contents of an indefinite-length element
      p += 2;
      continue;
    }
    const header = readHeader(bytes, p, parentEnd);
    if (!header) return;
    if (++elements > MAX_DER_ELEMENTS) throw tooManyElements();
    const constructed = (bytes[p] & 0x20) !== 0;
    if (constructed) {
      if (ends.length >= MAX_DER_DEPTH) throw tooDeep();
      ends.push(header.length === INDEFINITE ? INDEFINITE : header.valueStart + header.length);
      p = header.valueStart;
      continue;
    }
    if (header.length === INDEFINITE) return;
    const end = header.valueStart + header.length;
    if (bytes[p] === OID_TAG) checkOidContent(bytes, header.valueStart, end);
    p = end;
  }
}

/**
 * Where the value starts and its length (INDEFINITE for BER 0x80), or null when the header is unreadable. A
 * length past the enclosing end is cut to it: parsers may still walk what is there (asn1js decodes the arcs
 * of a truncated OID), so those bytes are checked too.
 */
function readHeader(bytes: Uint8Array, at: number, end: number): { valueStart: number; length: number } | null {
  let p = at + 1;
  if ((bytes[at] & 0x1f) === 0x1f) {
    while (p < end && bytes[p] & 0x80) p++;
    p++;
  }
  if (p >= end) return null;
  const first = bytes[p++];
  if (first < 0x80) return { valueStart: p, length: Math.min(first, end - p) };
  const n = first & 0x7f;
  if (n === 0) return { valueStart: p, length: INDEFINITE };
  if (n > 4 || p + n > end) return null;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + bytes[p + i];
  p += n;
  return { valueStart: p, length: Math.min(length, end - p) };
}

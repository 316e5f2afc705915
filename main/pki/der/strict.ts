/**
 * A strict DER check of one whole element, for the fast paths that read PKCS#12 structures and keys with the
 * plain TLV reader (der.ts) instead of asn1js, whose object trees cost a 500-key PKCS#12 most of its opening
 * time. It answers the root TLV only when the encoding is DER that asn1js certainly reads the same way:
 *   - every length definite, minimal and inside its parent; nothing after the root;
 *   - constructed elements walked to the bottom: SEQUENCE, SET and tagged ([n], application, private) ones;
 *   - primitive universal types limited to BOOLEAN, INTEGER, BIT STRING, OCTET STRING, NULL, OBJECT IDENTIFIER
 *     and BMPString, each with content asn1js accepts (no empty INTEGER, unused bits 0-7, OID arcs it decodes
 *     exactly, even-length BMPString);
 *   - depth and element count within limits.ts.
 * Anything else (BER indefinite lengths, constructed strings, other string types, high tag numbers) answers
 * undefined: the caller then reads with asn1js, which decides. Never throws.
 */
import type { Tlv } from './der';
import { MAX_DER_DEPTH, MAX_DER_ELEMENTS, MAX_OID_ARCS, MAX_OID_BYTES } from './limits';
import { scanLimits } from './scan-limits';

const CONSTRUCTED = 0x20;
const HIGH_TAG = 0x1f;
const UNIVERSAL = 0x00;
const SEQUENCE = 0x30;
const SET = 0x31;
/** asn1js decodes an arc of up to 8 bytes to a number; longer ones it keeps as hex, spelled differently. */
const MAX_ARC_BYTES = 7;

/** strictDer after the caps of limits.ts, which throw their PkiErrors first as they do before asn1js parses. */
export function strictDerWithinLimits(bytes: Uint8Array): Tlv | undefined {
  scanLimits(bytes);
  return strictDer(bytes);
}

export function strictDer(bytes: Uint8Array): Tlv | undefined {
  const walker = { bytes, elements: 0 };
  const end = elementEnd(walker, 0, bytes.length, 0);
  if (end !== bytes.length) return undefined;
  const lengthBytes = bytes[1] < 0x80 ? 1 : 1 + (bytes[1] & 0x7f);
  return { bytes, tag: bytes[0], start: 0, valueStart: 1 + lengthBytes, end };
}

interface Walker {
  bytes: Uint8Array;
  elements: number;
}

/** The end of the well-formed element at `at` (inside `limit`), or -1. */
function elementEnd(w: Walker, at: number, limit: number, depth: number): number {
  const bytes = w.bytes;
  if (at + 2 > limit || ++w.elements > MAX_DER_ELEMENTS) return -1;
  const tag = bytes[at];
  if ((tag & HIGH_TAG) === HIGH_TAG) return -1;
  let valueStart = at + 2;
  let length = bytes[at + 1];
  if (length & 0x80) {
    const n = length & 0x7f;
    // Indefinite (n = 0), longer than 4 bytes, or not minimal: not DER.
    if (n === 0 || n > 4 || valueStart + n > limit || bytes[valueStart] === 0) return -1;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[valueStart + i];
    if (length < 0x80) return -1;
    valueStart += n;
  }
  const end = valueStart + length;
  if (end > limit) return -1;
  if (tag & CONSTRUCTED) {
    // Constructed universal types other than SEQUENCE and SET are BER (constructed strings) or invalid.
    if ((tag & 0xc0) === UNIVERSAL && tag !== SEQUENCE && tag !== SET) return -1;
    if (depth >= MAX_DER_DEPTH) return -1;
    let p = valueStart;
    while (p < end) {
      p = elementEnd(w, p, end, depth + 1);
      if (p < 0) return -1;
    }
    return end;
  }
  if ((tag & 0xc0) !== UNIVERSAL) return end;
  return primitiveOk(bytes, tag, valueStart, end) ? end : -1;
}

function primitiveOk(bytes: Uint8Array, tag: number, start: number, end: number): boolean {
  const length = end - start;
  switch (tag) {
    case 0x01: // BOOLEAN
      return length === 1;
    case 0x02: // INTEGER
      return length >= 1;
    case 0x03: // BIT STRING
      return length >= 1 && bytes[start] <= 7;
    case 0x04: // OCTET STRING
      return true;
    case 0x05: // NULL
      return length === 0;
    case 0x06: // OBJECT IDENTIFIER
      return oidOk(bytes, start, end);
    case 0x1e: // BMPString
      return length % 2 === 0;
    default:
      return false;
  }
}

function oidOk(bytes: Uint8Array, start: number, end: number): boolean {
  if (end === start || end - start > MAX_OID_BYTES || bytes[end - 1] & 0x80) return false;
  let arcs = 1;
  let arcBytes = 0;
  for (let i = start; i < end; i++) {
    if (arcBytes === 0 && bytes[i] === 0x80) return false; // a needlessly long arc
    arcBytes++;
    if (arcBytes > MAX_ARC_BYTES) return false;
    if (!(bytes[i] & 0x80)) {
      arcs++;
      arcBytes = 0;
    }
  }
  return arcs <= MAX_OID_ARCS;
}

/**
 * A non-negative INTEGER of at most 6 bytes as a number (iteration counts, key lengths), the value asn1js
 * gives; undefined for anything else.
 */
export function nonNegativeInt(t: Tlv | undefined): number | undefined {
  if (!t || t.tag !== 0x02) return undefined;
  const length = t.end - t.valueStart;
  if (length === 0 || length > 6 || t.bytes[t.valueStart] & 0x80) return undefined;
  let n = 0;
  for (let i = t.valueStart; i < t.end; i++) n = n * 256 + t.bytes[i];
  return n;
}

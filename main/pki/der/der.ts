/**
 * A small, fast, zero-copy DER reader. Decoding 10,000 certificates must take well under a second, which
 * reflection-based ASN.1 libraries do not manage, so the hot paths (certificates, names, extensions) walk
 * the TLVs directly. Every malformation becomes a PkiError CORRUPT naming what was being read.
 */
import { PkiError } from '../errors';
import { checkOidContent } from './limits';

export const enum Tag {
  Boolean = 0x01,
  Integer = 0x02,
  BitString = 0x03,
  OctetString = 0x04,
  Null = 0x05,
  Oid = 0x06,
  Utf8String = 0x0c,
  Sequence = 0x30,
  Set = 0x31,
  PrintableString = 0x13,
  T61String = 0x14,
  Ia5String = 0x16,
  UtcTime = 0x17,
  GeneralizedTime = 0x18,
  VisibleString = 0x1a,
  UniversalString = 0x1c,
  BmpString = 0x1e,
  NumericString = 0x12,
}

/** One TLV inside `bytes`: the tag byte, where its value starts and where it ends. */
export interface Tlv {
  bytes: Uint8Array;
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  valueStart: number;
  end: number;
}

export class DerError extends PkiError {
  constructor(what: string) {
    super('CORRUPT', `The data is not valid DER (${what}).`, 'The file may be truncated or damaged; get a fresh copy from its source.');
  }
}

export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length, what = 'element'): Tlv {
  if (offset + 2 > limit) throw new DerError(`${what} is cut short`);
  const tag = bytes[offset];
  let lenAt = offset + 1;
  if ((tag & 0x1f) === 0x1f) {
    // High tag number: the number continues in base-128 bytes; `tag` keeps the first byte (class, form).
    while (lenAt < limit && bytes[lenAt] & 0x80) lenAt++;
    lenAt++;
    if (lenAt >= limit) throw new DerError(`${what} is cut short`);
  }
  let len = bytes[lenAt];
  let valueStart = lenAt + 1;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0) throw new DerError(`${what} has an indefinite length (BER, not DER)`);
    if (n > 4 || valueStart + n > limit) throw new DerError(`${what} has an impossible length`);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[valueStart + i];
    valueStart += n;
  }
  const end = valueStart + len;
  if (end > limit) throw new DerError(`${what} is cut short: it claims ${len} bytes but only ${limit - valueStart} remain`);
  return { bytes, tag, start: offset, valueStart, end };
}

/** Reads the single TLV that must fill `bytes` exactly. */
export function readRoot(bytes: Uint8Array, what = 'structure'): Tlv {
  const tlv = readTlv(bytes, 0, bytes.length, what);
  if (tlv.end !== bytes.length) throw new DerError(`${bytes.length - tlv.end} unexpected bytes after the ${what}`);
  return tlv;
}

export function children(parent: Tlv, what = 'element'): Tlv[] {
  const out: Tlv[] = [];
  let p = parent.valueStart;
  while (p < parent.end) {
    const c = readTlv(parent.bytes, p, parent.end, what);
    out.push(c);
    p = c.end;
  }
  return out;
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv) throw new DerError(`${what} is missing`);
  if (tlv.tag !== tag) throw new DerError(`${what} has tag 0x${tlv.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return tlv;
}

// Callers index children() arrays; a missing element in a damaged file must be a typed error, not a TypeError.
export const value = (t: Tlv): Uint8Array => (t ? t.bytes.subarray(t.valueStart, t.end) : missingElement());
export const whole = (t: Tlv): Uint8Array => (t ? t.bytes.subarray(t.start, t.end) : missingElement());

function missingElement(): never {
  throw new DerError('an element is missing');
}

const oidCache = new Map<string, string>();

/**
 * The last OIDs decoded, by their content bytes, compared in place: a keystore's 500 keys and certificates
 * name the same few algorithms and extensions, and each lookup in oidCache first made a view and a string.
 */
const recentOids: { content: Uint8Array; oid: string }[] = [];
const RECENT_OIDS = 16;
let nextRecent = 0;

function recentOid(bytes: Uint8Array, start: number, end: number): string | undefined {
  const length = end - start;
  for (let r = 0; r < recentOids.length; r++) {
    const { content, oid } = recentOids[r];
    if (content.length !== length) continue;
    let i = 0;
    while (i < length && content[i] === bytes[start + i]) i++;
    if (i === length) return oid;
  }
  return undefined;
}

function rememberOid(content: Uint8Array, oid: string): void {
  recentOids[nextRecent] = { content: content.slice(), oid };
  nextRecent = (nextRecent + 1) % RECENT_OIDS;
}

export function oidOf(t: Tlv): string {
  if (!t) return missingElement();
  if (t.end === t.valueStart) throw new DerError('empty object identifier');
  checkOidContent(t.bytes, t.valueStart, t.end);
  const recent = recentOid(t.bytes, t.valueStart, t.end);
  if (recent !== undefined) return recent;
  const v = value(t);
  const oid = decodeOid(v);
  rememberOid(v, oid);
  return oid;
}

function decodeOid(v: Uint8Array): string {
  const key = latin1(v);
  const cached = oidCache.get(key);
  if (cached) return cached;
  const parts: Array<number | bigint> = [];
  let n = 0;
  let big: bigint | null = null; // arcs past 2^53 (UUID OIDs under 2.25) need exact arithmetic
  for (let i = 0; i < v.length; i++) {
    const digit = v[i] & 0x7f;
    if (big === null && n >= 2 ** 45) big = BigInt(n);
    if (big === null) n = n * 128 + digit;
    else big = big * 128n + BigInt(digit);
    if (!(v[i] & 0x80)) {
      const arc = big ?? n;
      if (parts.length === 0) {
        const first = arc < 80 ? Math.floor(Number(arc) / 40) : 2;
        parts.push(first, typeof arc === 'bigint' ? arc - BigInt(first * 40) : arc - first * 40);
      } else parts.push(arc);
      n = 0;
      big = null;
    }
  }
  const oid = parts.join('.');
  if (oidCache.size < 10000) oidCache.set(key, oid);
  return oid;
}

function latin1(v: Uint8Array): string {
  let s = '';
  for (let i = 0; i < v.length; i++) s += String.fromCharCode(v[i]);
  return s;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

export function hex(v: Uint8Array, sep = ''): string {
  if (sep === '') return Buffer.from(v.buffer, v.byteOffset, v.length).toString('hex').toUpperCase();
  const out: string[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = HEX[v[i]];
  return out.join(sep);
}

/** INTEGER as uppercase hex without the sign-padding zero byte (serial numbers). */
export function integerHex(t: Tlv): string {
  let v = value(t);
  if (v.length > 1 && v[0] === 0) v = v.subarray(1);
  return hex(v);
}

/** Small INTEGER as a number (versions, path lengths); null when too large. */
export function smallInt(t: Tlv): number | null {
  const v = value(t);
  if (v.length === 0 || v.length > 6) return null;
  let n = v[0] & 0x80 ? -1 : 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

/** Bit length of a non-negative INTEGER (RSA modulus size). */
export function integerBits(t: Tlv): number {
  let v = value(t);
  let i = 0;
  while (i < v.length - 1 && v[i] === 0) i++;
  v = v.subarray(i);
  if (v.length === 0) return 0;
  return (v.length - 1) * 8 + (32 - Math.clz32(v[0]));
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf16 = new TextDecoder('utf-16be');

/** Any ASN.1 string type as a JS string. */
export function stringOf(t: Tlv): string {
  const v = value(t);
  switch (t.tag) {
    case Tag.BmpString:
      return utf16.decode(v);
    case Tag.UniversalString: {
      let s = '';
      for (let i = 0; i + 3 < v.length; i += 4) {
        const cp = ((v[i] << 24) | (v[i + 1] << 16) | (v[i + 2] << 8) | v[i + 3]) >>> 0;
        s += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
      }
      return s;
    }
    case Tag.T61String:
      return latin1(v);
    default:
      return utf8.decode(v);
  }
}

/** BMPString (UTF-16BE) bytes as text, a code unit at a time; trailing NULs dropped (some writers add one). */
export function bmpText(raw: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < raw.length; i += 2) text += String.fromCharCode((raw[i] << 8) | raw[i + 1]);
  return text.replace(/\u0000+$/, '');
}

/** ISO text of a time, or null when the encoding is invalid (OpenSSL prints "Bad time value" then). */
export function isoTimeOrNull(t: Tlv | undefined): string | null {
  if (!t) return null;
  try {
    return timeOf(t).toISOString();
  } catch {
    return null;
  }
}

/** UTCTime / GeneralizedTime as a Date. */
export function timeOf(t: Tlv): Date {
  const quick = plainZuluTime(t);
  if (quick !== undefined) return new Date(quick);
  const s = latin1(value(t));
  let m: RegExpExecArray | null;
  if (t.tag === Tag.UtcTime) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/.exec(s);
    if (!m) throw new DerError(`bad UTCTime "${s}"`);
    const yy = Number(m[1]);
    return makeDate(yy >= 50 ? 1900 + yy : 2000 + yy, m, s);
  }
  if (t.tag === Tag.GeneralizedTime) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?(Z|[+-]\d{4})$/.exec(s);
    if (!m) throw new DerError(`bad GeneralizedTime "${s}"`);
    return makeDate(Number(m[1]), m, s);
  }
  throw new DerError(`expected a time, found tag 0x${t.tag.toString(16)}`);
}

/**
 * The shape nearly every certificate uses (RFC 5280: YYMMDDHHMMSSZ, or YYYYMMDDHHMMSSZ from 2050), read
 * straight from the bytes; the same Date.UTC as makeDate gives. Anything else is undefined, for the full parse.
 */
function plainZuluTime(t: Tlv): number | undefined {
  const b = t.bytes;
  const length = t.end - t.valueStart;
  const yearDigits = t.tag === Tag.UtcTime ? 2 : t.tag === Tag.GeneralizedTime ? 4 : 0;
  if (yearDigits === 0 || length !== yearDigits + 11 || b[t.end - 1] !== 0x5a) return undefined;
  for (let i = t.valueStart; i < t.end - 1; i++) if (b[i] < 0x30 || b[i] > 0x39) return undefined;
  const two = (at: number) => (b[at] - 0x30) * 10 + (b[at + 1] - 0x30);
  let at = t.valueStart;
  let year = two(at);
  if (yearDigits === 2) year += year >= 50 ? 1900 : 2000;
  else year = year * 100 + two(at + 2);
  at += yearDigits;
  return Date.UTC(year, two(at) - 1, two(at + 2), two(at + 4), two(at + 6), two(at + 8));
}

function makeDate(year: number, m: RegExpExecArray, raw: string): Date {
  let ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const zone = m[7];
  if (zone !== 'Z') {
    const sign = zone[0] === '+' ? 1 : -1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60000;
  }
  if (Number.isNaN(ms)) throw new DerError(`bad time "${raw}"`);
  return new Date(ms);
}

/** Context tag number of a [n] element, or -1 when not context-specific. */
export function contextNumber(t: Tlv): number {
  return (t.tag & 0xc0) === 0x80 ? t.tag & 0x1f : -1;
}

/**
 * java.io.DataOutputStream into bytes, the writer beside JavaDataInput: big-endian integers, writeUTF strings
 * (2-byte length + modified UTF-8) and byte blocks. A value Java could not write (a string over 65,535
 * encoded bytes, a block over 2 GB) is PkiError INVALID_ARGUMENT naming what it was.
 */
import { PkiError } from '../errors';

const MAX_UTF_BYTES = 0xffff;
const MAX_BLOCK_BYTES = 0x7fff_ffff;

export class JavaDataOutput {
  // One buffer, doubled when full: a 500-entry keystore wrote a small array for every integer and string.
  private buffer = new Uint8Array(4096);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Room for `n` more bytes; returns where they go. */
  private reserve(n: number): number {
    const at = this.size;
    if (at + n > this.buffer.length) {
      let capacity = this.buffer.length * 2;
      while (capacity < at + n) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.buffer.subarray(0, at));
      this.buffer = grown;
    }
    this.size = at + n;
    return at;
  }

  bytes(data: Uint8Array): this {
    const at = this.reserve(data.length); // before reading this.buffer, which reserve may replace
    this.buffer.set(data, at);
    return this;
  }

  u8(v: number): this {
    const at = this.reserve(1);
    this.buffer[at] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    const at = this.reserve(2);
    this.buffer[at] = (v >>> 8) & 0xff;
    this.buffer[at + 1] = v & 0xff;
    return this;
  }

  /** writeInt: 32 bits, big-endian (negative numbers as two's complement). */
  i32(v: number): this {
    const at = this.reserve(4);
    const b = this.buffer;
    b[at] = (v >>> 24) & 0xff;
    b[at + 1] = (v >>> 16) & 0xff;
    b[at + 2] = (v >>> 8) & 0xff;
    b[at + 3] = v & 0xff;
    return this;
  }

  /** writeLong from a whole number (a timestamp in ms): 64 bits, big-endian, two's complement. */
  i64(v: number): this {
    // High and low words of the two's complement, exact for every whole number a Date holds (|v| < 2^53).
    const whole = Math.trunc(v);
    const high = Math.floor(whole / 0x1_0000_0000);
    return this.i32(high).i32(whole - high * 0x1_0000_0000);
  }

  /** A 4-byte length followed by the bytes (JKS key and certificate blobs). */
  lengthPrefixed(data: Uint8Array, what: string): this {
    if (data.length > MAX_BLOCK_BYTES) throw tooLong(what, `${data.length} bytes`);
    return this.i32(data.length).bytes(data);
  }

  /** writeUTF: 2-byte length + modified UTF-8. */
  utf(text: string, what: string): this {
    const encoded = encodeModifiedUtf8(text);
    if (encoded.length > MAX_UTF_BYTES) throw tooLong(what, `${encoded.length} bytes of modified UTF-8, Java's limit is ${MAX_UTF_BYTES}`);
    return this.u16(encoded.length).bytes(encoded);
  }

  /** The bytes written, in an array of their own. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.size);
  }
}

const tooLong = (what: string, size: string) =>
  new PkiError('INVALID_ARGUMENT', `${what} is too long for a Java keystore (${size}).`, 'Shorten it and try again.');

/** Java's modified UTF-8: each UTF-16 code unit on its own (surrogates as 3 bytes each), NUL as C0 80. */
export function encodeModifiedUtf8(text: string): Uint8Array {
  if (isPlainAscii(text)) {
    // Aliases and "X.509": one byte a character, no intermediate array.
    const ascii = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) ascii[i] = text.charCodeAt(i);
    return ascii;
  }
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x01 && c <= 0x7f) out.push(c);
    else if (c <= 0x7ff) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/** U+0001..U+007F only: the characters modified UTF-8 writes as themselves (NUL is C0 80). */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c > 0x7f) return false;
  }
  return true;
}

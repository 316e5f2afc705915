/**
 * java.io.DataInputStream over bytes, for Java keystores and serialized objects. Every read is bounds-checked
 * and a short read becomes PkiError CORRUPT naming what was being read, so a bogus length can never cause a
 * huge allocation or an out-of-range slice.
 */
import { corrupt } from '../errors';

export class JavaDataInput {
  offset = 0;
  constructor(
    readonly bytes: Uint8Array,
    /** Prefix for error messages: "the keystore", "the sealed secret key". */
    private readonly where: string,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  fail(what: string): never {
    throw corrupt(`${this.where}: ${what} (at byte ${this.offset})`);
  }

  private need(n: number, what: string): void {
    if (n < 0 || n > this.remaining) this.fail(`${what} is cut short (${n} bytes needed, ${this.remaining} left)`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.offset++];
  }

  u16(what: string): number {
    this.need(2, what);
    const v = (this.bytes[this.offset] << 8) | this.bytes[this.offset + 1];
    this.offset += 2;
    return v;
  }

  /** Signed 32-bit, as Java's readInt. */
  i32(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const o = this.offset;
    this.offset += 4;
    return (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3];
  }

  u32(what: string): number {
    return this.i32(what) >>> 0;
  }

  /** Java long as a JS number: fine for timestamps (ms) and lengths that are then checked against the data. */
  i64(what: string): number {
    const hi = this.i32(what);
    const lo = this.u32(what);
    return hi * 0x1_0000_0000 + lo;
  }

  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  /** A 4-byte length followed by that many bytes (JKS key and certificate blobs). */
  lengthPrefixed(what: string): Uint8Array {
    const n = this.i32(`${what} length`);
    if (n < 0) this.fail(`${what} has a negative length`);
    return this.take(n, what);
  }

  /** writeUTF: 2-byte length + modified UTF-8. */
  utf(what: string): string {
    return decodeModifiedUtf8(this.take(this.u16(`${what} length`), what), () => this.fail(`${what} is not valid modified UTF-8`));
  }
}

/** Java's modified UTF-8: UTF-8 over UTF-16 code units (surrogates encoded separately), NUL as C0 80. */
export function decodeModifiedUtf8(bytes: Uint8Array, fail: () => never): string {
  // Aliases and "X.509" are ASCII: every byte its own character.
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) ascii = bytes[i] < 0x80;
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const units: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      units.push(b);
      i += 1;
    } else if ((b & 0xe0) === 0xc0 && i + 1 < bytes.length && (bytes[i + 1] & 0xc0) === 0x80) {
      units.push(((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else if ((b & 0xf0) === 0xe0 && i + 2 < bytes.length && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      units.push(((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 3;
    } else {
      fail();
    }
  }
  let s = '';
  for (let i = 0; i < units.length; i += 4096) s += String.fromCharCode(...units.slice(i, i + 4096));
  return s;
}

/** Java chars as bytes: UTF-16BE code units, no terminator (JKS digest and key protector). */
export function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) >> 8;
    out[i * 2 + 1] = text.charCodeAt(i) & 0xff;
  }
  return out;
}

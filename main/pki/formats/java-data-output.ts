/**
 * java.io.DataOutputStream into bytes, the writer beside JavaDataInput: big-endian integers, writeUTF strings
 * (2-byte length + modified UTF-8) and byte blocks. A value Java could not write (a string over 65,535
 * encoded bytes, a block over 2 GB) is PkiError INVALID_ARGUMENT naming what it was.
 */
import { PkiError } from '../errors';

const MAX_UTF_BYTES = 0xffff;
const MAX_BLOCK_BYTES = 0x7fff_ffff;

export class JavaDataOutput {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  bytes(data: Uint8Array): this {
    this.parts.push(data);
    this.size += data.length;
    return this;
  }

  u8(v: number): this {
    return this.bytes(Uint8Array.of(v & 0xff));
  }

  u16(v: number): this {
    return this.bytes(Uint8Array.of((v >>> 8) & 0xff, v & 0xff));
  }

  /** writeInt: 32 bits, big-endian (negative numbers as two's complement). */
  i32(v: number): this {
    return this.bytes(Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff));
  }

  /** writeLong from a whole number (a timestamp in ms): 64 bits, big-endian, two's complement. */
  i64(v: number): this {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigInt64(0, BigInt(Math.trunc(v)));
    return this.bytes(out);
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

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const tooLong = (what: string, size: string) =>
  new PkiError('INVALID_ARGUMENT', `${what} is too long for a Java keystore (${size}).`, 'Shorten it and try again.');

/** Java's modified UTF-8: each UTF-16 code unit on its own (surrogates as 3 bytes each), NUL as C0 80. */
export function encodeModifiedUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x01 && c <= 0x7f) out.push(c);
    else if (c <= 0x7ff) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}

/**
 * A bounds-checked reader for TLS's length-prefixed structures (RFC 8446 section 3). Reading past the end
 * throws TlsDecodeError, which the TLS fetch turns into a note ("could not read the server's ...") rather
 * than a crash: what a server sends is untrusted input.
 */
export class TlsDecodeError extends Error {
  constructor(what: string) {
    super(`${what} is cut short or malformed`);
    this.name = 'TlsDecodeError';
  }
}

export class TlsReader {
  private at: number;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.at = start;
  }

  get remaining(): number {
    return this.end - this.at;
  }

  private need(n: number): void {
    if (n < 0 || this.at + n > this.end) throw new TlsDecodeError(this.what);
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.at++];
  }

  u16(): number {
    this.need(2);
    const v = (this.bytes[this.at] << 8) | this.bytes[this.at + 1];
    this.at += 2;
    return v;
  }

  u24(): number {
    this.need(3);
    const v = (this.bytes[this.at] << 16) | (this.bytes[this.at + 1] << 8) | this.bytes[this.at + 2];
    this.at += 3;
    return v;
  }

  take(n: number): Uint8Array {
    this.need(n);
    const v = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }

  /** An opaque vector whose length is a 1, 2 or 3 byte prefix. */
  vector(lengthBytes: 1 | 2 | 3): Uint8Array {
    const n = lengthBytes === 1 ? this.u8() : lengthBytes === 2 ? this.u16() : this.u24();
    return this.take(n);
  }

  /** A reader over a length-prefixed vector's contents (for lists of items). */
  sub(lengthBytes: 1 | 2 | 3, what = this.what): TlsReader {
    const v = this.vector(lengthBytes);
    return new TlsReader(v, what);
  }
}

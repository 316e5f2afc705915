/**
 * A Duplex around the TCP socket that keeps a copy of every byte the server sends. Handing it (not the
 * socket) to tls.connect makes Node run TLS over a JS stream, so the raw records pass through here: the only
 * way to see the Certificate message exactly as sent (getPeerCertificate reorders and drops certificates).
 */
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/** Stop keeping bytes beyond this: a handshake is a few kilobytes, a huge chain a few hundred. */
const MAX_KEPT = 1024 * 1024;

export class RecordTap extends Duplex {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** More than MAX_KEPT bytes came; the rest passed through unkept. */
  overflow = false;

  constructor(private readonly inner: Socket) {
    super();
    inner.on('data', (chunk: Buffer) => {
      this.keep(chunk);
      if (!this.push(chunk)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (e) => this.destroy(e));
    inner.on('close', () => this.destroy());
  }

  private keep(chunk: Buffer): void {
    if (this.kept >= MAX_KEPT) {
      this.overflow = true;
      return;
    }
    const part = chunk.subarray(0, MAX_KEPT - this.kept);
    this.chunks.push(part);
    this.kept += part.length;
    if (part.length < chunk.length) this.overflow = true;
  }

  /** Everything the server sent so far (up to the cap). */
  inbound(): Uint8Array {
    return Buffer.concat(this.chunks);
  }

  override _read(): void {
    this.inner.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.inner.write(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.inner.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner.destroy();
    callback(error);
  }
}

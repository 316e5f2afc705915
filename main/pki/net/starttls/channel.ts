/**
 * The plain-text conversation before STARTTLS: read lines or bytes from the socket, write commands, all
 * within the fetch's deadline. Every byte read is consumed by the protocol; the server says nothing more
 * until the client's TLS hello, so nothing is left over for the TLS layer.
 */
import type { Socket } from 'node:net';
import { PkiError } from '../../errors';
import type { Deadline } from '../deadline';
import { closedEarly, socketError } from '../net-errors';

/** Longest line a preamble reply may have (SMTP allows 512; banners can be chatty). */
const MAX_LINE = 8192;
/** Most bytes a whole preamble may bring (a multi-line EHLO reply is far smaller). */
const MAX_PREAMBLE = 256 * 1024;

export class PreambleChannel {
  private buffer = Buffer.alloc(0);
  private total = 0;
  private ended = false;
  private failure: PkiError | null = null;
  private wake: (() => void) | null = null;
  private readonly onData = (chunk: Buffer) => {
    this.total += chunk.length;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.notify();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.notify();
  };
  private readonly onError = (e: Error) => {
    this.failure = socketError(e, this.host, this.port, this.deadline.phase);
    this.notify();
  };

  constructor(
    private readonly socket: Socket,
    readonly host: string,
    readonly port: number,
    private readonly deadline: Deadline,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  /** Names what is awaited now, for timeouts and early closes ("waiting for the SMTP greeting"). */
  set phase(text: string) {
    this.deadline.phase = text;
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private async waitForData(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.ended) throw closedEarly(this.host, this.port, this.deadline.phase);
    if (this.total > MAX_PREAMBLE) throw new PkiError('NETWORK', `${this.host}:${this.port} sent more than ${MAX_PREAMBLE / 1024} KiB before STARTTLS.`, 'Check the port and the STARTTLS protocol chosen.');
    await this.deadline.race(new Promise<void>((resolve) => (this.wake = resolve)));
    if (this.failure) throw this.failure;
  }

  /** One line without its CR LF. */
  async readLine(): Promise<string> {
    for (;;) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl >= 0) {
        const line = this.buffer.subarray(0, nl).toString('latin1').replace(/\r$/, '');
        this.buffer = this.buffer.subarray(nl + 1);
        return line;
      }
      if (this.buffer.length > MAX_LINE) {
        throw new PkiError('NETWORK', `${this.host}:${this.port} sent a line longer than ${MAX_LINE} bytes while ${this.deadline.phase}.`, 'Check the port and the STARTTLS protocol chosen.');
      }
      await this.waitForData();
    }
  }

  /** Exactly `n` bytes. */
  async readBytes(n: number): Promise<Uint8Array> {
    while (this.buffer.length < n) await this.waitForData();
    const out = Uint8Array.from(this.buffer.subarray(0, n));
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  write(data: string | Uint8Array): void {
    this.socket.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Stops listening; returns bytes read but not consumed (normally none). */
  release(): Uint8Array {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.socket.pause();
    return Uint8Array.from(this.buffer);
  }
}

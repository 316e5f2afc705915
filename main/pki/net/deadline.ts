/**
 * One time limit for a whole exchange (connect, STARTTLS preamble, handshake) plus the caller's abort
 * signal. Whatever step is running when time runs out is named in the error, so "no reply after 10 s while
 * waiting for the SMTP greeting" tells the user where it stuck.
 */
import { PkiError } from '../errors';

export class Deadline {
  /** What is being waited for now, for the timeout message ("connecting", "the TLS handshake"). */
  phase = 'connecting';
  private readonly failed: Promise<never>;
  private readonly cleanups: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private onAbort: (() => void) | null = null;
  private fail!: (e: PkiError) => void;
  private error: PkiError | null = null;
  private readonly endsAt: number;

  constructor(
    private readonly where: string,
    private readonly timeoutMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.endsAt = Date.now() + timeoutMs;
    this.failed = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    this.failed.catch(() => {}); // a deadline nobody raced against must not be an unhandled rejection
    if (signal?.aborted) {
      this.expire(this.cancelledError());
      return;
    }
    this.timer = setTimeout(() => this.expire(this.timeoutError()), timeoutMs);
    if (signal) {
      this.onAbort = () => this.expire(this.cancelledError());
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  private timeoutError(): PkiError {
    return new PkiError(
      'NETWORK',
      `${this.where} did not answer in time: nothing after ${Math.round(this.timeoutMs / 100) / 10} s while ${this.phase}.`,
      'Check the host and port, and that no firewall or VPN blocks the way; a slow server may need a longer timeout.',
    );
  }

  private cancelledError(): PkiError {
    return new PkiError('CANCELLED', `Checking ${this.where} was cancelled.`, 'Check again when you are ready.');
  }

  private expire(error: PkiError): void {
    if (this.error) return;
    this.error = error;
    for (const c of this.cleanups.splice(0)) c();
    this.fail(error);
  }

  /** The timeout or cancellation that ended the exchange, if one did. */
  get expired(): PkiError | null {
    return this.error;
  }

  /** Runs `cleanup` (close the socket) when time runs out or the caller aborts. */
  onExpire(cleanup: () => void): void {
    if (this.error) cleanup();
    else this.cleanups.push(cleanup);
  }

  /** `work`, unless the deadline passes first. */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failed]);
  }

  /** Milliseconds left. */
  get remainingMs(): number {
    return this.error ? 0 : Math.max(0, this.endsAt - Date.now());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.onAbort) this.signal?.removeEventListener('abort', this.onAbort);
    this.cleanups.length = 0;
  }
}

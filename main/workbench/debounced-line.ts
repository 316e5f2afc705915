/**
 * One job (rewriting a file) run debounced and one at a time. request() asks for a run `delayMs` from the first
 * request; requests meanwhile join it, and a steady stream of them still gets a run every `delayMs` (the timer
 * is not pushed back). A request while a run is in flight brings exactly one more run after it, so the last
 * state is always written. Other work on the same file (exclusive) waits its turn in the same line, so nothing
 * ever touches the file twice at once.
 */
import { nodeTimers, type TimerPort } from './timer-port';

export interface DebouncedLineOptions {
  delayMs: number;
  /** Told when a run fails; the line goes on (the next request runs the job again). */
  onError: (error: unknown) => void;
  timers?: TimerPort;
}

export class DebouncedLine {
  private readonly timers: TimerPort;
  private timer: unknown = null;
  /** A run was asked for and has not started yet. */
  private requested = false;
  private running = false;
  /** The tail of the line: settles when everything queued so far has finished. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly job: () => Promise<void>,
    private readonly options: DebouncedLineOptions,
  ) {
    this.timers = options.timers ?? nodeTimers;
  }

  request(): void {
    this.requested = true;
    // While a run is in flight its end arms the timer, so changes during a slow seal still coalesce.
    if (this.timer === null && !this.running) this.arm();
  }

  /** Drops a request not yet started (a run in flight finishes). */
  cancel(): void {
    this.requested = false;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs `work` after everything already in the line, and before anything queued later. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Runs a waiting request now (not after its delay) and settles once the line is empty. */
  async flush(): Promise<void> {
    while (this.timer !== null || this.requested || this.running) {
      if (this.timer !== null) this.fire();
      await this.tail;
    }
  }

  private arm(): void {
    this.timer = this.timers.setTimeout(() => this.fire(), this.options.delayMs);
  }

  private fire(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    void this.exclusive(() => this.run());
  }

  private async run(): Promise<void> {
    // Cancelled, or a run queued earlier already took this request.
    if (!this.requested) return;
    this.requested = false;
    this.running = true;
    try {
      await this.job();
    } catch (e) {
      try {
        this.options.onError(e);
      } catch {
        // A reporter that fails must not stop the line.
      }
    } finally {
      this.running = false;
      if (this.requested && this.timer === null) this.arm();
    }
  }
}

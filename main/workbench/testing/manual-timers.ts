/** A TimerPort for tests: nothing fires until the test says so. */
import type { TimerPort } from '../timer-port';

export class ManualTimers implements TimerPort {
  private pending: { run: () => void; ms: number }[] = [];

  setTimeout(run: () => void, ms: number): unknown {
    const timer = { run, ms };
    this.pending.push(timer);
    return timer;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((t) => t !== handle);
  }

  /** The delays of the timers waiting now. */
  get waiting(): number[] {
    return this.pending.map((t) => t.ms);
  }

  /** Fires every timer waiting now (not ones they arm). */
  fireAll(): void {
    const due = this.pending;
    this.pending = [];
    for (const t of due) t.run();
  }
}

/** Lets every promise already settled run its callbacks (a few turns of the event loop). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise the test resolves or rejects when it chooses. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

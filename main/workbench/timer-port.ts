/** The timers background work in main waits on, injectable so tests fire them by hand. */
export interface TimerPort {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a pending one never keeps the process alive. */
export const nodeTimers: TimerPort = {
  setTimeout: (run, ms) => {
    const t = setTimeout(run, ms);
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

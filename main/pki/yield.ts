/** Long loops over one file give the event loop back now and then, so the window never freezes on a huge bundle. */
import { cancelled } from './errors';

const SLICE_MS = 12;

export class Slicer {
  private start = performance.now();

  constructor(private readonly signal?: AbortSignal) {}

  /** Yields when this slice has run long enough; throws CANCELLED when the work was stopped meanwhile. */
  async tick(): Promise<boolean> {
    if (performance.now() - this.start < SLICE_MS) return false;
    await new Promise((resolve) => setImmediate(resolve));
    if (this.signal?.aborted) throw cancelled();
    this.start = performance.now();
    return true;
  }
}

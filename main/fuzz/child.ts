/**
 * The fuzz child process: runs inputs one at a time for the runner. A process, not a worker thread: a
 * native abort (an assertion in Node's crypto, say) must end the child, not the fuzzer. The runner caps
 * its heap (--max-old-space-size), kills it past the time limit, and reads its peak RSS after each input.
 */
import { runTarget, type Outcome } from './target';

export const CHILD_ENV = 'CERTBENCH_FUZZ_CHILD';

export interface WorkRequest {
  id: number;
  bytes: Uint8Array;
  password?: string;
}

export type ChildReport =
  | { ready: true }
  | { id: number; progress: true }
  | { id: number; outcome: Outcome; ms: number; peakRssBytes: number };

function start(): void {
  const send = (m: ChildReport) => process.send!(m);
  process.on('message', async (req: WorkRequest) => {
    let announced = false;
    const started = performance.now();
    const outcome = await runTarget(req.bytes, req.password, () => {
      if (announced) return;
      announced = true;
      send({ id: req.id, progress: true });
    });
    send({ id: req.id, outcome, ms: performance.now() - started, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}

if (process.send && process.env[CHILD_ENV] === '1') start();

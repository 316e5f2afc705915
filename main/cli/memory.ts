/**
 * Keeps a long `inspect` near the memory it really holds. V8 lets garbage pile up to several times the live
 * heap before it collects; a command that streams 100,000 objects collects itself whenever the heap has grown
 * by HEADROOM since the last collection, which costs a few milliseconds each time.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const HEADROOM = 48 * 1024 * 1024;

let gc: (() => void) | null | undefined;
let floor = 0;

function collector(): (() => void) | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/**
 * Collects now (between phases of a command), when the heap is large enough for garbage to matter: a full
 * collection of a small heap costs milliseconds and lowers no peak.
 */
export function collectNow(): void {
  if (getHeapStatistics().used_heap_size > HEADROOM) collector()?.();
  floor = getHeapStatistics().used_heap_size;
}

/** Collects when garbage has grown past the headroom; cheap to call once per object. */
export function collectIfGrown(): void {
  if (getHeapStatistics().used_heap_size > floor + HEADROOM) collectNow();
}

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

/** Collects when garbage has grown past the headroom. */
export function collectIfGrown(): void {
  if (getHeapStatistics().used_heap_size > floor + HEADROOM) collectNow();
}

/**
 * Objects written between two looks at the heap: a look (getHeapStatistics) costs microseconds, about 5 ms over
 * a 500-entry keystore's 1,000 objects, while an object written leaves kilobytes of garbage against 48 MB of headroom.
 */
const OBJECTS_PER_LOOK = 16;
let written = 0;

/** Call once per object written: collects, every few objects, when garbage has grown past the headroom. */
export function objectWritten(): void {
  if (++written % OBJECTS_PER_LOOK === 0) collectIfGrown();
}

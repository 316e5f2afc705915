/** Progress of work done in concurrent parts, reported as one fraction. */

export type FractionFn = (fraction: number) => void;

/** One callback per part; `weights` are the parts' sizes (e.g. hash rounds). Reports the weighted sum. */
export function progressParts(onProgress: FractionFn | undefined, weights: number[]): (FractionFn | undefined)[] {
  if (!onProgress) return weights.map(() => undefined);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const done = weights.map(() => 0);
  return weights.map((w, i) => (f: number) => {
    done[i] = f * w;
    onProgress(done.reduce((a, b) => a + b, 0) / total);
  });
}

/** The stream of fuzz inputs: a seed file, mutated, with a password chosen for it. Depends only on the RNG. */
import type { Seed } from './corpus';
import { mutate } from './mutators';
import type { Rng } from './rng';

export interface FuzzInput {
  from: Seed;
  bytes: Uint8Array;
  steps: string[];
  password?: string;
}

export function nextInput(seeds: readonly Seed[], passwords: readonly string[], donors: readonly Uint8Array[], rng: Rng): FuzzInput {
  const from = rng.pick(seeds);
  const { bytes, steps } = mutate(from.bytes, { rng, donors });
  return { from, bytes, steps, password: choosePassword(from, passwords, rng) };
}

/** No password, the empty one, the one the seed opens with, or another known one. */
function choosePassword(seed: Seed, passwords: readonly string[], rng: Rng): string | undefined {
  const r = rng.below(100);
  if (seed.password !== undefined && r < 50) return seed.password;
  if (r < 75) return undefined;
  if (r < 85) return '';
  return rng.pick(passwords);
}

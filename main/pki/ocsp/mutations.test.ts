/**
 * Hostile OCSP responses and crafted certificates: seeded bit flips, truncations and length inflation of the
 * committed fixtures reach the user as objects (with problems) or as a typed PkiError, never anything else.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeAlone } from '../../../test/helpers/describe';
import { fixture } from '../../../test/helpers/fixtures';
import { isPkiError } from '../errors';
import { readBytes } from '../read';

/** xorshift32: the same mutations on every run, so a failure reproduces. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

function mutate(src: Uint8Array, rnd: (n: number) => number): Uint8Array {
  const b = src.slice();
  switch (rnd(3)) {
    case 0:
      for (let i = 0, n = 1 + rnd(4); i < n; i++) b[rnd(b.length)] ^= 1 << rnd(8);
      return b;
    case 1:
      return b.subarray(0, rnd(b.length));
    default: {
      // A length byte made huge: find a long-form length and inflate it.
      const at = rnd(b.length - 2);
      b[at] = 0x84;
      b[at + 1] = 0x7f;
      return b;
    }
  }
}

const sources = [
  ...['ocsp'].flatMap((d) => readdirSync(fixture(d)).filter((f) => f.endsWith('.der')).map((f) => join(fixture(d), f))),
  ...readdirSync(fixture('exact')).filter((f) => f.endsWith('.der')).map((f) => join(fixture('exact'), f)),
  join(fixture('corpus', 'pyca', 'x509', 'ocsp'), 'resp-sct-extension.der'),
  join(fixture('corpus', 'pyca', 'x509', 'ocsp'), 'ocsp-army.deps.mil-resp.der'),
];

test('1,500 seeded mutations: objects or typed errors, describing never throws', async () => {
  const rnd = prng(20261127);
  let objects = 0;
  let errors = 0;
  for (let i = 0; i < 1500; i++) {
    const src = new Uint8Array(readFileSync(sources[i % sources.length]));
    const bytes = mutate(src, rnd);
    try {
      const r = await readBytes(bytes);
      for (const o of r.objects) {
        const d = describeAlone(o, `m/${i}`, new Date());
        assert.ok(Array.isArray(d.problems), `mutation ${i}`);
        objects++;
      }
    } catch (e) {
      assert.ok(isPkiError(e), `mutation ${i} of ${sources[i % sources.length]}: ${String(e)}`);
      errors++;
    }
  }
  assert.ok(objects > 100 && errors > 100, `${objects} objects, ${errors} errors`);
});

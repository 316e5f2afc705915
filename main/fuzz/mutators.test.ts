import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureBytes } from '../../test/helpers/fixtures';
import { encodeTree, parseTree } from './der-tree';
import { MAX_MUTANT_BYTES, mutate } from './mutators';
import { Rng } from './rng';

const cert = fixtureBytes('x509', 'leaf.der');
const pfx = fixtureBytes('pkcs12', 'modern-rsa.pfx');
const pem = fixtureBytes('x509', 'leaf.pem');
const donors = [cert, pfx, pem, fixtureBytes('keys', 'rsa2048.pkcs8.der')];

describe('DER tree', () => {
  it('re-encodes DER exactly, through nested OCTET STRINGs (PKCS#12) too', () => {
    for (const der of [cert, pfx, donors[3]]) {
      const tree = parseTree(der);
      assert.ok(tree);
      assert.deepEqual(encodeTree(tree), der);
    }
    assert.equal(parseTree(cert.subarray(0, cert.length - 1)), null);
  });
});

describe('mutations', () => {
  it('the same seed gives the same inputs; another seed, others', () => {
    const run = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 20 }, () => Buffer.from(mutate(cert, { rng, donors }).bytes).toString('hex')).join();
    };
    assert.equal(run(42), run(42));
    assert.notEqual(run(43), run(42));
  });

  it('mutants differ from the input, stay under the size cap, and every kind of mutation happens', () => {
    const rng = new Rng(7);
    const steps = new Set<string>();
    let changed = 0;
    for (let i = 0; i < 600; i++) {
      const input = donors[i % donors.length];
      const m = mutate(input, { rng, donors });
      assert.ok(m.bytes.length <= MAX_MUTANT_BYTES, `${m.bytes.length} bytes`);
      if (Buffer.compare(Buffer.from(m.bytes), Buffer.from(input)) !== 0) changed++;
      m.steps.forEach((s) => steps.add(s));
    }
    assert.ok(changed > 550, `only ${changed} of 600 changed`);
    for (const s of ['bit-flip', 'truncate', 'splice', 'inflate-length', 'depth-bomb', 'huge-integer', 'repeat-element', 'long-oid', 'graft', 'pem', 'text']) {
      assert.ok(steps.has(s), `no ${s} mutation in 600`);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Derivation, describeDuration, describeRounds, estimateConcurrentMs, estimateMs, recordDerivation, rounds } from './cost';

const mac = (iterations: number): Derivation => ({ kind: 'pkcs12-kdf', hash: 'sha1', iterations, blocks: 1 });
const pbkdf2 = (iterations: number): Derivation => ({ kind: 'pbkdf2', hash: 'sha256', iterations, blocks: 1 });

describe('derivation cost model', () => {
  it('counts rounds per output block', () => {
    assert.equal(rounds({ kind: 'pkcs12-kdf', hash: 'sha1', iterations: 300_000, blocks: 2 }), 600_000);
  });

  it('grows with the iteration count, and a worker derivation pays its start-up', () => {
    const e = (n: number) => estimateMs(mac(n));
    assert.ok(e(2_000_000) > e(1_000_000));
    assert.ok(Math.abs(e(3_000_000) - e(2_000_000) - (e(2_000_000) - e(1_000_000))) < 1e-6 * e(3_000_000), 'linear');
    // Up to 50,000 rounds the KDF runs in-thread; above, a worker starts.
    assert.ok(e(50_001) - e(50_000) > 20, `${e(50_000)} ${e(50_001)}`);
    // Native PBKDF2-SHA256 below 1,000,000 rounds; the slower WebAssembly loop from there on.
    assert.ok(estimateMs(pbkdf2(1_000_000)) > 1.5 * estimateMs(pbkdf2(999_999)));
  });

  it('concurrent derivations: at least the longest, at most their sum', () => {
    const ds = [mac(2_000_000), pbkdf2(600_000), pbkdf2(600_000)];
    const each = ds.map(estimateMs);
    const together = estimateConcurrentMs(ds);
    assert.ok(together >= Math.max(...each) && together <= each.reduce((a, b) => a + b, 0), `${together} ${each}`);
    assert.equal(estimateConcurrentMs([]), 0);
  });

  it('a measured derivation rescales later estimates to this machine', () => {
    const d = mac(5_000_000);
    const before = estimateMs(d);
    recordDerivation(d, before * 3);
    const after = estimateMs(d);
    assert.ok(after > before * 1.5 && after < before * 3, `${before} -> ${after}`);
    recordDerivation(d, 1); // absurdly fast: clamped, not zero
    assert.ok(estimateMs(d) > 0.1 * before);
  });

  it('says rounds and durations the way the messages use them', () => {
    assert.equal(describeRounds(10_000_000), '10,000,000 rounds');
    assert.equal(describeRounds(1), '1 round');
    assert.equal(describeDuration(1234), 'about 1.2 s');
    assert.equal(describeDuration(420), 'about 0.4 s');
    assert.equal(describeDuration(42_000), 'about 42 s');
  });
});

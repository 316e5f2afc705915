/** The runner enforces its limits on a child that misbehaves on purpose (a stand-in for a reader bug). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FuzzRunner, isFailure } from './runner';

const dir = mkdtempSync(join(tmpdir(), 'certbench-runner-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The protocol of child.ts, with behaviour chosen by the first input byte.
const BAD_CHILD = `
process.on('message', ({ id, bytes }) => {
  const reply = (outcome, rss = 0) => process.send({ id, outcome, ms: 1, peakRssBytes: rss });
  switch (bytes[0]) {
    case 1: for (;;) {}
    case 2: { const keep = []; for (;;) keep.push(new Array(1e6).fill(keep.length)); }
    case 3: return reply({ kind: 'untyped', where: 'read', message: 'TypeError: x is undefined', stack: '' });
    case 4: process.send({ id, progress: true }); for (;;) {}
    case 5: throw new Error('boom');
    case 6: process.abort();
    case 7: return reply({ kind: 'ok', objects: 1 }, 900 * 1024 * 1024);
    default: return reply({ kind: 'typed', code: 'CORRUPT', message: 'damaged' });
  }
});
process.send({ ready: true });
`;
const childFile = join(dir, 'bad-child.js');
writeFileSync(childFile, BAD_CHILD);
const runner = new FuzzRunner({ timeMs: 500, memoryMb: 64 }, childFile);
after(() => runner.close());

describe('fuzz runner limits', () => {
  it('a typed answer passes', async () => {
    const v = await runner.run(Uint8Array.of(0), undefined);
    assert.equal(v.kind, 'typed');
    assert.equal(isFailure(v), false);
  });

  it('a hang is stopped at the time limit and the next input gets a fresh child', async () => {
    const v = await runner.run(Uint8Array.of(1), undefined);
    assert.equal(v.kind, 'timeout');
    assert.ok(v.ms >= 500 && v.ms < 1500, `${v.ms} ms`);
    assert.ok(isFailure(v));
    assert.equal((await runner.run(Uint8Array.of(0), undefined)).kind, 'typed');
  });

  it('running out of heap is a memory failure', async () => {
    // Its own time limit, far off: on a busy machine filling 64 MB can take longer than the 500 ms the others get.
    const roomy = new FuzzRunner({ timeMs: 20_000, memoryMb: 64 }, childFile);
    const v = await roomy.run(Uint8Array.of(2), undefined).finally(() => roomy.close());
    assert.equal(v.kind, 'memory');
    assert.ok(isFailure(v));
  });

  it('an untyped error is a failure', async () => {
    const v = await runner.run(Uint8Array.of(3), undefined);
    assert.equal(v.kind, 'untyped');
    assert.ok(isFailure(v));
  });

  it('a long key derivation that shows progress is slow, not a failure', async () => {
    const v = await runner.run(Uint8Array.of(4), undefined);
    assert.equal(v.kind, 'slow-key-derivation');
    assert.equal(isFailure(v), false);
  });

  it('an exception that kills the child is a crash, and says what it printed', async () => {
    const v = await runner.run(Uint8Array.of(5), undefined);
    assert.equal(v.kind, 'crash');
    assert.ok(v.kind === 'crash' && /boom/.test(v.message), JSON.stringify(v));
    assert.equal((await runner.run(Uint8Array.of(0), undefined)).kind, 'typed');
  });

  it('a native abort ends the child, not the fuzzer', async () => {
    const v = await runner.run(Uint8Array.of(6), undefined);
    assert.ok(v.kind === 'crash' && /SIGABRT/.test(v.message), JSON.stringify(v));
    assert.equal((await runner.run(Uint8Array.of(0), undefined)).kind, 'typed');
  });

  it('a peak RSS over the limit is a memory failure even when the answer is fine', async () => {
    const v = await runner.run(Uint8Array.of(7), undefined);
    assert.ok(v.kind === 'memory' && /peak RSS 900 MB/.test(v.message), JSON.stringify(v));
  });
});

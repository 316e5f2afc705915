/** The runner enforces its limits on a worker that misbehaves on purpose (a stand-in for a reader bug). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FuzzRunner, isFailure } from './runner';

const dir = mkdtempSync(join(tmpdir(), 'certbench-runner-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The worker protocol of worker.ts, with behaviour chosen by the first input byte.
const BAD_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, bytes }) => {
  const reply = (outcome) => parentPort.postMessage({ id, outcome, ms: 1, externalBytes: 0 });
  switch (bytes[0]) {
    case 1: for (;;) {}
    case 2: { const keep = []; for (;;) keep.push(new Array(1e6).fill(keep.length)); }
    case 3: return reply({ kind: 'untyped', where: 'read', message: 'TypeError: x is undefined', stack: '' });
    case 4: parentPort.postMessage({ id, progress: true }); for (;;) {}
    case 5: throw new Error('boom');
    default: return reply({ kind: 'typed', code: 'CORRUPT', message: 'damaged' });
  }
});
parentPort.postMessage({ ready: true });
`;
const workerFile = join(dir, 'bad-worker.js');
writeFileSync(workerFile, BAD_WORKER);
const runner = new FuzzRunner({ timeMs: 500, memoryMb: 64 }, workerFile);
after(() => runner.close());

describe('fuzz runner limits', () => {
  it('a typed answer passes', async () => {
    const v = await runner.run(Uint8Array.of(0), undefined);
    assert.equal(v.kind, 'typed');
    assert.equal(isFailure(v), false);
  });

  it('a hang is stopped at the time limit and the next input gets a fresh worker', async () => {
    const v = await runner.run(Uint8Array.of(1), undefined);
    assert.equal(v.kind, 'timeout');
    assert.ok(v.ms >= 500 && v.ms < 1500, `${v.ms} ms`);
    assert.ok(isFailure(v));
    assert.equal((await runner.run(Uint8Array.of(0), undefined)).kind, 'typed');
  });

  it('running out of heap is a memory failure', async () => {
    const v = await runner.run(Uint8Array.of(2), undefined);
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

  it('an exception that kills the worker is a crash', async () => {
    const v = await runner.run(Uint8Array.of(5), undefined);
    assert.equal(v.kind, 'crash');
    assert.ok(isFailure(v));
    assert.equal((await runner.run(Uint8Array.of(0), undefined)).kind, 'typed');
  });
});

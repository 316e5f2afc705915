/** The debounced, one-at-a-time line that rewrites the sealed keys: bounded runs, no overlap, the last request always runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DebouncedLine } from './debounced-line';
import { gate, ManualTimers, settle } from './testing/manual-timers';

/** A job that records its runs and can be held open by the test. */
function recorder() {
  const log = { runs: 0, active: 0, maxActive: 0, errors: [] as unknown[] };
  let hold: Promise<void> | null = null;
  const job = async () => {
    log.runs++;
    log.active++;
    log.maxActive = Math.max(log.maxActive, log.active);
    try {
      if (hold) await hold;
    } finally {
      log.active--;
    }
  };
  return { log, job, holdWith: (p: Promise<void> | null) => (hold = p) };
}

test('a burst of requests becomes one run, after the delay', async () => {
  const timers = new ManualTimers();
  const { log, job } = recorder();
  const line = new DebouncedLine(job, { delayMs: 300, timers, onError: (e) => log.errors.push(e) });
  for (let i = 0; i < 50; i++) line.request();
  assert.deepEqual(timers.waiting, [300], 'one timer, of the delay');
  assert.equal(log.runs, 0, 'nothing runs before the delay');
  timers.fireAll();
  await settle();
  assert.equal(log.runs, 1);
  assert.deepEqual(timers.waiting, [], 'nothing more is asked for');
});

test('a request while a run is in flight brings exactly one more run after it, never two at once', async () => {
  const timers = new ManualTimers();
  const { log, job, holdWith } = recorder();
  const line = new DebouncedLine(job, { delayMs: 300, timers, onError: (e) => log.errors.push(e) });
  const slow = gate();
  holdWith(slow.promise);
  line.request();
  timers.fireAll();
  await settle();
  assert.equal(log.active, 1, 'the first run is in flight');
  for (let i = 0; i < 10; i++) line.request();
  assert.deepEqual(timers.waiting, [], 'no timer while a run is in flight');
  holdWith(null);
  slow.open();
  await settle();
  assert.deepEqual(timers.waiting, [300], 'the end of the run arms one timer for the requests it missed');
  timers.fireAll();
  await settle();
  assert.equal(log.runs, 2);
  assert.equal(log.maxActive, 1);
});

test('cancel drops a waiting request; a run in flight still finishes', async () => {
  const timers = new ManualTimers();
  const { log, job, holdWith } = recorder();
  const line = new DebouncedLine(job, { delayMs: 300, timers, onError: (e) => log.errors.push(e) });
  line.request();
  line.cancel();
  assert.deepEqual(timers.waiting, []);
  const slow = gate();
  holdWith(slow.promise);
  line.request();
  timers.fireAll();
  await settle();
  line.request(); // would follow the run in flight
  line.cancel();
  slow.open();
  await line.flush();
  assert.equal(log.runs, 1, 'only the run that had started happened');
  assert.deepEqual(timers.waiting, []);
});

test('exclusive work waits for the run in flight, and a run whose timer fired meanwhile waits for it', async () => {
  const timers = new ManualTimers();
  const order: string[] = [];
  const slow = gate();
  let first = true;
  const line = new DebouncedLine(
    async () => {
      order.push('run start');
      if (first) await slow.promise;
      first = false;
      order.push('run end');
    },
    { delayMs: 300, timers, onError: () => {} },
  );
  line.request();
  timers.fireAll();
  await settle();
  const other = gate();
  const done = line.exclusive(async () => {
    order.push('exclusive start');
    await other.promise;
    order.push('exclusive end');
    return 42;
  });
  line.request();
  slow.open();
  await settle();
  timers.fireAll(); // the follow-up run queues behind the exclusive work
  await settle();
  assert.deepEqual(order, ['run start', 'run end', 'exclusive start']);
  other.open();
  assert.equal(await done, 42);
  await line.flush();
  assert.deepEqual(order, ['run start', 'run end', 'exclusive start', 'exclusive end', 'run start', 'run end']);
});

test('a failed run is reported, the line goes on, and the next request runs the job again', async () => {
  const timers = new ManualTimers();
  const errors: unknown[] = [];
  let fail = true;
  let runs = 0;
  const line = new DebouncedLine(
    async () => {
      runs++;
      if (fail) throw new Error('sealer down');
    },
    { delayMs: 300, timers, onError: (e) => errors.push(e) },
  );
  line.request();
  await line.flush();
  assert.equal(runs, 1);
  assert.equal(errors.length, 1);
  assert.match(String(errors[0]), /sealer down/);
  assert.deepEqual(timers.waiting, [], 'a failure does not retry by itself');
  fail = false;
  line.request();
  await line.flush();
  assert.equal(runs, 2);
  assert.equal(errors.length, 1);
});

test('a reporter that throws does not stop the line', async () => {
  const timers = new ManualTimers();
  let runs = 0;
  const line = new DebouncedLine(
    async () => {
      runs++;
      throw new Error('no');
    },
    {
      delayMs: 10,
      timers,
      onError: () => {
        throw new Error('reporter broke');
      },
    },
  );
  line.request();
  await line.flush();
  line.request();
  await line.flush();
  assert.equal(runs, 2);
});

test('flush runs a waiting request at once instead of after its delay', async () => {
  const timers = new ManualTimers();
  let runs = 0;
  const line = new DebouncedLine(async () => void runs++, { delayMs: 300, timers, onError: () => {} });
  await line.flush();
  assert.equal(runs, 0, 'nothing waited: nothing runs');
  line.request();
  await line.flush();
  assert.equal(runs, 1);
  assert.deepEqual(timers.waiting, []);
});

test('the real timers: one run a delay after a burst', async () => {
  let runs = 0;
  const line = new DebouncedLine(async () => void runs++, { delayMs: 20, onError: () => {} });
  for (let i = 0; i < 20; i++) line.request();
  for (let waited = 0; runs === 0 && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(runs, 1);
});

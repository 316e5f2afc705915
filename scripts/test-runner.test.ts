/**
 * scripts/test.mjs on folders of tiny test files: a hung test and a hung run get a verdict naming them,
 * skipped and todo tests are counted apart (failures in CI), and a run below the floor (or empty) fails.
 */
import { describe, it as test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNNER = join(__dirname, 'test.mjs');

interface Outcome {
  code: number | null;
  out: string;
  closing: string;
}

/** Writes `files` (`__DIR__` stands for the folder) into a fresh folder and runs the unit side of the runner on it. */
async function runOn(files: Record<string, string>, env: Record<string, string> = {}): Promise<Outcome & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-runner-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), `import { test } from 'node:test';\n${body.replaceAll('__DIR__', dir)}\n`);
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
  const child = spawn(process.execPath, [RUNNER, '--unit'], { env: { ...inherited, CI: '', CERTBENCH_TEST_ROOT: dir, CERTBENCH_UNIT_FLOOR: '1', ...env }, timeout: 60_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, out: stdout + stderr, closing: stdout.trim().split('\n').pop() ?? '', dir };
}

function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// Each case waits on child processes, so they run side by side.
describe('scripts/test.mjs', { concurrency: true }, () => {
  test('a clean run passes with the closing line counting every kind', async () => {
    const r = await runOn({ 'ok.test.ts': "test('one', () => {});\ntest('two', () => {});" }, { CERTBENCH_UNIT_FLOOR: '2' });
    cleanup(r.dir);
    assert.equal(r.closing, '2 passed, 0 failed, 0 skipped, 0 todo', r.out);
    assert.equal(r.code, 0);
  });

  test('a failing test fails the run', async () => {
    const r = await runOn({ 'bad.test.ts': "test('breaks', () => { throw new Error('no'); });\ntest('fine', () => {});" });
    cleanup(r.dir);
    assert.equal(r.closing, '1 passed, 1 failed, 0 skipped, 0 todo', r.out);
    assert.equal(r.code, 1);
  });

  test('skipped and todo tests are counted apart and named; CI=true makes them failures', async () => {
    const files = { 'mixed.test.ts': "test('runs', () => {});\ntest('left out', { skip: 'not on this OS' }, () => {});\ntest('later', { todo: true }, () => {});" };
    const local = await runOn(files);
    cleanup(local.dir);
    assert.equal(local.closing, '1 passed, 0 failed, 1 skipped, 1 todo', local.out);
    assert.equal(local.code, 0);
    assert.match(local.out, /not run: 1 skipped and 1 todo unit tests: mixed\.test\.ts › left out \(not on this OS\); mixed\.test\.ts › later \(todo\)/);

    const inCi = await runOn(files, { CI: 'true' });
    cleanup(inCi.dir);
    assert.equal(inCi.closing, '1 passed, 2 failed, 1 skipped, 1 todo', inCi.out);
    assert.equal(inCi.code, 1);
    assert.match(inCi.out, /SKIPPED OR TODO \(a failure in CI\)/);
  });

  test('a folder with no tests is a failure, not a green 0 passed', async () => {
    const r = await runOn({});
    cleanup(r.dir);
    assert.match(r.out, /FEWER TESTS THAN EXPECTED: 0 unit tests ran, the floor is 1/);
    assert.equal(r.closing, '0 passed, 1 failed, 0 skipped, 0 todo');
    assert.equal(r.code, 1);
  });

  test('fewer tests than the floor fail the run', async () => {
    const r = await runOn({ 'ok.test.ts': "test('one', () => {});\ntest('two', () => {});" }, { CERTBENCH_UNIT_FLOOR: '3' });
    cleanup(r.dir);
    assert.match(r.out, /FEWER TESTS THAN EXPECTED: 2 unit tests ran, the floor is 3 \(UNIT_FLOOR in scripts\/test\.mjs\)/);
    assert.equal(r.closing, '2 passed, 1 failed, 0 skipped, 0 todo');
    assert.equal(r.code, 1);
  });

  test('a hung test file times out with a line naming it and the test that hung; the other files still count', async () => {
    const r = await runOn(
      { 'hang.test.ts': "test('waits forever', async () => { await new Promise((r) => setTimeout(r, 600_000)); });", 'ok.test.ts': "test('fine', () => {});" },
      { CERTBENCH_TEST_FILE_TIMEOUT_MS: '6000' },
    );
    cleanup(r.dir);
    assert.match(r.out, /^TIMED OUT: hang\.test\.ts \(test timed out after 6000ms; running: waits forever\)$/m);
    assert.equal(r.closing, '1 passed, 1 failed, 0 skipped, 0 todo', r.out);
    assert.equal(r.code, 1);
  });

  test('a run over its overall limit is stopped: the whole process tree is killed and the hung test named', async () => {
    const r = await runOn(
      {
        'hang.test.ts': "import { writeFileSync } from 'node:fs';\ntest('waits forever', async () => { writeFileSync('__DIR__/pid', String(process.pid)); await new Promise((r) => setTimeout(r, 600_000)); });",
      },
      { CERTBENCH_TEST_RUN_TIMEOUT_MS: '6000' },
    );
    const pid = Number(readFileSync(join(r.dir, 'pid'), 'utf8'));
    cleanup(r.dir);
    assert.match(r.out, /^TIMED OUT: the unit run was stopped after 6 s; still running: hang\.test\.ts › waits forever$/m, r.out);
    assert.equal(r.closing, '0 passed, 1 failed, 0 skipped, 0 todo');
    assert.equal(r.code, 1);
    assert.ok(pid > 0);
    // SIGKILL is immediate, but the orphan is reaped by init a moment later.
    const alive = () => {
      try {
        process.kill(pid, 0);
        return !/^\S+\s+\S+\s+Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/, 'x'));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 40 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(alive(), false, 'the hung test process was left running');
  });
});

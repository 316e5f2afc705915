/** certbot-style hooks run by /bin/sh: their environment, a failing hook's words, the timeout, cancel, the output cap. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runHook } from './challenges';

type Coded = Error & { code?: string; hint?: string };
const base = { domain: '*.example.test', validation: 'VALUE-1', token: 'TOKEN-1' };

test('the hook sees CERTBENCH_* and certbot\'s CERTBOT_* names; a wildcard\'s domain is its base name', async () => {
  const { output } = await runHook({ ...base, command: 'printf "%s|%s|%s|%s|%s|%s" "$CERTBENCH_DOMAIN" "$CERTBENCH_VALIDATION" "$CERTBENCH_TOKEN" "$CERTBOT_DOMAIN" "$CERTBOT_VALIDATION" "$CERTBOT_TOKEN"' });
  assert.equal(output, 'example.test|VALUE-1|TOKEN-1|example.test|VALUE-1|TOKEN-1');
});

test('a hook that exits non-zero: CHALLENGE_FAILED with its status and the tail of its output', async () => {
  await assert.rejects(runHook({ ...base, command: 'echo "adding record"; echo "zone example.test not found" >&2; exit 3' }), (e: Coded) => {
    assert.equal(e.code, 'CHALLENGE_FAILED');
    assert.match(e.message, /exited with status 3/);
    assert.match(e.message, /adding record/);
    assert.match(e.message, /zone example\.test not found/);
    assert.match(e.hint!, /CERTBENCH_VALIDATION/);
    return true;
  });
  await assert.rejects(runHook({ ...base, command: '   ' }), (e: Coded) => e.code === 'INVALID_ARGUMENT');
});

test('a hook that hangs is stopped at its timeout with everything it started', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hook-'));
  try {
    const pidFile = join(dir, 'pid');
    const started = Date.now();
    await assert.rejects(runHook({ ...base, command: `sleep 30 & echo $! > ${pidFile}; echo waiting; wait`, timeoutMs: 300 }), (e: Coded) => {
      assert.equal(e.code, 'CHALLENGE_FAILED');
      assert.match(e.message, /did not finish within 0 seconds|did not finish within 1 seconds/);
      assert.match(e.message, /waiting/);
      return true;
    });
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!running(pid), 'the sleep the hook started was killed too');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Alive and not a zombie (a killed orphan stays a zombie until PID 1 reaps it; containers may never reap). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

test('cancel stops a running hook with CANCELLED; an already aborted signal runs nothing', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 150);
  const started = Date.now();
  await assert.rejects(runHook({ ...base, command: 'sleep 30', signal: controller.signal }), (e: Coded) => e.code === 'CANCELLED');
  assert.ok(Date.now() - started < 2000);
  await assert.rejects(runHook({ ...base, command: 'echo ran', signal: controller.signal }), (e: Coded) => e.code === 'CANCELLED');
});

test('a chatty hook\'s output is capped to its last 16 KiB', async () => {
  const { output } = await runHook({ ...base, command: 'i=0; while [ $i -lt 3000 ]; do echo "line $i of the hook output"; i=$((i+1)); done' });
  assert.ok(output.length <= 16 * 1024, `${output.length} characters kept`);
  assert.match(output, /line 2999 of the hook output\n$/, 'the end is kept');
  assert.doesNotMatch(output, /^line 0 of/, 'the start is dropped');
});

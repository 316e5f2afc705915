// The README's test command: unit + interop (node --test) and e2e (Playwright in Debian Chromium), ending
// with one plain line "N passed, N failed, N skipped, N todo" that counts every test of both runners.
//   --unit  only node --test      --e2e  only Playwright
// A verdict is always given: each test file and each runner as a whole have a time limit (what hung is named),
// skipped and todo tests are counted apart (failures when CI=true), and a run with fewer tests than the floor
// below fails. Environment (defaults in brackets; the runner's own tests use tiny values):
//   CERTBENCH_TEST_ROOT             look for *.test.ts under this folder instead of the project (no build)
//   CERTBENCH_TEST_FILE_TIMEOUT_MS  limit per test file [180000]: node 20 applies --test-timeout to each file
//   CERTBENCH_TEST_RUN_TIMEOUT_MS   limit for each runner as a whole [unit 900000, e2e 2400000]
//   CERTBENCH_UNIT_FLOOR / CERTBENCH_E2E_FLOOR  minimum number of tests that must run [the constants below]
//   CI=true                         skipped and todo tests count as failures
//   CERTBENCH_KEEP_TEST_TMP=1       keep the run's scratch folder (every test's TMPDIR) instead of removing it
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, statSync, rmSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, dirname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Raise these as suites grow: a run that finds fewer tests than this is a failure, not a green line. */
const UNIT_FLOOR = 2250;
const E2E_FLOOR = 70;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testRoot = process.env.CERTBENCH_TEST_ROOT ? join(process.env.CERTBENCH_TEST_ROOT) : root;
const ownProject = testRoot === root;
const args = new Set(process.argv.slice(2));
const runUnit = !args.has('--e2e');
const runE2e = !args.has('--unit');
const ci = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const env = (name, fallback) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && process.env[name] !== '' && process.env[name] !== undefined ? v : fallback;
};
const fileTimeoutMs = env('CERTBENCH_TEST_FILE_TIMEOUT_MS', 180_000);
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (/\.test\.ts$/.test(name)) out.push(ownProject ? relative(root, p) : p);
  }
  return out;
}

/**
 * Every test's temporary folders go under one scratch folder per run (TMPDIR for the children), removed at the end:
 * suites that make a folder per test and keep it on failure for inspection would otherwise fill /tmp run after run.
 * CERTBENCH_KEEP_TEST_TMP=1 keeps it and prints where it is.
 */
const scratch = mkdtempSync(join(tmpdir(), 'certbench-test-run-'));
const keepScratch = /^(1|true|yes)$/i.test(process.env.CERTBENCH_KEEP_TEST_TMP ?? '');
const removeScratch = () => {
  if (!keepScratch) rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
};

/** Every live child process group, so a watchdog or Ctrl-C takes the whole tree down with it. */
const groups = new Set();
const killGroup = (pid) => {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of groups) killGroup(pid);
    removeScratch();
    process.exit(130);
  });
}

/**
 * Runs a child in its own process group; after `budgetMs` the whole group is killed and `timedOut` is set.
 * stdout is echoed (and kept when `capture`), stderr passes through.
 */
function run(cmd, argv, { capture = false, extraEnv = {}, budgetMs = 0 } = {}) {
  return new Promise((resolve) => {
    // NODE_TEST_CONTEXT would make node --test think it runs inside a test file, and skip every file.
    const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
    const child = spawn(cmd, argv, { cwd: root, env: { ...inherited, TMPDIR: scratch, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    groups.add(child.pid);
    let text = '';
    let timedOut = false;
    const timer = budgetMs > 0 ? setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, budgetMs) : null;
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      if (capture) text += d;
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      groups.delete(child.pid);
      // Grandchildren a test left behind (servers, workers) go with the group.
      killGroup(child.pid);
      resolve({ code: code ?? 1, text, timedOut });
    });
  });
}

const totals = { passed: 0, failed: 0, skipped: 0, todo: 0 };
const problems = [];
const notes = [];

function lastNumber(text, label) {
  const all = [...text.matchAll(new RegExp(`^# ${label} (\\d+)$`, 'gm'))];
  return all.length ? Number(all[all.length - 1][1]) : NaN;
}

function readEvents(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
}

const where = (e) => {
  const file = e.file ? (isAbsolute(e.file) ? relative(ownProject ? root : testRoot, e.file) : e.file) : null;
  if (!file) return e.name;
  return e.name === e.file || e.name === file ? file : `${file} › ${e.name}`;
};

/** Tests that started and never finished (the run was stopped); a file only when none of its tests had started. */
function stillRunning(events) {
  const open = new Map();
  for (const e of events) {
    const key = `${e.file}\u0000${e.nesting}\u0000${e.name}`;
    if (e.kind === 'start') open.set(key, e);
    else open.delete(key);
  }
  const list = [...open.values()];
  const isFile = (e) => e.name === e.file;
  return list.filter((e) => !isFile(e) || !list.some((o) => o !== e && o.file === e.file)).sort((a, b) => b.nesting - a.nesting);
}

/** "file › title" of every Playwright test that was skipped (test.skip, test.fixme, or not reached). */
function skippedSpecs(suites, out = []) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      if ((spec.tests ?? []).some((t) => t.status === 'skipped')) out.push(`${spec.file ?? suite.file} › ${spec.title}`);
    }
    skippedSpecs(suite.suites ?? [], out);
  }
  return out;
}

function floorCheck(side, ran, floor, constant) {
  if (ran >= floor) return;
  problems.push(`FEWER TESTS THAN EXPECTED: ${ran} ${side} tests ran, the floor is ${floor} (${constant} in scripts/test.mjs); a suite was lost or not found.`);
  totals.failed += 1;
}

function countSkips(side, skipped, todo, names) {
  totals.skipped += skipped;
  totals.todo += todo;
  if (skipped + todo === 0) return;
  const what = `${skipped} skipped and ${todo} todo ${side} tests${names.length ? `: ${names.join('; ')}` : ''}`;
  if (ci) {
    problems.push(`SKIPPED OR TODO (a failure in CI): ${what}`);
    totals.failed += skipped + todo;
  } else notes.push(`not run: ${what} (CI=true makes these failures)`);
}

if (runUnit) {
  const resultsDir = join(root, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const eventsFile = join(resultsDir, `unit-events-${process.pid}.jsonl`);
  let built = true;
  // The CLI tests run the bundled CLI as a process, as users do.
  if (ownProject) built = (await run(process.execPath, [join(root, 'scripts/build.mjs'), '--main-only', '--quiet'], { budgetMs: 300_000 })).code === 0;
  if (!built) problems.push('BUILD FAILED: scripts/build.mjs --main-only (the CLI tests need it)');
  const files = ownProject ? ['main', 'renderer', 'e2e', 'scripts', 'app', 'test'].filter((d) => existsSync(join(root, d))).flatMap((d) => findTests(join(root, d))) : existsSync(testRoot) ? findTests(testRoot) : [];
  const budgetMs = env('CERTBENCH_TEST_RUN_TIMEOUT_MS', 900_000);
  console.log(`\n== unit and interop: ${files.length} files (node --test; ${seconds(fileTimeoutMs)} per file, ${seconds(budgetMs)} in all) ==`);
  let p = 0;
  let f = 0;
  let events = [];
  if (files.length > 0) {
    const reporter = join(root, 'scripts', 'test-events-reporter.mjs');
    const argv = ['--import', 'tsx', '--test', `--test-timeout=${fileTimeoutMs}`, '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter=${reporter}`, `--test-reporter-destination=${eventsFile}`, ...files];
    const { code, text, timedOut } = await run(process.execPath, argv, { capture: true, budgetMs });
    events = readEvents(eventsFile);
    rmSync(eventsFile, { force: true });
    const summary = Object.fromEntries(['pass', 'fail', 'cancelled', 'skipped', 'todo'].map((k) => [k, lastNumber(text, k)]));
    for (const e of events.filter((x) => x.kind === 'fail' && x.failureType === 'testTimeoutFailure')) {
      // Node 20 times out a whole file: name the test that was running in it.
      const running = e.name === e.file ? stillRunning(events.filter((x) => x.file === e.file && x !== e && x.name !== e.file)) : [];
      problems.push(`TIMED OUT: ${where(e)} (${e.error}${running.length ? `; running: ${running.map((r) => r.name).join('; ')}` : ''})`);
    }
    if (timedOut) {
      const running = stillRunning(events);
      problems.push(`TIMED OUT: the unit run was stopped after ${seconds(budgetMs)}; still running: ${running.length ? running.map(where).join('; ') : 'no test had started (a file hung while loading)'}`);
      f += 1;
      // What finished before the stop still counts.
      p = events.filter((e) => e.kind === 'pass' && e.skip === undefined && e.todo === undefined).length;
      f += events.filter((e) => e.kind === 'fail').length;
      countSkips('unit', events.filter((e) => e.kind !== 'start' && e.skip !== undefined).length, events.filter((e) => e.kind !== 'start' && e.todo !== undefined).length, []);
    } else if (Object.values(summary).some(Number.isNaN)) {
      problems.push('NO VERDICT: node --test ended without its summary');
      f += 1;
    } else {
      p = summary.pass;
      f = summary.fail + summary.cancelled;
      const skipped = events.filter((e) => e.kind !== 'start' && e.skip !== undefined).map((e) => `${where(e)}${e.skip ? ` (${e.skip})` : ''}`);
      const todo = events.filter((e) => e.kind !== 'start' && e.todo !== undefined).map((e) => `${where(e)} (todo${e.todo ? `: ${e.todo}` : ''})`);
      countSkips('unit', summary.skipped, summary.todo, [...skipped, ...todo]);
      if (code !== 0 && f === 0) {
        problems.push(`NO VERDICT: node --test exited with code ${code} but reported no failure`);
        f += 1;
      }
    }
  }
  totals.passed += p;
  totals.failed += f;
  floorCheck('unit', p + f, env('CERTBENCH_UNIT_FLOOR', ownProject ? UNIT_FLOOR : 1), 'UNIT_FLOOR');
  if (!built) totals.failed += 1;
}

if (runE2e) {
  console.log('\n== end to end (Playwright, Chromium) ==');
  const build = await run(process.execPath, [join(root, 'scripts/build.mjs')], { budgetMs: 600_000 });
  if (build.code !== 0) {
    problems.push('BUILD FAILED: scripts/build.mjs (the e2e suites need the app)');
    totals.failed += 1;
  } else {
    const report = join(root, 'test-results', 'e2e-report.json');
    rmSync(report, { force: true });
    const budgetMs = env('CERTBENCH_TEST_RUN_TIMEOUT_MS', 2_400_000);
    // Playwright stops itself a minute early (and reports what it interrupted); the watchdog is the backstop.
    const globalTimeout = Math.max(budgetMs - 60_000, Math.floor(budgetMs / 2));
    const { code, text, timedOut } = await run(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--reporter=list,json', `--global-timeout=${globalTimeout}`], {
      capture: true,
      budgetMs,
      extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    });
    let p = 0;
    let f = 0;
    if (timedOut) {
      const last = text.trim().split('\n').filter((l) => /›/.test(l)).pop() ?? '(no test had reported yet)';
      problems.push(`TIMED OUT: the e2e run was stopped after ${seconds(budgetMs)}; last test line: ${last.trim()}`);
      f += 1;
    } else if (existsSync(report)) {
      const json = JSON.parse(readFileSync(report, 'utf8'));
      const stats = json.stats;
      p = stats.expected + stats.flaky;
      f = stats.unexpected;
      countSkips('e2e', stats.skipped, 0, skippedSpecs(json.suites ?? []));
      if (code !== 0 && f === 0) {
        problems.push(`NO VERDICT: Playwright exited with code ${code} but reported no failure (global timeout of ${seconds(globalTimeout)}?)`);
        f += 1;
      }
    } else {
      problems.push('NO VERDICT: Playwright wrote no JSON report');
      f += 1;
    }
    totals.passed += p;
    totals.failed += f;
    floorCheck('e2e', p + f, env('CERTBENCH_E2E_FLOOR', E2E_FLOOR), 'E2E_FLOOR');
  }
}

removeScratch();
if (keepScratch) notes.push(`Temporary files of this run were kept in ${scratch}`);
if (notes.length || problems.length) console.log('');
for (const n of notes) console.log(n);
for (const p of problems) console.log(p);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.todo} todo`);
process.exitCode = totals.failed > 0 ? 1 : 0;

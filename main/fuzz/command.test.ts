/** The built `npm run fuzz` command: runs for the time asked, prints its count, leaves no process behind. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT } from '../../test/helpers/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'certbench-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('npm run fuzz -- --seconds 3 tries inputs, reports them, and its children end with it', () => {
  const built = join(ROOT, 'dist/main/fuzz.js');
  assert.ok(existsSync(built), 'dist/main/fuzz.js is built before the unit tests');
  // A private copy of the bundle, so the process check below sees only this run's children.
  const bundle = join(dir, 'fuzz-under-test.js');
  copyFileSync(built, bundle);
  const out = join(dir, 'found');
  const run = spawnSync(process.execPath, [bundle, '--seconds', '3', '--seed', '11', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const tried = /fuzz: ([\d,]+) inputs tried in \d+ s \(seed 11\)/.exec(run.stdout);
  assert.ok(tried && Number(tried[1].replace(/,/g, '')) > 0, run.stdout + run.stderr);
  // Exit 1 only with reproducers to show for it (a loaded machine can make a big input late).
  if (run.status === 1) assert.ok(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.bin')), run.stdout);
  else assert.equal(run.status, 0, run.stdout + run.stderr);
  const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(bundle));
  assert.deepEqual(left, []);
});

test('a bad argument is a usage error, exit 2', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/main/fuzz.js'), '--seconds', 'forever'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: npm run fuzz -- --seconds N/);
});

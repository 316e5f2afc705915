// The README's test command: unit + interop (node --test) and e2e (Playwright in Debian Chromium),
// ending with one plain line "N passed, N failed" that counts every test of both runners.
//   --unit  only node --test      --e2e  only Playwright
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const runUnit = !args.has('--e2e');
const runE2e = !args.has('--unit');

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (/\.test\.ts$/.test(name)) out.push(relative(root, p));
  }
  return out;
}

function run(cmd, argv, { capture = false, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      if (capture) text += d;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

let passed = 0;
let failed = 0;
let crashed = false;

if (runUnit) {
  // The CLI tests run the bundled CLI as a process, as users do.
  if ((await run(process.execPath, [join(root, 'scripts/build.mjs'), '--main-only', '--quiet'])).code !== 0) crashed = true;
  const files = ['main', 'renderer', 'e2e', 'scripts', 'app', 'test'].filter((d) => existsSync(join(root, d))).flatMap((d) => findTests(join(root, d)));
  console.log(`\n== unit and interop: ${files.length} files (node --test) ==`);
  const { code, text } = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], { capture: true });
  const p = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? NaN);
  const f = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? NaN);
  if (Number.isNaN(p) || Number.isNaN(f)) crashed = true;
  else {
    passed += p;
    failed += f;
  }
  if (code !== 0 && f === 0) crashed = true;
}

if (runE2e) {
  console.log('\n== end to end (Playwright, Chromium) ==');
  const build = await run(process.execPath, [join(root, 'scripts/build.mjs')]);
  if (build.code !== 0) crashed = true;
  else {
    const report = join(root, 'test-results', 'e2e-report.json');
    rmSync(report, { force: true });
    const { code } = await run(process.execPath, [join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--reporter=list,json'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report } });
    if (existsSync(report)) {
      const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected;
      if (stats.skipped) {
        console.log(`${stats.skipped} e2e tests were skipped: that counts as a failure here.`);
        failed += stats.skipped;
      }
    } else crashed = true;
    if (code !== 0 && failed === 0) crashed = true;
  }
}

if (crashed) failed += 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

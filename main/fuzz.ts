/**
 * `npm run fuzz -- --seconds N [--seed S] [--out DIR]`: mutation fuzzing of the read entry point over the
 * fixtures and the peer corpus. Each input runs in a worker with a 2 s and 512 MB limit; anything but a
 * typed result within them is a failure, confirmed in a fresh worker and saved as a reproducer that
 * `npm test` replays. Exits 1 when anything failed. Prints how many inputs were tried.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { loadSeeds } from './fuzz/corpus';
import { nextInput } from './fuzz/inputs';
import { REGRESSION_DIR, saveReproducer } from './fuzz/regressions';
import { Rng } from './fuzz/rng';
import { FUZZ_LIMITS, FuzzRunner, isFailure, type Verdict } from './fuzz/runner';
import { CHILD_ENV } from './fuzz/child';

interface Options {
  seconds: number;
  seed: number;
  out: string;
}

function parseArgs(argv: string[], root: string): Options {
  const options: Options = { seconds: 60, seed: Date.now() % 0x1_0000_0000, out: join(root, REGRESSION_DIR) };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--seconds' && Number(value) > 0) options.seconds = Number(value);
    else if (argv[i] === '--seed' && /^\d+$/.test(value ?? '')) options.seed = Number(value) >>> 0;
    else if (argv[i] === '--out' && value) options.out = resolve(value);
    else {
      console.error(`fuzz: unknown or bad argument ${argv[i]}\nusage: npm run fuzz -- --seconds N [--seed S] [--out DIR]`);
      process.exit(2);
    }
    i++;
  }
  return options;
}

/** The checkout the command runs in (npm runs scripts from the package root). */
function projectRoot(): string {
  let dir = process.cwd();
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const options = parseArgs(process.argv.slice(2), root);
  const { seeds, passwords } = loadSeeds(root);
  if (seeds.length === 0) {
    console.error(`fuzz: no seed files under ${root} (test/fixtures, e2e/fixtures, ../shared/corpus); run it from the checkout.`);
    process.exit(2);
  }
  const rng = new Rng(options.seed);
  const donors = seeds.map((s) => s.bytes);
  const runner = new FuzzRunner();
  const confirmRunner = new FuzzRunner();
  console.log(`fuzz: ${seeds.length} seed files, ${passwords.length} passwords, seed ${options.seed}, ${options.seconds} s, limits ${FUZZ_LIMITS.timeMs} ms and ${FUZZ_LIMITS.memoryMb} MB per input`);

  const counts = new Map<string, number>();
  const saved: string[] = [];
  let unconfirmed = 0;
  let tried = 0;
  let slowest = 0;
  let slowestFrom = '';
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  let nextReport = started + 15_000;
  while (Date.now() < deadline) {
    const { from: seed, bytes, steps, password } = nextInput(seeds, passwords, donors, rng);
    const verdict = await runner.run(bytes, password);
    tried++;
    counts.set(verdict.kind, (counts.get(verdict.kind) ?? 0) + 1);
    if ((verdict.kind === 'ok' || verdict.kind === 'typed') && verdict.ms > slowest) {
      slowest = verdict.ms;
      slowestFrom = `${seed.name} (${steps.join(', ')}${password === undefined ? '' : ', with a password'}) -> ${verdict.kind === 'typed' ? verdict.code : 'ok'}`;
    }
    if (isFailure(verdict)) {
      // Confirm in a fresh worker: a loaded machine can make one input late without any bug.
      await confirmRunner.restart();
      const again = await confirmRunner.run(bytes, password);
      if (isFailure(again)) {
        const file = saveReproducer(options.out, bytes, password, verdict, { seed: options.seed, from: seed.name, steps });
        saved.push(file);
        console.log(`fuzz: FAILURE ${describe(verdict)} from ${seed.name} (${steps.join(', ')}${password === undefined ? '' : ', with a password'}) -> ${join(options.out, file)}`);
      } else {
        unconfirmed++;
        console.log(`fuzz: ${verdict.kind} once, then ${again.kind} in a fresh child (${seed.name}; machine load?): not saved`);
      }
    }
    if (Date.now() >= nextReport) {
      console.log(`fuzz: ${tried.toLocaleString('en-US')} inputs, ${saved.length} failures so far`);
      nextReport += 15_000;
    }
  }
  await runner.close();
  await confirmRunner.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const breakdown = [...counts.entries()].sort().map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ');
  console.log(`fuzz: ${tried.toLocaleString('en-US')} inputs tried in ${seconds} s (seed ${options.seed}): ${breakdown}; slowest answer ${Math.round(slowest)} ms, from ${slowestFrom}`);
  if (unconfirmed > 0) console.log(`fuzz: ${unconfirmed} late or failed once but fine when run again (not counted)`);
  if (saved.length > 0) {
    console.log(`fuzz: ${saved.length} FAILURES, reproducers saved in ${options.out}`);
    process.exit(1);
  }
  console.log('fuzz: no failures');
}

function describe(v: Verdict): string {
  if (v.kind === 'untyped') return `untyped error in ${v.where}: ${v.message}${v.stack ? `\n${v.stack}` : ''}`;
  if (v.kind === 'memory' || v.kind === 'crash') return `${v.kind}: ${v.message}`;
  return `${v.kind} after ${v.ms} ms`;
}

// The same bundle runs as the fuzz child (child.ts starts itself there): only the parent fuzzes.
if (isMainThread && process.env[CHILD_ENV] !== '1') {
  main().catch((e) => {
    console.error(`fuzz: the harness itself failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(2);
  });
}

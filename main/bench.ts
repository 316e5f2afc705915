/**
 * `npm run bench`: Certbench against OpenSSL on the same work, in one run, with medians and ratios.
 *   - inspect a 10,000-certificate PEM bundle and the Mozilla root bundle: in process, and as a CLI process,
 *     against `openssl storeutl -noout -text -certs` (which decodes every certificate in full);
 *   - the shapes users really have (main/bench/shapes.ts): 10,000 renewals sharing two keys, 100,000
 *     certificates of concatenated fullchains, 20,000 copies of one key (against `storeutl -keys`), with the
 *     peak memory of both processes;
 *   - open a PFX at 2,048 and at 600,000 PBKDF2 iterations against `openssl pkcs12 -info -noout`,
 *     and how long the event loop stalls meanwhile (the UI must stay responsive).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbench } from './workbench';
import { makeShapes } from './bench/shapes';

const ROOT = join(__dirname, '..', '..');
const WORK = join(ROOT, '.bench');
const CLI = join(ROOT, 'dist', 'main', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Row {
  work: string;
  ours: number;
  openssl: number | null;
  note?: string;
}

const TIME = '/usr/bin/time';

/** Wall time and peak RSS (MB) of a whole process, through GNU time when it is there. */
function measureProcess(cmd: string, args: string[]): { ms: number; peakMb: number | null } {
  const withTime = existsSync(TIME);
  const t = performance.now();
  const r = withTime
    ? spawnSync(TIME, ['-f', '%M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString().slice(0, 300)}`);
  const kb = withTime ? Number(r.stderr.toString().trim().split('\n').pop()) : NaN;
  return { ms, peakMb: Number.isFinite(kb) ? kb / 1024 : null };
}

function measureMedian(cmd: string, args: string[], runs = RUNS): { ms: number; peakMb: number | null } {
  const all = Array.from({ length: runs }, () => measureProcess(cmd, args));
  const peaks = all.map((m) => m.peakMb).filter((m): m is number => m !== null);
  return { ms: median(all.map((m) => m.ms)), peakMb: peaks.length ? Math.max(...peaks) : null };
}

const mb = (m: number | null) => (m === null ? '?' : `${m.toFixed(0)} MB`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeProcess(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString().slice(0, 300)}`);
  return ms;
}

function timeProcessMedian(cmd: string, args: string[]): number {
  timeProcess(cmd, args); // warm the file cache
  return median(Array.from({ length: RUNS }, () => timeProcess(cmd, args)));
}

async function inProcess(path: string, password?: string): Promise<{ ms: number; maxStall: number; objects: number }> {
  const wb = createWorkbench();
  wb.grants.grant([path]);
  let last = performance.now();
  let maxStall = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    maxStall = Math.max(maxStall, t - last - 10);
    last = t;
  }, 10);
  const t = performance.now();
  const state = await wb.handlers['documents.openPaths']({ paths: [path], password });
  const ms = performance.now() - t;
  clearInterval(timer);
  const doc = state.documents[0];
  if (doc.status !== 'ready') throw new Error(`could not open ${path}: ${JSON.stringify(doc.error ?? doc.lock)}`);
  return { ms, maxStall, objects: doc.objects.length };
}

async function inProcessMedian(path: string, password?: string) {
  await inProcess(path, password);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await inProcess(path, password));
  return { ms: median(runs.map((r) => r.ms)), maxStall: Math.max(...runs.map((r) => r.maxStall)), objects: runs[0].objects };
}

function makeBundle(): string {
  const path = join(WORK, 'bundle-10000.pem');
  if (existsSync(path)) return path;
  const roots = readFileSync(join(ROOT, 'test/fixtures/corpus/certifi/cacert.pem'), 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
  let out = '';
  for (let i = 0; i < 10000; i++) out += roots[i % roots.length];
  writeFileSync(path, out);
  return path;
}

function makePfx(iterations: number): { path: string; password: string } {
  const password = 'bench-password';
  const path = join(WORK, `bench-${iterations}.pfx`);
  if (!existsSync(path)) {
    const key = join(WORK, 'bench.key');
    const cert = join(WORK, 'bench.crt');
    if (!existsSync(cert)) {
      const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=bench.example.test', '-days', '30'], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error('openssl req failed');
    }
    const r = spawnSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', path, '-passout', `pass:${password}`, '-iter', String(iterations)], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('openssl pkcs12 -export failed');
  }
  return { path, password };
}

function fmt(ms: number) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  if (!existsSync(CLI)) throw new Error('dist/main/cli.js is missing: run `npm run build` first');
  const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
  console.log(`Certbench bench: median of ${RUNS} runs each; ${hasOpenssl ? spawnSync('openssl', ['version']).stdout.toString().trim() : 'openssl not found'}; node ${process.version}\n`);
  const rows: Row[] = [];

  const bundles = [
    { name: '10,000-certificate PEM bundle', path: makeBundle() },
    { name: 'Mozilla root bundle (certifi)', path: join(ROOT, 'test/fixtures/corpus/certifi/cacert.pem') },
  ];
  for (const b of bundles) {
    const openssl = hasOpenssl ? timeProcessMedian('openssl', ['storeutl', '-noout', '-text', '-certs', b.path]) : null;
    const proc = timeProcessMedian(process.execPath, [CLI, 'inspect', b.path, '--json']);
    const inproc = await inProcessMedian(b.path);
    rows.push({ work: `${b.name}: CLI process, inspect --json`, ours: proc, openssl, note: 'vs openssl storeutl -noout -text -certs' });
    rows.push({ work: `${b.name}: in process (${inproc.objects} certs)`, ours: inproc.ms, openssl });
  }

  if (hasOpenssl) {
    const shapes = makeShapes(WORK);
    const shapeRuns = [
      { name: '10,000 renewals sharing 2 keys', path: shapes.sharedKeys, openssl: ['storeutl', '-noout', '-text', '-certs', shapes.sharedKeys], runs: RUNS },
      { name: '100,000 certs of fullchains', path: shapes.fullchains, openssl: ['storeutl', '-noout', '-text', '-certs', shapes.fullchains], runs: 3 },
      { name: '20,000 copies of one EC key', path: shapes.keyCopies, openssl: ['storeutl', '-noout', '-text', '-keys', shapes.keyCopies], runs: 3 },
    ];
    for (const shape of shapeRuns) {
      measureProcess('openssl', shape.openssl);
      const theirs = measureMedian('openssl', shape.openssl, shape.runs);
      const ours = measureMedian(process.execPath, [CLI, 'inspect', shape.path, '--json'], shape.runs);
      rows.push({ work: `${shape.name}: CLI process, inspect --json`, ours: ours.ms, openssl: theirs.ms, note: `peak RSS ${mb(ours.peakMb)} vs ${mb(theirs.peakMb)}; openssl ${shape.openssl.slice(0, 5).join(' ')}` });
    }
    const inproc = await inProcessMedian(shapes.sharedKeys);
    rows.push({ work: `10,000 renewals sharing 2 keys: in process (${inproc.objects} certs)`, ours: inproc.ms, openssl: null, note: `event loop max stall ${inproc.maxStall.toFixed(0)} ms` });

    for (const iterations of [2048, 600000]) {
      const pfx = makePfx(iterations);
      const openssl = timeProcessMedian('openssl', ['pkcs12', '-info', '-noout', '-in', pfx.path, '-passin', `pass:${pfx.password}`]);
      const proc = timeProcessMedian(process.execPath, [CLI, 'inspect', pfx.path, '--password', pfx.password, '--json']);
      const inproc = await inProcessMedian(pfx.path, pfx.password);
      rows.push({ work: `PFX ${iterations.toLocaleString('en')} iterations: CLI process`, ours: proc, openssl, note: 'vs openssl pkcs12 -info -noout' });
      rows.push({ work: `PFX ${iterations.toLocaleString('en')} iterations: in process`, ours: inproc.ms, openssl, note: `event loop max stall ${inproc.maxStall.toFixed(0)} ms` });
    }
  }

  const w = Math.max(...rows.map((r) => r.work.length));
  console.log(`${'work'.padEnd(w)}  ${'certbench'.padStart(10)}  ${'openssl'.padStart(10)}  ${'ratio'.padStart(6)}  note`);
  for (const r of rows) {
    const ratio = r.openssl ? (r.ours / r.openssl).toFixed(2) + 'x' : '-';
    console.log(`${r.work.padEnd(w)}  ${fmt(r.ours).padStart(10)}  ${(r.openssl ? fmt(r.openssl) : '-').padStart(10)}  ${ratio.padStart(6)}  ${r.note ?? ''}`);
  }
  console.log('\nratio = certbench / openssl (below 1.00x: Certbench is faster).');
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});

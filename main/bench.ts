/**
 * `npm run bench`: Certbench against OpenSSL on the same work, in one run, with medians and ratios.
 *   - inspect a 10,000-certificate PEM bundle and the Mozilla root bundle: in process, and as a CLI process,
 *     against `openssl storeutl -noout -text -certs` (which decodes every certificate in full);
 *   - open a PFX at 2,048 and at 600,000 iterations (PBKDF2 and MAC), and one with a 10,000,000-round SHA-1
 *     MAC, against `openssl pkcs12 -nodes -out /dev/null` (which decrypts the key too, as we must), and how
 *     long the event loop stalls meanwhile (the UI must stay responsive); and, without a password, the time
 *     to PASSWORD_REQUIRED on the 10,000,000-round file against OpenSSL trying the empty password.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbench } from './workbench';

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

const GNU_TIME = '/usr/bin/time';

/**
 * Times a process that must exit with `status` (OpenSSL fails on a wrong or missing password): median wall
 * time, and median CPU time (user + system, via GNU time when present) which a loaded machine distorts less.
 */
function timeProcessStatus(cmd: string, args: string[], status: number): { ms: number; cpuMs: number | null } {
  const timed = existsSync(GNU_TIME);
  const run = () => {
    const t = performance.now();
    const r = timed
      ? spawnSync(GNU_TIME, ['-f', 'cpu %U %S', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t;
    const stderr = r.stderr?.toString() ?? '';
    if (r.status !== status) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}, expected ${status}: ${stderr.slice(0, 300)}`);
    const cpu = /^cpu ([\d.]+) ([\d.]+)$/m.exec(stderr);
    return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
  };
  run();
  const runs = Array.from({ length: RUNS }, run);
  const cpus = runs.map((r) => r.cpuMs).filter((c): c is number => c !== null);
  return { ms: median(runs.map((r) => r.ms)), cpuMs: cpus.length ? median(cpus) : null };
}

const cpuNote = (ours: { cpuMs: number | null }, openssl: { cpuMs: number | null }) =>
  ours.cpuMs !== null && openssl.cpuMs ? `; CPU ${fmt(ours.cpuMs)} vs ${fmt(openssl.cpuMs)} (${(ours.cpuMs / openssl.cpuMs).toFixed(2)}x)` : '';

/** Opens a PFX in process and checks it ends `ready` (password given) or `locked` (none given). */
async function pfxInProcess(path: string, password: string | undefined, expect: 'ready' | 'locked') {
  const runs = [];
  for (let i = 0; i <= RUNS; i++) {
    const wb = createWorkbench();
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
    if (doc.status !== expect) throw new Error(`${path}: ${doc.status}, expected ${expect}: ${JSON.stringify(doc.error ?? doc.lock)}`);
    if (i > 0) runs.push({ ms, maxStall, lock: doc.lock?.message }); // the first run warms up
  }
  return { ms: median(runs.map((r) => r.ms)), maxStall: Math.max(...runs.map((r) => r.maxStall)), lock: runs[0].lock };
}

async function pfxRows(): Promise<Row[]> {
  const rows: Row[] = [];
  const slowSha1 = { path: join(ROOT, 'test/fixtures/pkcs12-iterations/mac-sha1-10m.pfx'), password: 'slow-pfx' };
  const files = [
    { name: 'PFX 2,048 iterations', ...makePfx(2048) },
    { name: 'PFX 600,000 iterations (PBKDF2 and MAC)', ...makePfx(600000) },
    { name: 'PFX 10,000,000-round SHA-1 MAC', ...slowSha1 },
  ];
  const vs = 'vs openssl pkcs12 -nodes -out /dev/null';
  for (const f of files) {
    const openssl = timeProcessStatus('openssl', ['pkcs12', '-in', f.path, '-nodes', '-out', '/dev/null', '-passin', `pass:${f.password}`], 0);
    const proc = timeProcessStatus(process.execPath, [CLI, 'inspect', f.path, '--password', f.password, '--json'], 0);
    const inproc = await pfxInProcess(f.path, f.password, 'ready');
    rows.push({ work: `${f.name}: CLI process`, ours: proc.ms, openssl: openssl.ms, note: vs + cpuNote(proc, openssl) });
    rows.push({ work: `${f.name}: in process`, ours: inproc.ms, openssl: openssl.ms, note: `event loop max stall ${inproc.maxStall.toFixed(0)} ms` });
  }
  // No password: OpenSSL tries the empty password (the whole 10M-round MAC, more than once) before failing.
  const openssl = timeProcessStatus('openssl', ['pkcs12', '-in', slowSha1.path, '-nodes', '-out', '/dev/null', '-passin', 'pass:'], 1);
  const proc = timeProcessStatus(process.execPath, [CLI, 'inspect', slowSha1.path, '--json'], 2);
  const inproc = await pfxInProcess(slowSha1.path, undefined, 'locked');
  rows.push({ work: 'PFX 10,000,000-round SHA-1 MAC, no password: CLI process', ours: proc.ms, openssl: openssl.ms, note: 'time to PASSWORD_REQUIRED vs openssl -passin pass:' + cpuNote(proc, openssl) });
  rows.push({ work: 'PFX 10,000,000-round SHA-1 MAC, no password: in process', ours: inproc.ms, openssl: openssl.ms, note: inproc.lock ?? '' });
  return rows;
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

  if (hasOpenssl) rows.push(...(await pfxRows()));

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

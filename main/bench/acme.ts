/**
 * ACME row (issue 15): one certificate for 3 names over HTTP-01 from a local pebble (started as the tests start
 * it: test/helpers/pebble.ts), as a whole process: `certbench acme issue` (serving HTTP-01 itself) against certbot
 * `certonly --standalone` (Debian's certbot; REQUESTS_CA_BUNDLE trusts pebble's TLS certificate; its config, work
 * and log folders in a temp folder; a new key each run, --force-renewal so every run orders). Both register their
 * account on the first (warm-up) run and reuse it after, both write a new P-256 key and the certbot set. The two
 * tools alternate run by run, so a busy moment of the machine hits both. Without certbot the row says so and
 * shows our time alone. The runs are awaited, not spawnSync'd: pebble logs into pipes this process must keep
 * draining (a blocked event loop filled them and pebble stalled mid-order).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPebble } from '../../test/helpers/pebble';
import { cpuNote, mb, median, RUNS, type Measured, type Row } from './measure';

const NAMES = ['www.bench.test', 'bench.test', 'api.bench.test'];

export async function acmeRows(cli: string): Promise<Row[]> {
  const pebble = await startPebble();
  const dir = mkdtempSync(join(tmpdir(), 'bench-acme-'));
  const saved = { data: process.env.CERTBENCH_DATA_DIR, bundle: process.env.REQUESTS_CA_BUNDLE };
  // The measured processes inherit these: our orders in a scratch data folder, certbot trusting pebble's TLS.
  process.env.CERTBENCH_DATA_DIR = join(dir, 'certbench-data');
  process.env.REQUESTS_CA_BUNDLE = pebble.caFile;
  try {
    const port = String(pebble.httpPort);
    const ours = [cli, 'acme', 'issue', '--directory', pebble.directoryUrl, '--ca-file', pebble.caFile, '--agree-tos', '--http-port', port, '--http-address', '127.0.0.1', ...NAMES.flatMap((n) => ['--domain', n]), '--key', 'ec:P-256', '--out-dir', join(dir, 'certbench-out'), '--force'];
    const certbot = hasCertbot()
      ? ['certonly', '--standalone', '--http-01-port', port, '--http-01-address', '127.0.0.1', '--server', pebble.directoryUrl, '--config-dir', join(dir, 'certbot', 'config'), '--work-dir', join(dir, 'certbot', 'work'), '--logs-dir', join(dir, 'certbot', 'logs'), '--register-unsafely-without-email', '--agree-tos', '--non-interactive', '--key-type', 'ecdsa', '--elliptic-curve', 'secp256r1', '--cert-name', 'bench', '--force-renewal', ...NAMES.flatMap((n) => ['-d', n])]
      : null;
    await run(process.execPath, ours); // warm-up: registers the account, fills the code cache
    if (certbot) await run('certbot', certbot);
    const oursRuns: Sample[] = [];
    const theirs: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      oursRuns.push(await run(process.execPath, ours));
      if (certbot) theirs.push(await run('certbot', certbot));
    }
    if (!existsSync(join(dir, 'certbench-out', 'fullchain.pem'))) throw new Error('certbench acme issue wrote no fullchain.pem');
    const a = summarize(oursRuns);
    const work = `ACME: 1 certificate, 3 names over HTTP-01 from local pebble (CLI process)`;
    if (!certbot) return [{ work, ours: a.ms, openssl: null, note: `certbot is not installed (apt-get install certbot): our time alone; peak RSS ${mb(a.peakMb)}` }];
    const b = summarize(theirs);
    return [{ work, ours: a.ms, openssl: b.ms, note: `vs certbot ${certbotVersion()} certonly --standalone; ${cpuNote(a, b)}; peak RSS ${mb(a.peakMb)} vs ${mb(b.peakMb)}` }];
  } finally {
    restore('CERTBENCH_DATA_DIR', saved.data);
    restore('REQUESTS_CA_BUNDLE', saved.bundle);
    await pebble.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Sample {
  ms: number;
  cpuMs: number | null;
  peakMb: number | null;
}

const GNU_TIME = '/usr/bin/time';

/** One whole process (through GNU time for CPU and peak RSS when present) that must exit 0. */
async function run(cmd: string, args: string[]): Promise<Sample> {
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const child = timed ? spawn(GNU_TIME, ['-f', 'cbmeasure %U %S %M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const ms = performance.now() - started;
  if (status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${status}: ${stderr.slice(-500)}`);
  const m = /^cbmeasure ([\d.]+) ([\d.]+) (\d+)$/m.exec(stderr);
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null, peakMb: m ? Number(m[3]) / 1024 : null };
}

function summarize(runs: Sample[]): Measured {
  const cpus = runs.map((r) => r.cpuMs).filter((c): c is number => c !== null);
  const peaks = runs.map((r) => r.peakMb).filter((m): m is number => m !== null);
  return { ms: median(runs.map((r) => r.ms)), cpuMs: cpus.length ? median(cpus) : null, peakMb: peaks.length ? Math.max(...peaks) : null };
}

function hasCertbot(): boolean {
  return spawnSync('certbot', ['--version'], { stdio: 'ignore' }).status === 0;
}

function certbotVersion(): string {
  const r = spawnSync('certbot', ['--version']);
  return (r.stdout.toString() + r.stderr.toString()).replace(/^certbot\s*/, '').trim();
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

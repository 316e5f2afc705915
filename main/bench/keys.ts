/**
 * Key + CSR rows (issue 12: "RSA-4096 and P-384 key + CSR against `openssl req -newkey`, within 1.3x as whole
 * processes"): `certbench csr` with an encrypted key against `openssl req -new -newkey ... -passout`, the same
 * subject, SAN and key, as whole processes (wall, CPU and peak RSS through GNU time). RSA-4096 generation time
 * is random (the search for primes), so those rows take more runs, alternate the two tools run by run (so a
 * busy moment of the machine hits both), and print the spread.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, mb, median, RUNS, runOnce, type Row } from './measure';

const PASSWORD = 'bench-password';
const CN = 'bench.example';

interface Sample {
  ms: number;
  cpuMs: number | null;
  peakMb: number | null;
}

interface Summary {
  ms: number;
  cpuMs: number | null;
  peakMb: number | null;
  min: number;
  max: number;
}

function summarize(samples: Sample[]): Summary {
  const wall = samples.map((s) => s.ms);
  const cpus = samples.map((s) => s.cpuMs).filter((c): c is number => c !== null);
  const peaks = samples.map((s) => s.peakMb).filter((m): m is number => m !== null);
  return { ms: median(wall), cpuMs: cpus.length ? median(cpus) : null, peakMb: peaks.length ? Math.max(...peaks) : null, min: Math.min(...wall), max: Math.max(...wall) };
}

export async function keyRows(work: string, cli: string): Promise<Row[]> {
  const shapes = [
    { name: 'RSA-4096 key + CSR, encrypted key', ours: 'rsa:4096', openssl: ['-newkey', 'rsa:4096'], runs: Math.max(RUNS, 9) },
    { name: 'P-384 key + CSR, encrypted key', ours: 'ec:P-384', openssl: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], runs: Math.max(RUNS, 9) },
  ];
  const rows: Row[] = [];
  for (const shape of shapes) {
    const csr = join(work, 'bench-key.csr');
    const key = join(work, 'bench-key.key');
    const ours = [cli, 'csr', '--key', shape.ours, '--cn', CN, '--san', `DNS:${CN}`, '--out', csr, '--key-out', key, '--key-password', PASSWORD, '--force'];
    const theirs = ['req', '-new', ...shape.openssl, '-keyout', key, '-out', csr, '-subj', `/CN=${CN}`, '-addext', `subjectAltName=DNS:${CN}`, '-passout', `pass:${PASSWORD}`];
    const clean = () => {
      rmSync(csr, { force: true });
      rmSync(key, { force: true });
    };
    // One warm-up each (page cache, the first Node start), then the runs alternating.
    runOnce(process.execPath, ours, 0);
    runOnce('openssl', theirs, 0);
    const a: Sample[] = [];
    const b: Sample[] = [];
    for (let i = 0; i < shape.runs; i++) {
      clean();
      a.push(runOnce(process.execPath, ours, 0));
      clean();
      b.push(runOnce('openssl', theirs, 0));
    }
    clean();
    const o = summarize(a);
    const t = summarize(b);
    // GNU time counts CPU in 10 ms steps: openssl's P-384 request often reads as 0.
    const cpu = o.cpuMs === null || t.cpuMs === null ? 'CPU not measured' : t.cpuMs > 0 ? `CPU ${fmt(o.cpuMs)} vs ${fmt(t.cpuMs)} (${(o.cpuMs / t.cpuMs).toFixed(2)}x)` : `CPU ${fmt(o.cpuMs)} vs under 10 ms`;
    rows.push({
      work: `${shape.name}: CLI process (${shape.runs} runs)`,
      ours: o.ms,
      openssl: t.ms,
      note: `vs openssl req -new ${shape.openssl.join(' ')} -passout; spread ${fmt(o.min)}-${fmt(o.max)} vs ${fmt(t.min)}-${fmt(t.max)}; ${cpu}; peak RSS ${mb(o.peakMb)} vs ${mb(t.peakMb)}`,
    });
  }
  return rows;
}

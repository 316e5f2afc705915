/** How the bench measures: whole processes (wall, CPU and peak memory through GNU time) and in-process opens. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createWorkbench } from '../workbench';

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GNU_TIME = '/usr/bin/time';

export interface Row {
  work: string;
  ours: number;
  openssl: number | null;
  note?: string;
}

export interface Measured {
  /** Median wall time. */
  ms: number;
  /** Median user + system CPU time, which a loaded machine distorts less; null without GNU time. */
  cpuMs: number | null;
  /** The largest peak RSS of the runs, in MB; null without GNU time. */
  peakMb: number | null;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function runOnce(cmd: string, args: string[], status: number, env?: NodeJS.ProcessEnv): { ms: number; cpuMs: number | null; peakMb: number | null } {
  const timed = existsSync(GNU_TIME);
  const t = performance.now();
  const r = timed
    ? spawnSync(GNU_TIME, ['-f', 'cbmeasure %U %S %M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, env })
    : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26, env });
  const ms = performance.now() - t;
  const stderr = r.stderr?.toString() ?? '';
  if (r.status !== status) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}, expected ${status}: ${stderr.slice(0, 300)}`);
  const m = /^cbmeasure ([\d.]+) ([\d.]+) (\d+)$/m.exec(stderr);
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null, peakMb: m ? Number(m[3]) / 1024 : null };
}

/** A process that must exit with `status` (OpenSSL fails on a missing password), after one warm-up run. */
export function measureProcess(cmd: string, args: string[], { status = 0, runs = RUNS, env }: { status?: number; runs?: number; env?: NodeJS.ProcessEnv } = {}): Measured {
  runOnce(cmd, args, status, env);
  const all = Array.from({ length: runs }, () => runOnce(cmd, args, status, env));
  const cpus = all.map((r) => r.cpuMs).filter((c): c is number => c !== null);
  const peaks = all.map((r) => r.peakMb).filter((m): m is number => m !== null);
  return { ms: median(all.map((r) => r.ms)), cpuMs: cpus.length ? median(cpus) : null, peakMb: peaks.length ? Math.max(...peaks) : null };
}

/** Opens a file in a fresh workbench (as the app does) and checks its status; the longest event-loop stall too. */
export async function measureInProcess(path: string, { password, expect = 'ready', runs = RUNS }: { password?: string; expect?: 'ready' | 'locked'; runs?: number } = {}) {
  const all = [];
  for (let i = 0; i <= runs; i++) {
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
    if (doc.status !== expect) throw new Error(`${path}: ${doc.status}, expected ${expect}: ${JSON.stringify(doc.error ?? doc.lock)}`);
    if (i > 0) all.push({ ms, maxStall, objects: doc.objects.length, lock: doc.lock?.message }); // the first run warms up
  }
  return { ms: median(all.map((r) => r.ms)), maxStall: Math.max(...all.map((r) => r.maxStall)), objects: all[0].objects, lock: all[0].lock };
}

export function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export const mb = (m: number | null) => (m === null ? '?' : `${m.toFixed(0)} MB`);

export const cpuNote = (ours: Measured, openssl: Measured) =>
  ours.cpuMs !== null && openssl.cpuMs ? `CPU ${fmt(ours.cpuMs)} vs ${fmt(openssl.cpuMs)} (${(ours.cpuMs / openssl.cpuMs).toFixed(2)}x)` : '';

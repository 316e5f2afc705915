/**
 * Export rows: writing a PFX from a key and its chain at both profiles, against `openssl pkcs12 -export`
 * (and `-legacy`); and a 10,000-certificate bundle written as a certificates-only PFX truststore (java
 * profile, trusted bags marked), against `openssl pkcs12 -export -nokeys`. Whole processes both sides.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkbench } from '../workbench';
import { produceFiles } from '../workbench/convert-output';
import { planConversion } from '../workbench/convert-plan';
import { cpuNote, mb, measureProcess, median, RUNS, type Row } from './measure';

/** The same export in process, as the Convert page runs it: open the three files, plan, write the PFX bytes. */
async function exportInProcess(paths: string[], profile: 'modern' | 'legacy'): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const wb = createWorkbench();
    wb.grants.grant(paths);
    const t = performance.now();
    const state = await wb.handlers['documents.openPaths']({ paths });
    const plan = planConversion(wb.session.collect({ documentIds: state.documents.map((d) => d.id) }), 'pfx', { profile, alias: 'shop' });
    await produceFiles(plan, { password: 'bench-pass', profile });
    if (i > 0) times.push(performance.now() - t); // the first run warms up
  }
  return median(times);
}

export async function exportRows(root: string, work: string, cli: string, bundle: string): Promise<Row[]> {
  const out = join(work, 'export');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const key = join(root, 'e2e/fixtures/server.key');
  const cert = join(root, 'e2e/fixtures/server.pem');
  const ca = join(root, 'e2e/fixtures/root.pem');
  const rows: Row[] = [];
  for (const profile of ['modern', 'legacy'] as const) {
    const theirs = measureProcess('openssl', ['pkcs12', '-export', ...(profile === 'legacy' ? ['-legacy'] : []), '-inkey', key, '-in', cert, '-certfile', ca, '-name', 'shop', '-passout', 'pass:bench-pass', '-out', join(out, `openssl-${profile}.pfx`)]);
    const ours = measureProcess(process.execPath, [cli, 'convert', key, cert, ca, '--to', 'pfx', '--profile', profile, '--alias', 'shop', '--out', join(out, `ours-${profile}.pfx`), '--out-password', 'bench-pass', '--force']);
    rows.push({ work: `PFX export, ${profile} profile (RSA-2048 key, leaf + root): CLI process`, ours: ours.ms, openssl: theirs.ms, note: `vs openssl pkcs12 -export${profile === 'legacy' ? ' -legacy' : ''}; Node's start-up alone is ~60 ms; ${cpuNote(ours, theirs)}` });
    rows.push({ work: `PFX export, ${profile} profile: in process (open, plan, write)`, ours: await exportInProcess([key, cert, ca], profile), openssl: theirs.ms, note: 'as the Convert page does it' });
  }
  const runs = 3;
  const theirs = measureProcess('openssl', ['pkcs12', '-export', '-nokeys', '-in', bundle, '-passout', 'pass:bench-pass', '-out', join(out, 'openssl-truststore.pfx')], { runs });
  const ours = measureProcess(process.execPath, [cli, 'convert', bundle, '--to', 'pfx', '--profile', 'java', '--out', join(out, 'ours-truststore.pfx'), '--out-password', 'bench-pass', '--force'], { runs });
  rows.push({ work: '10,000-certificate bundle → PFX truststore: CLI process', ours: ours.ms, openssl: theirs.ms, note: `vs openssl pkcs12 -export -nokeys; peak RSS ${mb(ours.peakMb)} vs ${mb(theirs.peakMb)}; ${cpuNote(ours, theirs)}` });
  return rows;
}

/**
 * `npm run bench`: Certbench against OpenSSL on the same work, in one run, with medians and ratios.
 *   - inspect a 10,000-certificate PEM bundle and the Mozilla root bundle: in process, and as a CLI process,
 *     against `openssl storeutl -noout -text -certs` (which decodes every certificate in full);
 *   - the shapes users really have (bench/shapes.ts): 10,000 renewals sharing two keys, 100,000 certificates
 *     of concatenated fullchains, 20,000 copies of one key (against `storeutl -keys`), with the peak memory
 *     of both processes;
 *   - PFX files at high iteration counts, with and without the password (bench/pfx.ts);
 *   - writing: PFX export at both profiles and a 10,000-certificate truststore (bench/export.ts);
 *   - a 500-entry JKS converted from PKCS#12 and listed, against keytool (bench/jks.ts);
 *   - an RSA-4096 and a P-384 key + CSR with an encrypted key, against `openssl req -newkey` (bench/keys.ts);
 *   - 1,000 leaf certificates validated against the Mozilla roots + a test root, against `openssl verify` (bench/chain.ts);
 *   - expiry watch: a 10,000-file certificate tree and 100 local TLS endpoints scanned, against openssl loops (bench/expiry.ts);
 *   - ACME: one certificate for 3 names over HTTP-01 from a local pebble, against certbot (bench/acme.ts).
 * BENCH_RUNS sets the runs per row (default 5); BENCH_ONLY=bundles|shapes|pfx|export|jks|keys|chain|expiry|acme runs one part.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuNote, fmt, mb, measureInProcess, measureProcess, RUNS, type Row } from './bench/measure';
import { acmeRows } from './bench/acme';
import { exportRows } from './bench/export';
import { chainRows } from './bench/chain';
import { expiryRows } from './bench/expiry';
import { benchJks } from './bench/jks';
import { keyRows } from './bench/keys';
import { pfxRows } from './bench/pfx';
import { nodeStartNote } from './bench/node-start';
import { makeShapes } from './bench/shapes';

const ROOT = join(__dirname, '..', '..');
const WORK = join(ROOT, '.bench');
const CLI = join(ROOT, 'dist', 'main', 'cli.js');
const ONLY = process.env.BENCH_ONLY;

function makeBundle(): string {
  const path = join(WORK, 'bundle-10000.pem');
  if (existsSync(path)) return path;
  const roots = readFileSync(join(ROOT, 'test/fixtures/corpus/certifi/cacert.pem'), 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
  let out = '';
  for (let i = 0; i < 10000; i++) out += roots[i % roots.length];
  writeFileSync(path, out);
  return path;
}

async function bundleRows(): Promise<Row[]> {
  const rows: Row[] = [];
  const bundles = [
    { name: '10,000-certificate PEM bundle', path: makeBundle() },
    { name: 'Mozilla root bundle (certifi)', path: join(ROOT, 'test/fixtures/corpus/certifi/cacert.pem') },
  ];
  for (const b of bundles) {
    const openssl = measureProcess('openssl', ['storeutl', '-noout', '-text', '-certs', b.path]);
    const proc = measureProcess(process.execPath, [CLI, 'inspect', b.path, '--json']);
    const inproc = await measureInProcess(b.path);
    rows.push({ work: `${b.name}: CLI process, inspect --json`, ours: proc.ms, openssl: openssl.ms, note: `vs openssl storeutl -noout -text -certs; peak RSS ${mb(proc.peakMb)} vs ${mb(openssl.peakMb)}` });
    rows.push({ work: `${b.name}: in process (${inproc.objects} certs)`, ours: inproc.ms, openssl: openssl.ms, note: `event loop max stall ${inproc.maxStall.toFixed(0)} ms` });
  }
  return rows;
}

async function shapeRows(): Promise<Row[]> {
  const rows: Row[] = [];
  const shapes = makeShapes(WORK);
  const runs = [
    { name: '10,000 renewals sharing 2 keys', path: shapes.sharedKeys, openssl: ['storeutl', '-noout', '-text', '-certs', shapes.sharedKeys], runs: RUNS },
    { name: '100,000 certs of fullchains', path: shapes.fullchains, openssl: ['storeutl', '-noout', '-text', '-certs', shapes.fullchains], runs: Math.min(RUNS, 3) },
    { name: '20,000 copies of one EC key', path: shapes.keyCopies, openssl: ['storeutl', '-noout', '-text', '-keys', shapes.keyCopies], runs: Math.min(RUNS, 3) },
  ];
  for (const shape of runs) {
    const theirs = measureProcess('openssl', shape.openssl, { runs: shape.runs });
    const ours = measureProcess(process.execPath, [CLI, 'inspect', shape.path, '--json'], { runs: shape.runs });
    rows.push({ work: `${shape.name}: CLI process, inspect --json`, ours: ours.ms, openssl: theirs.ms, note: `peak RSS ${mb(ours.peakMb)} vs ${mb(theirs.peakMb)}; ${cpuNote(ours, theirs)}; vs openssl ${shape.openssl.slice(0, 5).join(' ')}` });
  }
  const inproc = await measureInProcess(shapes.sharedKeys, { runs: Math.min(RUNS, 3) });
  rows.push({ work: `10,000 renewals sharing 2 keys: in process (${inproc.objects} certs)`, ours: inproc.ms, openssl: null, note: `event loop max stall ${inproc.maxStall.toFixed(0)} ms` });
  return rows;
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  if (!existsSync(CLI)) throw new Error('dist/main/cli.js is missing: run `npm run build` first');
  const version = spawnSync('openssl', ['version']);
  if (version.status !== 0) throw new Error('openssl is needed: the bench compares with it');
  console.log(`Certbench bench: median of ${RUNS} runs each; ${version.stdout.toString().trim()}; node ${process.version}`);
  console.log(`${nodeStartNote()}\n`);
  const rows: Row[] = [];
  if (!ONLY || ONLY === 'bundles') rows.push(...(await bundleRows()));
  if (!ONLY || ONLY === 'shapes') rows.push(...(await shapeRows()));
  if (!ONLY || ONLY === 'pfx') rows.push(...(await pfxRows(ROOT, WORK, CLI)));
  if (!ONLY || ONLY === 'export') rows.push(...(await exportRows(ROOT, WORK, CLI, makeBundle())));
  if (!ONLY || ONLY === 'jks') rows.push(...(await benchJks(WORK, CLI, join(ROOT, 'test/fixtures/corpus/certifi/cacert.pem'))));
  if (!ONLY || ONLY === 'keys') rows.push(...(await keyRows(WORK, CLI)));
  if (!ONLY || ONLY === 'chain') rows.push(...(await chainRows(WORK, CLI)));
  if (!ONLY || ONLY === 'expiry') rows.push(...(await expiryRows(WORK, CLI)));
  if (!ONLY || ONLY === 'acme') rows.push(...(await acmeRows(CLI)));

  const w = Math.max(...rows.map((r) => r.work.length));
  console.log(`${'work'.padEnd(w)}  ${'certbench'.padStart(10)}  ${'peer'.padStart(10)}  ${'ratio'.padStart(6)}  note (the peer is openssl unless the note names keytool or certbot)`);
  for (const r of rows) {
    const ratio = r.openssl ? (r.ours / r.openssl).toFixed(2) + 'x' : '-';
    console.log(`${r.work.padEnd(w)}  ${fmt(r.ours).padStart(10)}  ${(r.openssl ? fmt(r.openssl) : '-').padStart(10)}  ${ratio.padStart(6)}  ${r.note ?? ''}`);
  }
  console.log('\nratio = certbench / peer (below 1.00x: Certbench is faster).');
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});

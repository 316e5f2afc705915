/**
 * JKS rows (issue 11: "JKS work at least 3x faster than keytool as whole processes"), on a keystore of 500
 * key pairs (EC P-256, each with its own self-signed certificate from openssl), cached in .bench/:
 *   (a) PKCS#12 → JKS: `keytool -importkeystore` against `certbench convert --to jks`;
 *   (b) listing a 500-entry JKS: `keytool -list -v` against `certbench inspect --json` with the password;
 *   (c) that JKS into a PKCS#12 and into a new JKS (`keytool -importkeystore`);
 *   (d) the other shape Java users carry: a truststore of the Mozilla roots (certifi's bundle, one trusted entry
 *       each, as Java's cacerts), listed and moved into a PKCS#12;
 * each as whole processes (medians, CPU and peak memory through GNU time), and the same work in process.
 * The output keystore is deleted before every run of either tool, so neither pays for merging into it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJavaKeystore } from '../pki/formats/jks';
import { writeJavaKeystore } from '../pki/formats/jks-write';
import type { KeyPairEntry, KeystoreModel } from '../pki/formats/keystore-model';
import { parsePemBlocks } from '../pki/formats/pem-blocks';
import { writePkcs12 } from '../pki/formats/pkcs12-write';
import { readBytes } from '../pki/read';
import { cpuNote, fmt, measureProcess, median, RUNS, type Row } from './measure';

const ENTRIES = 500;
const PASSWORD = 'bench-password';

interface JksBenchFiles {
  p12: string;
  jks: string;
}

function makeKeyPair(work: string, i: number): KeyPairEntry {
  const key = join(work, 'jks-entry.key');
  const cert = join(work, 'jks-entry.crt');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', `/CN=entry-${i}.bench.test`, '-days', '365'];
  if (spawnSync('openssl', args, { stdio: 'ignore' }).status !== 0) throw new Error('openssl req failed');
  const [pkcs8] = parsePemBlocks(readFileSync(key, 'latin1'));
  const [certificate] = parsePemBlocks(readFileSync(cert, 'latin1'));
  return { type: 'privateKey', alias: `entry-${i}`, pkcs8: pkcs8.der, chain: [certificate.der] };
}

/** The 500-entry PKCS#12 (modern profile, as openssl 3 exports) and JKS, made once. */
async function makeFiles(work: string): Promise<JksBenchFiles> {
  const files = { p12: join(work, `jks-${ENTRIES}.p12`), jks: join(work, `jks-${ENTRIES}.jks`) };
  if (existsSync(files.p12) && existsSync(files.jks)) return files;
  const model: KeystoreModel = { entries: Array.from({ length: ENTRIES }, (_, i) => makeKeyPair(work, i)) };
  writeFileSync(files.p12, await writePkcs12(model, { password: PASSWORD, profile: 'modern' }));
  writeFileSync(files.jks, await writeJavaKeystore(model, { kind: 'jks', storePassword: PASSWORD }));
  return files;
}

/** A truststore of every root in certifi's bundle (Mozilla's list), aliased as keytool -importcert users do (root-N). */
async function makeTruststore(work: string, bundle: string): Promise<{ path: string; count: number }> {
  const path = join(work, 'truststore-certifi.jks');
  const roots = parsePemBlocks(readFileSync(bundle, 'latin1')).filter((b) => b.label === 'CERTIFICATE');
  if (!existsSync(path)) {
    const model: KeystoreModel = { entries: roots.map((b, i) => ({ type: 'trustedCert' as const, alias: `root-${i}`, der: b.der })) };
    writeFileSync(path, await writeJavaKeystore(model, { kind: 'jks', storePassword: PASSWORD }));
  }
  return { path, count: roots.length };
}

/** Runs `cmd args` with `out` deleted first (keytool would otherwise merge into the previous run's file). */
const fresh = (out: string, cmd: string, args: string[]): [string, string[]] => ['sh', ['-c', 'rm -f "$0" && exec "$@"', out, cmd, ...args]];

/** PKCS#12 → JKS in process: read with the password, key pairs by alias, written as JKS. */
async function convertInProcess(p12: string): Promise<number> {
  const t = performance.now();
  const read = await readBytes(new Uint8Array(readFileSync(p12)), { password: PASSWORD });
  const certs = new Map<string, Uint8Array>();
  for (const o of read.objects) if (o.kind === 'certificate' && o.alias) certs.set(o.alias, o.der);
  const entries: KeyPairEntry[] = [];
  for (const o of read.objects) {
    if (o.kind === 'privateKey' && o.alias) entries.push({ type: 'privateKey', alias: o.alias, pkcs8: o.pkcs8, chain: [certs.get(o.alias)!] });
  }
  if (entries.length !== ENTRIES) throw new Error(`read ${entries.length} key pairs from the PKCS#12, expected ${ENTRIES}`);
  await writeJavaKeystore({ entries }, { kind: 'jks', storePassword: PASSWORD });
  return performance.now() - t;
}

async function inProcess(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Whether this CLI has `convert` yet (the lead builds it). */
function cliHasConvert(cli: string): boolean {
  const r = spawnSync(process.execPath, [cli, 'convert', '--help'], { encoding: 'utf8' });
  return !/Unknown command "convert"/.test(`${r.stdout}${r.stderr}`);
}

export async function benchJks(work: string, cli: string, certifiBundle: string): Promise<Row[]> {
  const rows: Row[] = [];
  const { p12, jks } = await makeFiles(work);
  const out = join(work, 'jks-out.jks');
  const keytool = ['-J-Duser.language=en'];

  const importArgs = [...keytool, '-importkeystore', '-noprompt', '-srckeystore', p12, '-srcstoretype', 'PKCS12', '-srcstorepass', PASSWORD,
    '-destkeystore', out, '-deststoretype', 'JKS', '-deststorepass', PASSWORD];
  const theirs = measureProcess(...fresh(out, 'keytool', importArgs));
  const convertIn = await inProcess(() => convertInProcess(p12));
  if (cliHasConvert(cli)) {
    const convertArgs = [cli, 'convert', p12, '--to', 'jks', '--out', out, '--password', PASSWORD, '--out-password', PASSWORD, '--force'];
    const ours = measureProcess(...fresh(out, process.execPath, convertArgs));
    const check = await readJavaKeystore(new Uint8Array(readFileSync(out)), { password: PASSWORD });
    const keys = check.objects.filter((o) => o.kind === 'privateKey').length;
    rows.push({ work: `${ENTRIES}-entry PKCS#12 → JKS: CLI process, convert --to jks`, ours: ours.ms, openssl: theirs.ms, note: `vs keytool -importkeystore; ${cpuNote(ours, theirs)}; ${keys} keys written` });
  } else {
    console.log(`${ENTRIES}-entry PKCS#12 → JKS as a CLI process: not measured, this CLI has no convert command yet (keytool: ${fmt(theirs.ms)}).`);
  }
  rows.push({ work: `${ENTRIES}-entry PKCS#12 → JKS: in process (read, write)`, ours: convertIn, openssl: theirs.ms, note: 'vs keytool -importkeystore as a process' });

  const listTheirs = measureProcess('keytool', [...keytool, '-list', '-v', '-storetype', 'JKS', '-keystore', jks, '-storepass', PASSWORD]);
  const listOurs = measureProcess(process.execPath, [cli, 'inspect', jks, '--password', PASSWORD, '--json']);
  const bytes = new Uint8Array(readFileSync(jks));
  const listIn = await inProcess(() => readJavaKeystore(bytes, { password: PASSWORD }));
  rows.push({ work: `${ENTRIES}-entry JKS listed: CLI process, inspect --json`, ours: listOurs.ms, openssl: listTheirs.ms, note: `vs keytool -list -v; ${cpuNote(listOurs, listTheirs)}` });
  rows.push({ work: `${ENTRIES}-entry JKS read: in process`, ours: listIn, openssl: listTheirs.ms, note: 'vs keytool -list -v as a process' });

  // The other ways users move a JKS: into a PKCS#12 (what keytool itself recommends) and a copy into a new JKS.
  const outP12 = join(work, 'jks-out.p12');
  for (const [target, file, storeType] of [['pfx', outP12, 'PKCS12'], ['jks', out, 'JKS']] as const) {
    const theirsFrom = measureProcess(...fresh(file, 'keytool', [...keytool, '-importkeystore', '-noprompt', '-srckeystore', jks, '-srcstoretype', 'JKS', '-srcstorepass', PASSWORD,
      '-destkeystore', file, '-deststoretype', storeType, '-deststorepass', PASSWORD]));
    const oursFrom = measureProcess(...fresh(file, process.execPath, [cli, 'convert', jks, '--to', target, '--out', file, '--password', PASSWORD, '--out-password', PASSWORD, '--force']));
    const written = (await readBytes(new Uint8Array(readFileSync(file)), { password: PASSWORD })).objects.filter((o) => o.kind === 'privateKey').length;
    rows.push({ work: `${ENTRIES}-entry JKS → ${storeType}: CLI process, convert --to ${target}`, ours: oursFrom.ms, openssl: theirsFrom.ms, note: `vs keytool -importkeystore; ${cpuNote(oursFrom, theirsFrom)}; ${written} keys written` });
    if (target === 'jks' && process.env.NODE_EXTRA_CA_CERTS) {
      // The same run as on a machine without the variable (a desktop's usual state): keytool's time is the one above.
      const { NODE_EXTRA_CA_CERTS: _unset, ...env } = process.env;
      const plain = measureProcess(...fresh(file, process.execPath, [cli, 'convert', jks, '--to', target, '--out', file, '--password', PASSWORD, '--out-password', PASSWORD, '--force']), { env });
      rows.push({ work: `${ENTRIES}-entry JKS → JKS: the same, Node without NODE_EXTRA_CA_CERTS`, ours: plain.ms, openssl: theirsFrom.ms, note: `vs the keytool run above; ${cpuNote(plain, theirsFrom)}` });
    }
  }
  const trust = await makeTruststore(work, certifiBundle);
  const trustList = measureProcess('keytool', [...keytool, '-list', '-v', '-storetype', 'JKS', '-keystore', trust.path, '-storepass', PASSWORD]);
  const trustListOurs = measureProcess(process.execPath, [cli, 'inspect', trust.path, '--password', PASSWORD, '--json']);
  rows.push({ work: `${trust.count}-root truststore (JKS) listed: CLI process`, ours: trustListOurs.ms, openssl: trustList.ms, note: `vs keytool -list -v; ${cpuNote(trustListOurs, trustList)}` });
  const trustTheirs = measureProcess(...fresh(outP12, 'keytool', [...keytool, '-importkeystore', '-noprompt', '-srckeystore', trust.path, '-srcstoretype', 'JKS', '-srcstorepass', PASSWORD,
    '-destkeystore', outP12, '-deststoretype', 'PKCS12', '-deststorepass', PASSWORD]));
  const trustOurs = measureProcess(...fresh(outP12, process.execPath, [cli, 'convert', trust.path, '--to', 'pfx', '--profile', 'java', '--out', outP12, '--password', PASSWORD, '--out-password', PASSWORD, '--force']));
  const trustedWritten = (await readBytes(new Uint8Array(readFileSync(outP12)), { password: PASSWORD })).objects.filter((o) => o.kind === 'certificate').length;
  rows.push({ work: `${trust.count}-root truststore JKS → PKCS12: CLI process`, ours: trustOurs.ms, openssl: trustTheirs.ms, note: `vs keytool -importkeystore; ${cpuNote(trustOurs, trustTheirs)}; ${trustedWritten} certificates written (java profile)` });
  rmSync(outP12, { force: true });
  rmSync(out, { force: true });
  return rows;
}

/**
 * Chain rows (issue 13: "validate 1,000 leaf certificates against the Mozilla store, against openssl verify on
 * the same files"): 1,000 leaves under one test root and intermediate, made once by `openssl ca -infiles` into
 * .bench/chain/. Each leaf is validated against Node's Mozilla roots plus that root:
 *   (a) in process: the doctor (offline: no downloads, no revocation) on each leaf with the intermediate as an
 *       extra certificate, against one `openssl verify -CAfile root -untrusted inter leaf...` over all 1,000;
 *   (b) one leaf as a whole `certbench chain` process against one `openssl verify` process.
 * Both sides must call every leaf valid, or the row fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDoctor } from '../pki/chain/doctor';
import { parsePemBlocks } from '../pki/formats/pem-blocks';
import { nodeNetwork } from '../pki/net/node-network';
import { cpuNote, fmt, measureProcess, type Row } from './measure';

const LEAVES = 1000;
/** Leaves the in-process run warms up on: the validator remembers signatures it checked, so the measured leaves must be new to it. */
const WARM = 100;

const CA_CONFIG = `[ca]
default_ca = ca_default
[ca_default]
dir = .
database = ./index.txt
new_certs_dir = ./leaves
serial = ./serial
default_md = sha256
policy = policy_any
unique_subject = no
default_days = 365
x509_extensions = leaf_ext
[policy_any]
commonName = supplied
[leaf_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:shop.bench.test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

interface ChainBenchFiles {
  root: string;
  inter: string;
  leaves: string[];
  warm: string[];
}

function openssl(cwd: string, args: string[]): void {
  const r = spawnSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`openssl ${args.slice(0, 3).join(' ')} failed: ${r.stderr.toString().slice(0, 300)}`);
}

/** Root → intermediate → 1,000 leaves (ten keys in turn), one PEM file per leaf. */
function makeFiles(work: string): ChainBenchFiles {
  const dir = join(work, 'chain');
  const done = join(dir, 'done');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'leaves'), { recursive: true });
    writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(dir, ['req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=Bench Chain Root', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(dir, ['req', '-new', ...ec, '-keyout', 'inter.key', '-out', 'inter.csr', '-subj', '/CN=Bench Chain Intermediate']);
    openssl(dir, ['x509', '-req', '-in', 'inter.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', '2', '-days', '3000', '-extfile', 'ca.cnf', '-extensions', 'ca_ext', '-out', 'inter.pem']);
    for (let k = 0; k < 10; k++) openssl(dir, ['req', '-new', ...ec, '-keyout', `leaf${k}.key`, '-out', `leaf${k}.csr`, '-subj', `/CN=shop.bench.test`]);
    const csrs = Array.from({ length: LEAVES + WARM }, (_, i) => `leaf${i % 10}.csr`);
    openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-cert', 'inter.pem', '-keyfile', 'inter.key', '-notext', '-out', 'all.pem', '-infiles', ...csrs]);
    writeFileSync(done, '');
  }
  const all = readdirSync(join(dir, 'leaves')).filter((f) => f.endsWith('.pem')).sort().map((f) => join(dir, 'leaves', f));
  if (all.length !== LEAVES + WARM) throw new Error(`.bench/chain holds ${all.length} leaves, not ${LEAVES + WARM}: delete it and run again`);
  return { root: join(dir, 'root.pem'), inter: join(dir, 'inter.pem'), warm: all.slice(0, WARM), leaves: all.slice(WARM) };
}

const derOf = (path: string) => parsePemBlocks(readFileSync(path, 'latin1'))[0].der;

/** Every leaf through the doctor, offline; the wall and CPU time of the whole loop (CPU: a loaded machine distorts it less). */
async function validateAll(files: ChainBenchFiles, paths: string[]): Promise<{ ms: number; cpuMs: number }> {
  const trust = [derOf(files.root)];
  const untrusted = [derOf(files.inter)];
  const leaves = paths.map(derOf);
  const at = Date.now();
  const cpu = process.cpuUsage();
  const t = performance.now();
  let valid = 0;
  for (const leaf of leaves) {
    const r = await runDoctor({ input: [leaf], untrusted, trust, systemRoots: true, hostName: null, at, purpose: 'serverAuth', fetchMissing: false, revocation: 'none', net: nodeNetwork });
    if (r.valid) valid++;
  }
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (valid !== leaves.length) throw new Error(`the doctor called ${leaves.length - valid} of ${leaves.length} bench leaves invalid`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export async function chainRows(work: string, cli: string): Promise<Row[]> {
  const files = makeFiles(work);
  const verifyAll = ['verify', '-CAfile', files.root, '-untrusted', files.inter, ...files.leaves];
  const check = spawnSync('openssl', verifyAll, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const oks = (check.stdout.match(/: OK$/gm) ?? []).length;
  if (check.status !== 0 || oks !== LEAVES) throw new Error(`openssl verify called ${LEAVES - oks} of ${LEAVES} bench leaves invalid`);

  const theirs = measureProcess('openssl', verifyAll);
  // Warm-up on other leaves (the roots indexed, the code compiled), then one pass over leaves whose signatures
  // the validator has not seen; a second pass shows what its signature memory saves.
  await validateAll(files, files.warm);
  const inProcess = await validateAll(files, files.leaves);
  const repeat = await validateAll(files, files.leaves);

  const one = files.leaves[0];
  const oneOurs = measureProcess(process.execPath, [cli, 'chain', one, '--untrusted', files.inter, '--trust', files.root, '--json']);
  const oneTheirs = measureProcess('openssl', ['verify', '-CAfile', files.root, '-untrusted', files.inter, one]);
  return [
    {
      work: `${LEAVES.toLocaleString('en-US')} leaves against the Mozilla roots + a test root: in process`,
      ours: inProcess.ms,
      openssl: theirs.ms,
      note: `${(inProcess.ms / LEAVES).toFixed(2)} ms a leaf, every signature checked (again: ${fmt(repeat.ms)}, signatures remembered); CPU ${fmt(inProcess.cpuMs)} vs ${theirs.cpuMs === null ? '?' : fmt(theirs.cpuMs)}; vs one openssl verify -CAfile root -untrusted inter over the ${LEAVES} files`,
    },
    {
      work: 'one leaf: CLI process, chain --json',
      ours: oneOurs.ms,
      openssl: oneTheirs.ms,
      note: `vs openssl verify -CAfile root -untrusted inter leaf; ${cpuNote(oneOurs, oneTheirs) || (oneOurs.cpuMs !== null ? `CPU ${fmt(oneOurs.cpuMs)} vs under 10 ms` : 'CPU not measured')}; peak RSS ${oneOurs.peakMb?.toFixed(0) ?? '?'} MB vs ${oneTheirs.peakMb?.toFixed(0) ?? '?'} MB`,
    },
  ];
}

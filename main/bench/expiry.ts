/**
 * Expiry rows (issue 14: "scan a tree of 10,000 certificate files and 100 local TLS endpoints; throughput"):
 *   - a tree of 10,000 certificate files in 100 folders, half PEM and half DER, with notAfter spread from 100 days
 *     ago to 600 days ahead, made once into .bench/expiry/tree by our own certificate writer (one EC key signs
 *     them all: the reader never checks signatures); scanned in process (the watchlist's scanner, as the app's
 *     Scan button runs it) and as a `certbench expiry DIR --json` process;
 *   - 100 TLS endpoints: node tls servers on 127.0.0.1 in a child process (so a measured CLI process can reach
 *     them while the bench waits), each serving its own certificate; scanned in process and as one
 *     `certbench expiry host:port ... --json` process.
 * Peers: the naive shell loop, `openssl x509 -enddate -noout` once per file (measured on the first 1,000 files
 * and scaled to 10,000: the note says so), and `openssl s_client | openssl x509 -enddate` once per endpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WatchTargetDto } from '../api/dto';
import { DEFAULT_THRESHOLDS } from '../pki/expiry/status';
import { pemBlock } from '../pki/formats/pem-write';
import { generateKey } from '../pki/keys/generate';
import { nodeNetwork } from '../pki/net/node-network';
import { writeSelfSigned } from '../pki/x509/certificate-write';
import { scanTargets, targetFromInput } from '../workbench/expiry/scan';
import { fmt, measureProcess, median, RUNS, type Row } from './measure';

const FILES = 10_000;
const FOLDERS = 100;
const PEER_FILES = 1_000;
const ENDPOINTS = 100;
const DAY = 86_400_000;

const spec = (cn: string) => ({
  subject: [{ type: 'CN', value: cn }, { type: 'O', value: 'Certbench bench' }],
  san: [{ type: 'DNS' as const, value: cn }],
  cnAsSan: false,
  keyUsage: ['digitalSignature' as const],
  extendedKeyUsage: ['serverAuth'],
  signatureHash: 'sha256' as const,
});

/** A certificate for `cn` whose notAfter is `daysFromNow` days from `now` (valid for a year before that). */
function certificate(cn: string, pkcs8: Uint8Array, now: number, daysFromNow: number): Uint8Array {
  return writeSelfSigned(spec(cn), pkcs8, { days: 365, ca: false, now: new Date(now + (daysFromNow - 365) * DAY) });
}

interface Tree {
  root: string;
  files: string[];
}

async function makeTree(work: string): Promise<Tree> {
  const root = join(work, 'expiry', 'tree');
  const list = join(work, 'expiry', 'tree-files.txt');
  if (existsSync(list)) return { root, files: readFileSync(list, 'utf8').trim().split('\n') };
  const pkcs8 = await generateKey('ec:P-256');
  const now = Date.now();
  const files: string[] = [];
  for (let f = 0; f < FOLDERS; f++) mkdirSync(join(root, `site-${String(f).padStart(3, '0')}`), { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const cn = `host${i}.bench.test`;
    const der = certificate(cn, pkcs8, now, ((i * 37) % 700) - 100);
    const folder = join(root, `site-${String(i % FOLDERS).padStart(3, '0')}`);
    const path = i % 2 === 0 ? join(folder, `${cn}.pem`) : join(folder, `${cn}.der`);
    writeFileSync(path, i % 2 === 0 ? pemBlock('CERTIFICATE', der) : der);
    files.push(path);
  }
  writeFileSync(list, files.join('\n') + '\n');
  return { root, files };
}

/** The child process's code: one node tls server per certificate on 127.0.0.1, ports on stdout, gone when stdin closes. */
const SERVERS_SCRIPT = `
const tls = require('node:tls');
const fs = require('node:fs');
const dir = process.argv[2];
const key = fs.readFileSync(dir + '/key.pem');
const n = Number(process.argv[3]);
const servers = [];
let ready = 0;
const ports = new Array(n);
for (let i = 0; i < n; i++) {
  const server = tls.createServer({ key, cert: fs.readFileSync(dir + '/cert-' + i + '.pem') }, (s) => { s.on('error', () => {}); s.end(); });
  server.on('tlsClientError', () => {});
  server.listen(0, '127.0.0.1', () => {
    ports[i] = server.address().port;
    if (++ready === n) process.stdout.write(JSON.stringify(ports) + '\\n');
  });
  servers.push(server);
}
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

async function startEndpoints(work: string): Promise<{ ports: number[]; child: ChildProcess }> {
  const dir = join(work, 'expiry', 'endpoints');
  if (!existsSync(join(dir, `cert-${ENDPOINTS - 1}.pem`))) {
    mkdirSync(dir, { recursive: true });
    const pkcs8 = await generateKey('ec:P-256');
    writeFileSync(join(dir, 'key.pem'), pemBlock('PRIVATE KEY', pkcs8), { mode: 0o600 });
    const now = Date.now();
    for (let i = 0; i < ENDPOINTS; i++) writeFileSync(join(dir, `cert-${i}.pem`), pemBlock('CERTIFICATE', certificate(`endpoint${i}.bench.test`, pkcs8, now, 200 + i)));
  }
  writeFileSync(join(dir, 'servers.cjs'), SERVERS_SCRIPT);
  const child = spawn(process.execPath, [join(dir, 'servers.cjs'), dir, String(ENDPOINTS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ports = await new Promise<number[]>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]) as number[]);
    });
    child.once('exit', (code) => reject(new Error(`the endpoint servers exited (${code})`)));
  });
  return { ports, child };
}

/** The scanner in this process, as the app's Scan runs it; the longest event-loop stall too. */
async function scanInProcess(targets: WatchTargetDto[], expectRows: number, runs: number): Promise<{ ms: number; maxStall: number }> {
  const times: number[] = [];
  let maxStall = 0;
  for (let i = 0; i <= runs; i++) {
    let last = performance.now();
    let stall = 0;
    const timer = setInterval(() => {
      const t = performance.now();
      stall = Math.max(stall, t - last - 10);
      last = t;
    }, 10);
    const t = performance.now();
    const scan = await scanTargets(targets, { net: nodeNetwork, thresholds: DEFAULT_THRESHOLDS, now: new Date() });
    const ms = performance.now() - t;
    clearInterval(timer);
    const certs = scan.rows.filter((r) => r.status !== 'error').length;
    if (certs !== expectRows || scan.counts.error) throw new Error(`the scan found ${certs} certificates and ${scan.counts.error} errors, expected ${expectRows} and none: ${JSON.stringify(scan.rows.find((r) => r.error)?.error)}`);
    if (i > 0) {
      times.push(ms); // the first run warms up
      maxStall = Math.max(maxStall, stall);
    }
  }
  return { ms: median(times), maxStall };
}

const perSecond = (n: number, ms: number) => `${Math.round((n * 1000) / ms).toLocaleString('en-US')} certificates/s`;

export async function expiryRows(work: string, cli: string): Promise<Row[]> {
  const rows: Row[] = [];
  const runs = Math.min(RUNS, 3);
  const tree = await makeTree(work);

  const peerList = join(work, 'expiry', 'peer-files.txt');
  writeFileSync(peerList, tree.files.slice(0, PEER_FILES).join('\n') + '\n');
  const loop = `while read -r f; do case "$f" in *.der) openssl x509 -inform DER -enddate -noout -in "$f";; *) openssl x509 -enddate -noout -in "$f";; esac; done < "${peerList}" > /dev/null`;
  const peer = measureProcess('bash', ['-c', loop], { runs: 1 });
  const peerScaled = (peer.ms * FILES) / PEER_FILES;

  const folder = targetFromInput({ kind: 'folder', location: tree.root }, 'bench-tree', new Date());
  const inproc = await scanInProcess([folder], FILES, runs);
  rows.push({ work: `10,000 certificate files (PEM/DER, 100 folders): in process`, ours: inproc.ms, openssl: peerScaled, note: `${perSecond(FILES, inproc.ms)}; event loop max stall ${inproc.maxStall.toFixed(0)} ms; peer: shell loop of openssl x509 -enddate, ${fmt(peer.ms)} for 1,000 files, x10` });
  const proc = measureProcess(process.execPath, [cli, 'expiry', tree.root, '--json'], { status: 1, runs });
  rows.push({ work: `10,000 certificate files: CLI process, expiry DIR --json`, ours: proc.ms, openssl: peerScaled, note: `${perSecond(FILES, proc.ms)}; peak RSS ${proc.peakMb?.toFixed(0) ?? '?'} MB; exit 1 (some expired)` });

  const { ports, child } = await startEndpoints(work);
  try {
    const endpoints = ports.map((p, i) => targetFromInput({ kind: 'endpoint', location: `127.0.0.1:${p}` }, `bench-ep-${i}`, new Date()));
    const epIn = await scanInProcess(endpoints, ENDPOINTS, runs);
    const sclient = `for p in ${ports.join(' ')}; do openssl s_client -connect 127.0.0.1:$p < /dev/null 2>/dev/null | openssl x509 -noout -enddate; done > /dev/null`;
    const epPeer = measureProcess('bash', ['-c', sclient], { runs: 1 });
    rows.push({ work: `100 local TLS endpoints: in process (8 at a time)`, ours: epIn.ms, openssl: epPeer.ms, note: `${perSecond(ENDPOINTS, epIn.ms)}; peer: shell loop of openssl s_client | openssl x509 -enddate, one endpoint at a time` });
    const epProc = measureProcess(process.execPath, [cli, 'expiry', ...ports.map((p) => `127.0.0.1:${p}`), '--json'], { status: 0, runs });
    rows.push({ work: `100 local TLS endpoints: CLI process, expiry host:port... --json`, ours: epProc.ms, openssl: epPeer.ms, note: `${perSecond(ENDPOINTS, epProc.ms)}; peak RSS ${epProc.peakMb?.toFixed(0) ?? '?'} MB` });
  } finally {
    child.stdin!.end();
    child.kill();
  }
  return rows;
}

/**
 * PFX rows: 2,048 and 600,000 iterations (PBKDF2 and MAC) and a 10,000,000-round SHA-1 MAC, against
 * `openssl pkcs12 -nodes -out /dev/null` (which decrypts the key too, as we must); and, without a password,
 * the time to PASSWORD_REQUIRED against OpenSSL trying the empty password.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpuNote, measureInProcess, measureProcess, type Row } from './measure';

function makePfx(work: string, iterations: number): { path: string; password: string } {
  const password = 'bench-password';
  const path = join(work, `bench-${iterations}.pfx`);
  if (!existsSync(path)) {
    const key = join(work, 'bench.key');
    const cert = join(work, 'bench.crt');
    if (!existsSync(cert)) {
      const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=bench.example.test', '-days', '30'], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error('openssl req failed');
    }
    const r = spawnSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', path, '-passout', `pass:${password}`, '-iter', String(iterations)], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('openssl pkcs12 -export failed');
  }
  return { path, password };
}

export async function pfxRows(root: string, work: string, cli: string): Promise<Row[]> {
  const rows: Row[] = [];
  const slowSha1 = { path: join(root, 'test/fixtures/pkcs12-iterations/mac-sha1-10m.pfx'), password: 'slow-pfx' };
  const files = [
    { name: 'PFX 2,048 iterations', ...makePfx(work, 2048) },
    { name: 'PFX 600,000 iterations (PBKDF2 and MAC)', ...makePfx(work, 600000) },
    { name: 'PFX 10,000,000-round SHA-1 MAC', ...slowSha1 },
  ];
  const vs = 'vs openssl pkcs12 -nodes -out /dev/null; ';
  for (const f of files) {
    const openssl = measureProcess('openssl', ['pkcs12', '-in', f.path, '-nodes', '-out', '/dev/null', '-passin', `pass:${f.password}`]);
    const proc = measureProcess(process.execPath, [cli, 'inspect', f.path, '--password', f.password, '--json']);
    const inproc = await measureInProcess(f.path, { password: f.password });
    rows.push({ work: `${f.name}: CLI process`, ours: proc.ms, openssl: openssl.ms, note: vs + cpuNote(proc, openssl) });
    rows.push({ work: `${f.name}: in process`, ours: inproc.ms, openssl: openssl.ms, note: `event loop max stall ${inproc.maxStall.toFixed(0)} ms` });
  }
  // No password: OpenSSL tries the empty password (the whole 10M-round MAC, more than once) before failing.
  const openssl = measureProcess('openssl', ['pkcs12', '-in', slowSha1.path, '-nodes', '-out', '/dev/null', '-passin', 'pass:'], { status: 1 });
  const proc = measureProcess(process.execPath, [cli, 'inspect', slowSha1.path, '--json'], { status: 2 });
  const inproc = await measureInProcess(slowSha1.path, { expect: 'locked' });
  rows.push({ work: 'PFX 10,000,000-round SHA-1 MAC, no password: CLI process', ours: proc.ms, openssl: openssl.ms, note: 'time to PASSWORD_REQUIRED vs openssl -passin pass:; ' + cpuNote(proc, openssl) });
  rows.push({ work: 'PFX 10,000,000-round SHA-1 MAC, no password: in process', ours: inproc.ms, openssl: openssl.ms, note: inproc.lock ?? '' });
  return rows;
}

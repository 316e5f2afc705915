/**
 * A watched folder tree made by openssl and keytool in a temp folder, for the expiry scanner's tests: leaves
 * valid for a year, expiring in 50, 20 and 2 days, and expired 10 days ago (test-pki's startDate/endDate), as
 * PEM, DER and a two-certificate bundle, a PFX and a JKS (keytool) holding the 50-day leaf, and what a scan must
 * pass over or report: garbage with and without a certificate's extension, a key alone, a symlink loop, a FIFO.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JAVA_ENV } from './java-probe';
import { dateAt, makeTestPki, openssl, type IssuedCert, type TestCaHandle } from './test-pki';

export const STORE_PASSWORD = 'changeit';

export interface ExpiryTree {
  dir: string;
  /** When the certificates were made: a scan at `made + 1 hour` gives the day counts below. */
  made: Date;
  root: TestCaHandle;
  leaves: { ok: IssuedCert; d50: IssuedCert; d20: IssuedCert; d2: IssuedCert; expired: IssuedCert };
  /** Path (relative to dir) → the certificate it holds. */
  files: Record<string, IssuedCert>;
}

/** openssl's view of a certificate: SHA-256 (uppercase hex, no colons) and notAfter (ISO). */
export function opensslFacts(pem: string): { sha256: string; notAfter: string } {
  const fp = openssl(['x509', '-noout', '-fingerprint', '-sha256'], pem).trim().replace(/^.*=/, '').replace(/:/g, '');
  const end = openssl(['x509', '-noout', '-enddate'], pem).trim().replace(/^notAfter=/, '');
  return { sha256: fp, notAfter: new Date(end).toISOString() };
}

export function makeExpiryTree(): ExpiryTree {
  const made = new Date();
  const root = makeTestPki('Expiry Root');
  const leaf = (name: string, end: number, start = -30) => root.issueLeaf(name, { san: [`DNS:${name}.example.test`], startDate: dateAt(start), endDate: dateAt(end) });
  const leaves = { ok: leaf('ok', 400), d50: leaf('d50', 50), d20: leaf('d20', 20), d2: leaf('d2', 2), expired: leaf('expired', -10, -100) };
  const dir = mkdtempSync(join(tmpdir(), 'expiry-tree-'));
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  const files: Record<string, IssuedCert> = {};
  const pem = (rel: string, cert: IssuedCert) => {
    writeFileSync(join(dir, rel), cert.pem);
    files[rel] = cert;
  };
  pem('ok.pem', leaves.ok);
  pem('expired.pem', leaves.expired);
  pem('sub/d20.pem', leaves.d20);
  openssl(['x509', '-in', leaves.d2.certPath, '-outform', 'DER', '-out', join(dir, 'sub/deeper/d2.cer')]);
  files['sub/deeper/d2.cer'] = leaves.d2;
  writeFileSync(join(dir, 'bundle.pem'), leaves.d20.pem + root.pem);
  openssl(['pkcs12', '-export', '-in', leaves.d50.certPath, '-inkey', leaves.d50.keyPath, '-name', 'tomcat', '-out', join(dir, 'store.pfx'), '-passout', `pass:${STORE_PASSWORD}`]);
  execFileSync('keytool', ['-importkeystore', '-noprompt', '-srckeystore', join(dir, 'store.pfx'), '-srcstoretype', 'PKCS12', '-srcstorepass', STORE_PASSWORD,
    '-destkeystore', join(dir, 'sub', 'store.jks'), '-deststoretype', 'JKS', '-deststorepass', STORE_PASSWORD, '-destkeypass', STORE_PASSWORD], { env: JAVA_ENV, stdio: 'pipe' });
  writeFileSync(join(dir, 'garbage.bin'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 151 + 7) & 0xff)));
  writeFileSync(join(dir, 'notes.txt'), 'Renew the shop certificate before the holidays.\n');
  writeFileSync(join(dir, 'broken.crt'), 'this is not a certificate\n');
  writeFileSync(join(dir, 'sub', 'd20.key'), openssl(['pkey', '-in', leaves.d20.keyPath]));
  symlinkSync('..', join(dir, 'sub', 'loop'));
  symlinkSync(join(dir, 'missing.pem'), join(dir, 'dangling.pem'));
  execFileSync('mkfifo', [join(dir, 'sub', 'pipe.pem')]);
  return { dir, made, root, leaves, files };
}

/**
 * The Expiry flow's fixtures, made at test time by openssl (test-pki's `openssl ca`) and keytool, with validity
 * counted from the e2e clock (E2E_NOW) so the days the page shows are known: a folder tree with a certificate
 * valid for 200 days, ones expiring in 45 and 2 days, one expired 10 days ago, a JKS (keytool) whose entry
 * expires in 20 days, and a file named like a certificate that is not one; and a leaf for a local TLS server
 * that expires in 100 days.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JAVA_ENV } from '../test/helpers/java-probe';
import { makeTestPki, openssl, type IssuedCert } from '../test/helpers/test-pki';
import { E2E_NOW } from './harness';

export const JKS_PASSWORD = 'changeit';
const DAY = 86_400_000;

/** openssl ca's date (YYYYMMDDHHMMSSZ) for E2E_NOW + days, six hours into that day so the day count is exact. */
export function e2eDate(days: number): string {
  return new Date(E2E_NOW.getTime() + days * DAY + 6 * 3600_000).toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
}

export interface ExpiryTree {
  dir: string;
  /** Days left at E2E_NOW per file the scan must report, relative to `dir`. */
  expected: { file: string; days: number; status: 'ok' | 'expiring' | 'expired'; subject: string }[];
  /** The endpoint's leaf (100 days) and the private keys made, for the audit. */
  served: IssuedCert;
  keys: IssuedCert[];
}

export function makeExpiryTree(parent: string): ExpiryTree {
  const root = makeTestPki('Expiry E2E Root', { startDate: e2eDate(-400), endDate: e2eDate(3000) });
  const leaf = (name: string, days: number) => root.issueLeaf(name, { san: [`DNS:${name}.example.test`], startDate: e2eDate(-300), endDate: e2eDate(days) });
  const ok = leaf('shop', 200);
  const soon = leaf('mail', 45);
  const urgent = leaf('vpn', 2);
  const expired = leaf('legacy', -10);
  const tomcat = leaf('tomcat', 20);
  const served = root.issueLeaf('localhost', { san: ['DNS:localhost', 'IP:127.0.0.1'], startDate: e2eDate(-300), endDate: e2eDate(100) });

  const dir = join(parent, 'watched');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'shop.pem'), ok.pem);
  writeFileSync(join(dir, 'mail.pem'), soon.pem);
  writeFileSync(join(dir, 'legacy.crt'), expired.pem);
  openssl(['x509', '-in', urgent.certPath, '-outform', 'DER', '-out', join(dir, 'sub', 'vpn.cer')]);
  const pfx = join(parent, 'tomcat.pfx');
  openssl(['pkcs12', '-export', '-in', tomcat.certPath, '-inkey', tomcat.keyPath, '-name', 'tomcat', '-out', pfx, '-passout', `pass:${JKS_PASSWORD}`]);
  execFileSync(
    'keytool',
    ['-importkeystore', '-noprompt', '-srckeystore', pfx, '-srcstoretype', 'PKCS12', '-srcstorepass', JKS_PASSWORD, '-destkeystore', join(dir, 'sub', 'app.jks'), '-deststoretype', 'JKS', '-deststorepass', JKS_PASSWORD, '-destkeypass', JKS_PASSWORD],
    { env: JAVA_ENV, stdio: 'pipe' },
  );
  writeFileSync(join(dir, 'broken.crt'), 'this is not a certificate\n');

  return {
    dir,
    expected: [
      { file: 'shop.pem', days: 200, status: 'ok', subject: 'shop' },
      { file: 'mail.pem', days: 45, status: 'expiring', subject: 'mail' },
      { file: 'legacy.crt', days: -10, status: 'expired', subject: 'legacy' },
      { file: 'sub/vpn.cer', days: 2, status: 'expiring', subject: 'vpn' },
      { file: 'sub/app.jks', days: 20, status: 'expiring', subject: 'tomcat' },
    ],
    served,
    keys: [ok, soon, urgent, expired, tomcat, served],
  };
}

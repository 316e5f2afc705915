/** Peers for the ACME tests: keys and CSRs made by openssl, issued chains checked by openssl. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function inTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'acme-kit-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new PKCS#8 PEM private key made by openssl ('ec' = P-256, 'rsa' = 2048 bits). */
export function opensslKey(kind: 'ec' | 'rsa' = 'ec'): string {
  const args = kind === 'ec' ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
  return execFileSync('openssl', ['genpkey', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** A CSR (DER) for `domains` (CN = the first, SANs = all, in order) signed by `keyPem`, made by openssl req. */
export function opensslCsrDer(domains: string[], keyPem: string): Uint8Array {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'key.pem'), keyPem);
    const san = domains.map((d) => `DNS:${d}`).join(',');
    return new Uint8Array(execFileSync('openssl', ['req', '-new', '-key', join(dir, 'key.pem'), '-subj', `/CN=${domains[0]}`, '-addext', `subjectAltName=${san}`, '-outform', 'DER']));
  });
}

/** PEM certificates of a bundle, in order. */
export function pemCertificates(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
}

/** `openssl verify -CAfile root -untrusted <rest of chain> leaf`: its output, or throws with openssl's words. */
export function opensslVerify(chainPem: string, rootPem: string): string {
  const [leaf, ...rest] = pemCertificates(chainPem);
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'root.pem'), rootPem);
    writeFileSync(join(dir, 'leaf.pem'), leaf);
    writeFileSync(join(dir, 'chain.pem'), rest.join(''));
    const args = ['verify', '-CAfile', join(dir, 'root.pem'), ...(rest.length ? ['-untrusted', join(dir, 'chain.pem')] : []), join(dir, 'leaf.pem')];
    return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  });
}

/** The DNS names of a certificate's SAN extension as openssl prints them, in order. */
export function opensslSans(certPem: string): string[] {
  const text = execFileSync('openssl', ['x509', '-noout', '-ext', 'subjectAltName'], { input: certPem, encoding: 'utf8' });
  return [...text.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1]);
}

/** A field of `openssl x509 -noout -<field>` ("serial=...", "issuer=..."), value only. */
export function opensslField(certPem: string, field: 'serial' | 'issuer' | 'subject'): string {
  return execFileSync('openssl', ['x509', '-noout', `-${field}`], { input: certPem, encoding: 'utf8' }).trim().replace(/^[a-z]+=\s*/, '');
}

/** The public key of a certificate and of a private key, as openssl prints them (to compare). */
export function opensslPublicKeys(certPem: string, keyPem: string): { cert: string; key: string } {
  return {
    cert: execFileSync('openssl', ['x509', '-noout', '-pubkey'], { input: certPem, encoding: 'utf8' }),
    key: execFileSync('openssl', ['pkey', '-pubout'], { input: keyPem, encoding: 'utf8' }),
  };
}

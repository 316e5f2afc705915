/**
 * A small CA made by openssl for tests of the CA-reply flow: a root and an intermediate in a temp folder, and
 * `openssl x509 -req` signing a CSR with them, as a CA returns a certificate for a CSR.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCa {
  dir: string;
  rootPem: string;
  interPem: string;
  interKey: string;
  /** Signs `csrPath` with the intermediate; returns the certificate's path. `extensions`: an x509v3 section body. */
  sign(csrPath: string, name: string, options?: { extensions?: string; days?: number }): string;
}

export const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });

export function makeCa(label = 'Certbench Reply Test'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-ca-'));
  const p = (f: string) => join(dir, f);
  writeFileSync(p('ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', p('root.key'), '-out', p('root.pem'), '-subj', `/O=${label}/CN=${label} Root`, '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', p('inter.key'), '-out', p('inter.csr'), '-subj', `/O=${label}/CN=${label} Intermediate`]);
  openssl(['x509', '-req', '-in', p('inter.csr'), '-CA', p('root.pem'), '-CAkey', p('root.key'), '-CAcreateserial', '-out', p('inter.pem'), '-days', '1825', '-extfile', p('ca.ext')]);
  return {
    dir,
    rootPem: p('root.pem'),
    interPem: p('inter.pem'),
    interKey: p('inter.key'),
    sign(csrPath, name, options = {}) {
      const ext = p(`${name}.ext`);
      writeFileSync(ext, options.extensions ?? 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
      const out = p(`${name}.pem`);
      openssl(['x509', '-req', '-in', csrPath, '-CA', p('inter.pem'), '-CAkey', p('inter.key'), '-CAcreateserial', '-out', out, '-days', String(options.days ?? 397), '-extfile', ext, '-copy_extensions', 'copy']);
      return out;
    },
  };
}

/**
 * The bundle shapes users really open, made once with OpenSSL and cached under .bench/: renewals sharing
 * two keys, a 100,000-certificate concatenation of fullchains that repeat one intermediate, and 20,000
 * copies of one key. `openssl ca -infiles` signs thousands of requests in one process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CA_CONFIG = `[ca]
default_ca = ca_default
[ca_default]
dir = .
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
default_md = sha256
policy = policy_any
unique_subject = no
default_days = 365
x509_extensions = leaf_ext
[policy_any]
commonName = supplied
[leaf_ext]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:shop.example.test, DNS:www.shop.example.test
`;

function openssl(cwd: string, args: string[]): void {
  const r = spawnSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`openssl ${args.slice(0, 3).join(' ')} failed: ${r.stderr.toString().slice(0, 300)}`);
}

/** 10,000 leaf certificates signed for two keys in turn (every renewal reuses its key), and the intermediate. */
function renewals(work: string): { leaves: string[]; intermediate: string; keyPem: string } {
  const dir = join(work, 'renewals');
  const done = join(dir, 'leaves.pem');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'newcerts'), { recursive: true });
    writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
    openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Bench Intermediate CA', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE']);
    for (const k of ['a', 'b']) openssl(dir, ['req', '-new', ...ec, '-keyout', `${k}.key`, '-out', `${k}.csr`, '-subj', `/CN=shop-${k}.example.test`]);
    const csrs = Array.from({ length: 10000 }, (_, i) => (i % 2 ? 'b.csr' : 'a.csr'));
    openssl(dir, ['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-notext', '-out', 'last.pem', '-infiles', ...csrs]);
    const files = readdirSync(join(dir, 'newcerts')).sort();
    writeFileSync(done, files.map((f) => readFileSync(join(dir, 'newcerts', f), 'utf8')).join(''));
  }
  const leaves = readFileSync(done, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
  return { leaves, intermediate: readFileSync(join(dir, 'ca.pem'), 'utf8'), keyPem: readFileSync(join(dir, 'a.key'), 'utf8') };
}

export interface Shapes {
  /** 10,000 certificates over two keys. */
  sharedKeys: string;
  /** 100,000 certificates: 50,000 fullchains (leaf + the same intermediate). */
  fullchains: string;
  /** 20,000 copies of one EC private key. */
  keyCopies: string;
}

export function makeShapes(work: string): Shapes {
  const shapes: Shapes = { sharedKeys: join(work, 'shared-keys-10000.pem'), fullchains: join(work, 'fullchains-100000.pem'), keyCopies: join(work, 'key-copies-20000.pem') };
  if (existsSync(shapes.sharedKeys) && existsSync(shapes.fullchains) && existsSync(shapes.keyCopies)) return shapes;
  const { leaves, intermediate, keyPem } = renewals(work);
  writeFileSync(shapes.sharedKeys, leaves.join(''));
  writeFileSync(shapes.fullchains, Array.from({ length: 50000 }, (_, i) => leaves[i % leaves.length] + intermediate).join(''));
  writeFileSync(shapes.keyCopies, keyPem.repeat(20000));
  return shapes;
}

/**
 * A test PKI made by `openssl ca` in a temp folder, for the chain doctor's tests: a root, an intermediate and
 * leaves with chosen names, validity (past dates too), AIA caIssuers / OCSP / CRL URLs. Each CA keeps an
 * openssl index, so `openssl ocsp -index` can answer for it and `openssl ca -gencrl` can list revocations.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });

/** Where a certificate's issuer, OCSP responder and CRL are published (RFC 5280 AIA / CDP URLs). */
export interface PublishUrls {
  caIssuers?: string;
  ocsp?: string;
  crl?: string;
}

export interface CaOptions {
  /** Key: 'ec' (P-256, default) or 'rsa' (2048). */
  key?: 'ec' | 'rsa';
  /** Validity as openssl ca dates (YYYYMMDDHHMMSSZ); default a year back to ten years ahead. */
  startDate?: string;
  endDate?: string;
  pathLen?: number;
  /** Extra x509v3 lines for the CA certificate (nameConstraints=..., certificatePolicies=...). */
  extraLines?: string[];
  /** URLs printed into certificates this CA issues. */
  publish?: PublishUrls;
}

export interface LeafOptions {
  /** Subject CN; default the first DNS name. */
  cn?: string;
  /** SAN entries as openssl writes them: 'DNS:a.test', 'IP:127.0.0.1'. Default DNS:localhost, IP:127.0.0.1. */
  san?: string[];
  key?: 'ec' | 'rsa';
  startDate?: string;
  endDate?: string;
  /** Default 'serverAuth,clientAuth'; null for none. */
  eku?: string | null;
  extraLines?: string[];
}

export interface IssuedCert {
  name: string;
  certPath: string;
  keyPath: string;
  pem: string;
  /** Serial as openssl prints it in the index (uppercase hex). */
  serial: string;
}

export interface TestCaHandle extends IssuedCert {
  dir: string;
  configPath: string;
  indexPath: string;
  /** The URLs this CA prints into what it issues. */
  publish?: PublishUrls;
  /** A sub-CA signed by this CA. */
  issueCa(name: string, options?: CaOptions): TestCaHandle;
  issueLeaf(name: string, options?: LeafOptions): IssuedCert;
  revoke(cert: IssuedCert, reason?: 'keyCompromise' | 'superseded' | 'cessationOfOperation' | 'unspecified'): void;
  /** A CRL (PEM) of what this CA revoked, valid for `days`. */
  crl(days?: number): string;
}

let counter = 0;

function newKey(path: string, kind: 'ec' | 'rsa'): void {
  if (kind === 'rsa') openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', path]);
  else openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path]);
}

function publishLines(p: PublishUrls | undefined): string[] {
  const lines: string[] = [];
  const aia = [p?.caIssuers && `caIssuers;URI:${p.caIssuers}`, p?.ocsp && `OCSP;URI:${p.ocsp}`].filter(Boolean);
  if (aia.length) lines.push(`authorityInfoAccess=${aia.join(',')}`);
  if (p?.crl) lines.push(`crlDistributionPoints=URI:${p.crl}`);
  return lines;
}

const CA_DEFAULT_START = () => dateAt(-365);
const CA_DEFAULT_END = () => dateAt(3650);

/** openssl ca's date form for now + days (negative: the past). */
export function dateAt(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z').slice(2).replace(/^/, '20');
}

function caDir(root: string, name: string): { dir: string; config: string; index: string } {
  const dir = join(root, name);
  mkdirSync(join(dir, 'issued'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'index.txt.attr'), 'unique_subject = no\n');
  writeFileSync(join(dir, 'serial'), (0x1000 + ++counter * 0x100).toString(16).toUpperCase() + '\n');
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  const config = join(dir, 'ca.cnf');
  writeFileSync(
    config,
    [
      '[ca]',
      'default_ca = this',
      '[this]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir/issued',
      'serial = $dir/serial',
      'crlnumber = $dir/crlnumber',
      'certificate = $dir/cert.pem',
      'private_key = $dir/key.pem',
      'default_md = sha256',
      'default_crl_days = 30',
      'policy = anything',
      'copy_extensions = none',
      'unique_subject = no',
      'email_in_dn = no',
      '[anything]',
      'commonName = supplied',
      'organizationName = optional',
      '',
    ].join('\n'),
  );
  return { dir, config, index: join(dir, 'index.txt') };
}

function sign(ca: TestCaHandle | null, csr: string, out: string, extLines: string[], start: string, end: string, selfKey?: string): string {
  const ext = `${out}.ext`;
  writeFileSync(ext, `[ext]\n${extLines.join('\n')}\n`);
  const args = ['ca', '-batch', '-notext', '-md', 'sha256', '-in', csr, '-out', out, '-extfile', ext, '-extensions', 'ext', '-startdate', start, '-enddate', end];
  if (ca) openssl([...args, '-config', ca.configPath]);
  else openssl([...args, '-config', `${selfKey}`, '-selfsign']);
  const pem = readFileSync(out, 'utf8');
  return pem.slice(pem.indexOf('-----BEGIN CERTIFICATE-----'));
}

function serialOf(pem: string): string {
  return openssl(['x509', '-noout', '-serial'], pem).trim().replace(/^serial=/, '');
}

function handle(root: string, name: string, parent: TestCaHandle | null, options: CaOptions): TestCaHandle {
  const { dir, config, index } = caDir(root, name);
  const keyPath = join(dir, 'key.pem');
  newKey(keyPath, options.key ?? 'ec');
  const csr = join(dir, 'ca.csr');
  openssl(['req', '-new', '-key', keyPath, '-subj', `/O=Certbench Test/CN=${name}`, '-out', csr]);
  const lines = [
    `basicConstraints=critical,CA:TRUE${options.pathLen !== undefined ? `,pathlen:${options.pathLen}` : ''}`,
    'keyUsage=critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier=hash',
    ...(parent ? ['authorityKeyIdentifier=keyid', ...publishLines(parent.publish)] : []),
    ...(options.extraLines ?? []),
  ];
  const certPath = join(dir, 'cert.pem');
  const start = options.startDate ?? CA_DEFAULT_START();
  const end = options.endDate ?? CA_DEFAULT_END();
  // A root signs itself through its own config (openssl ca -selfsign reads private_key from it).
  const pem = sign(parent, csr, certPath, lines, start, end, parent ? undefined : config);
  writeFileSync(certPath, pem);
  const self: TestCaHandle = {
    name,
    dir,
    configPath: config,
    indexPath: index,
    certPath,
    keyPath,
    pem,
    serial: serialOf(pem),
    publish: options.publish,
    issueCa: (sub, subOptions = {}) => handle(root, sub, self, subOptions),
    issueLeaf: (leafName, leaf = {}) => {
      const leafKey = join(dir, `${leafName}.key`);
      newKey(leafKey, leaf.key ?? 'ec');
      const san = leaf.san ?? ['DNS:localhost', 'IP:127.0.0.1'];
      const cn = leaf.cn ?? san.find((s) => s.startsWith('DNS:'))?.slice(4) ?? leafName;
      const leafCsr = join(dir, `${leafName}.csr`);
      openssl(['req', '-new', '-key', leafKey, '-subj', `/CN=${cn}`, '-out', leafCsr]);
      const leafLines = [
        'basicConstraints=critical,CA:FALSE',
        'keyUsage=critical,digitalSignature,keyEncipherment',
        ...(leaf.eku === null ? [] : [`extendedKeyUsage=${leaf.eku ?? 'serverAuth,clientAuth'}`]),
        ...(san.length ? [`subjectAltName=${san.join(',')}`] : []),
        'subjectKeyIdentifier=hash',
        'authorityKeyIdentifier=keyid',
        ...publishLines(options.publish),
        ...(leaf.extraLines ?? []),
      ];
      const leafPath = join(dir, `${leafName}.pem`);
      const leafPem = sign(self, leafCsr, leafPath, leafLines, leaf.startDate ?? dateAt(-30), leaf.endDate ?? dateAt(365));
      writeFileSync(leafPath, leafPem);
      return { name: leafName, certPath: leafPath, keyPath: leafKey, pem: leafPem, serial: serialOf(leafPem) };
    },
    revoke: (cert, reason = 'keyCompromise') => {
      openssl(['ca', '-config', config, '-revoke', cert.certPath, '-crl_reason', reason]);
    },
    crl: (days = 30) => openssl(['ca', '-config', config, '-gencrl', '-crldays', String(days)]),
  };
  return self;
}

/** A root CA in a fresh temp folder; issue intermediates and leaves from it. */
export function makeTestPki(rootName = 'Certbench Test Root', options: CaOptions = {}): TestCaHandle {
  const root = mkdtempSync(join(tmpdir(), 'certbench-pki-'));
  return handle(root, rootName, null, options);
}

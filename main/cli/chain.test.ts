/**
 * `certbench chain` on files (CLI.md "chain"): JSON fields, the text report, exit codes (0 valid, 1 not, 2 bad
 * input), --trust / --untrusted / --no-system-roots / --host / --at, --fetch-missing from a local AIA server,
 * --out with EXISTS unless --force; each verdict checked against openssl verify on the same files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli } from '../../test/helpers/cli-run';
import { localHttpServer, type LocalServer } from '../../test/helpers/local-http';
import { dateAt, makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../test/helpers/test-pki';

let http: LocalServer;
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;
let dir: string;
let files: { leaf: string; inter: string; root: string; fullchain: string; wrong: string; expired: string };

/** openssl verify's answer for the same files: true when it says OK. */
const opensslOk = (args: string[]) => spawnSync('openssl', ['verify', ...args], { encoding: 'utf8' }).status === 0;

before(async () => {
  http = await localHttpServer((req, res) => {
    if (req.url === '/inter.crt') res.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(readFileSync(join(inter.dir, 'cert.der')));
    else res.writeHead(404).end();
  });
  root = makeTestPki('CLI Root');
  inter = root.issueCa('CLI Inter', { publish: { caIssuers: `${http.url}/inter.crt` } });
  openssl(['x509', '-in', inter.certPath, '-outform', 'DER', '-out', join(inter.dir, 'cert.der')]);
  leaf = inter.issueLeaf('shop', { san: ['DNS:shop.example.test'] });
  const old = inter.issueLeaf('old', { san: ['DNS:old.example.test'], startDate: dateAt(-100), endDate: dateAt(-10) });
  dir = mkdtempSync(join(tmpdir(), 'cli-chain-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  files = {
    leaf: leaf.certPath,
    inter: inter.certPath,
    root: root.certPath,
    fullchain: write('fullchain.pem', leaf.pem + inter.pem),
    wrong: write('wrong.pem', inter.pem + leaf.pem),
    expired: old.certPath,
  };
});
after(() => http.close());

test('leaf + intermediate in one file, --trust root: exit 0, JSON per CLI.md, as openssl verify says', async () => {
  const r = await cli('chain', files.fullchain, '--trust', files.root, '--json');
  assert.equal(r.code, 0, r.out + r.err);
  assert.ok(opensslOk(['-CAfile', files.root, '-untrusted', files.fullchain, files.leaf]));
  const j = JSON.parse(r.out);
  assert.equal(j.valid, true);
  assert.equal(j.served.length, 2);
  assert.deepEqual(Object.keys(j.served[0]).slice(0, 2), ['sha256', 'subject']);
  assert.deepEqual(j.chain.map((c: { role: string; source: string }) => [c.role, c.source]), [['leaf', 'input'], ['intermediate', 'input'], ['root', 'input']]);
  const fp = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-in', files.leaf]).trim().replace(/^.*=/, '').replace(/:/g, '');
  assert.equal(j.chain[0].sha256, fp);
  for (const key of ['sha256', 'subject', 'issuer', 'role', 'source', 'notAfter']) assert.ok(key in j.chain[0], key);
  assert.deepEqual(j.problems, []);
  assert.match(j.fixedChainPem, /^-----BEGIN CERTIFICATE-----/);
  assert.equal(j.reportId, undefined);
});

test('the text report: the verdict first, the chain as a tree, problems with their fixes', async () => {
  const ok = await cli('chain', files.fullchain, '--trust', files.root);
  assert.equal(ok.code, 0);
  const lines = ok.out.split('\n');
  assert.equal(lines[0], 'OK: Valid chain to CLI Root');
  assert.ok(lines.some((l) => /^ {2}shop\.example\.test {2}\[input\] {2}leaf, EC P-256, expires \d{4}-\d\d-\d\d, in \d+ days$/.test(l)), ok.out);
  assert.ok(lines.some((l) => /^ {2}└─ CLI Inter {2}\[input\] {2}intermediate/.test(l)), ok.out);
  assert.ok(lines.some((l) => /^ {4}└─ CLI Root {2}\[input, trusted\] {2}root/.test(l)), ok.out);
  const wrong = await cli('chain', files.wrong, '--trust', files.root);
  assert.equal(wrong.code, 0, 'a wrong order is a warning');
  assert.match(wrong.out, /^WARNING: Valid chain to CLI Root, but the certificates are in the wrong order\n/);
  assert.match(wrong.out, /\n {2}warning WRONG_ORDER: The files hold the certificates in the wrong order: CLI Inter, shop\.example\.test\.[^\n]*\n {4}fix: Put them in this order: shop\.example\.test, then CLI Inter/);
  assert.match(wrong.out, /How to install the fixed chain:\n {2}Apache httpd:/);
  assert.match(wrong.out, /Save the fixed chain with --out FIXED\.pem\./);
});

test('leaf alone: exit 1 MISSING_INTERMEDIATE; with --fetch-missing it is downloaded, and --out writes a fixed chain openssl verifies', async () => {
  const off = await cli('chain', files.leaf, '--trust', files.root, '--json');
  assert.equal(off.code, 1);
  assert.equal(opensslOk(['-CAfile', files.root, files.leaf]), false);
  const j = JSON.parse(off.out);
  assert.deepEqual(j.problems.map((p: { code: string }) => p.code), ['MISSING_INTERMEDIATE']);
  assert.match(j.problems[0].message, /downloads were off/);
  assert.equal(http.requests.length, 0, 'nothing downloaded without --fetch-missing');

  const out = join(dir, 'fixed.pem');
  const on = await cli('chain', files.leaf, '--trust', files.root, '--fetch-missing', '--out', out);
  assert.equal(on.code, 1, 'the file still lacks its intermediate');
  assert.match(on.out, /^NOT VALID: The files lack the intermediate CLI Inter\n/);
  assert.match(on.out, new RegExp(`└─ CLI Inter {2}\\[aia ${http.url}/inter\\.crt\\]`));
  assert.match(on.out, new RegExp(`Wrote the fixed chain to ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\.`));
  assert.ok(opensslOk(['-CAfile', files.root, '-untrusted', out, files.leaf]));
  const fixed = await cli('chain', out, '--trust', files.root);
  assert.equal(fixed.code, 0, fixed.out);

  const exists = await cli('chain', files.leaf, '--trust', files.root, '--fetch-missing', '--out', out, '--json');
  assert.equal(exists.code, 2);
  assert.equal(JSON.parse(exists.out).error.code, 'EXISTS');
  const forced = await cli('chain', files.leaf, '--trust', files.root, '--fetch-missing', '--out', out, '--force', '--json');
  assert.equal(forced.code, 1);
  assert.deepEqual(JSON.parse(forced.out).written, [out]);
});

test('--untrusted gives the intermediate; --no-system-roots without --trust leaves nothing trusted; --at and --host', async () => {
  const given = await cli('chain', files.leaf, '--untrusted', files.inter, '--trust', files.root, '--json');
  assert.equal(given.code, 0, given.out);
  assert.ok(opensslOk(['-CAfile', files.root, '-untrusted', files.inter, files.leaf]));
  const noRoots = await cli('chain', files.fullchain, '--no-system-roots', '--json');
  assert.equal(noRoots.code, 1);
  assert.deepEqual(JSON.parse(noRoots.out).problems.map((p: { code: string }) => p.code), ['MISSING_INTERMEDIATE']);
  const expired = await cli('chain', files.expired, '--untrusted', files.inter, '--trust', files.root, '--json');
  assert.equal(expired.code, 1);
  assert.ok(JSON.parse(expired.out).problems.some((p: { code: string }) => p.code === 'EXPIRED'));
  assert.equal(opensslOk(['-CAfile', files.root, '-untrusted', files.inter, files.expired]), false);
  // Fifty days ago it was valid, for both.
  const then = new Date(Date.now() - 50 * 86_400_000);
  const past = await cli('chain', files.expired, '--untrusted', files.inter, '--trust', files.root, '--at', then.toISOString(), '--json');
  assert.equal(past.code, 0, past.out);
  assert.equal(JSON.parse(past.out).checkedAt, then.toISOString());
  assert.equal(opensslOk(['-attime', String(Math.floor(then.getTime() / 1000)), '-CAfile', files.root, '-untrusted', files.inter, files.expired]), true);
  const name = await cli('chain', files.fullchain, '--trust', files.root, '--host', 'www.example.test', '--json');
  assert.equal(name.code, 1);
  assert.deepEqual(JSON.parse(name.out).problems.map((p: { code: string }) => p.code), ['HOSTNAME_MISMATCH']);
  assert.equal(opensslOk(['-CAfile', files.root, '-untrusted', files.inter, '-verify_hostname', 'www.example.test', files.leaf]), false);
  assert.equal((await cli('chain', files.fullchain, '--trust', files.root, '--host', 'shop.example.test')).code, 0);
});

test('a CRL file given with the certificates: REVOKED offline, exit 1, as openssl verify -crl_check says', async () => {
  const gone = inter.issueLeaf('gone', { san: ['DNS:gone.example.test'] });
  inter.revoke(gone, 'keyCompromise');
  const crl = join(dir, 'inter.crl');
  writeFileSync(crl, inter.crl());
  const r = await cli('chain', gone.certPath, files.inter, crl, '--trust', files.root, '--json');
  assert.equal(r.code, 1, r.out);
  const j = JSON.parse(r.out);
  assert.deepEqual(j.problems.map((p: { code: string }) => p.code), ['REVOKED']);
  assert.equal(j.chain[0].revocation.reason, 'keyCompromise');
  assert.equal(opensslOk(['-crl_check', '-CRLfile', crl, '-CAfile', files.root, '-untrusted', files.inter, gone.certPath]), false);
  assert.equal((await cli('chain', files.fullchain, crl, '--trust', files.root)).code, 0);
  assert.equal(opensslOk(['-crl_check', '-CRLfile', crl, '-CAfile', files.root, '-untrusted', files.inter, files.leaf]), true);
});

test('bad input is exit 2 with a typed error: no target, a missing file, a bad flag value, files and a server together', async () => {
  const cases: [string[], string, RegExp][] = [
    [['chain'], 'INVALID_ARGUMENT', /needs files or a server/],
    [['chain', join(dir, 'nope.pem')], 'NOT_FOUND', /neither a file nor a server/],
    [['chain', files.leaf, '--purpose', 'codeSigning'], 'INVALID_ARGUMENT', /--purpose is one of serverAuth, clientAuth/],
    [['chain', files.leaf, '--revocation', 'maybe'], 'INVALID_ARGUMENT', /--revocation/],
    [['chain', files.leaf, '--at', 'soon'], 'INVALID_ARGUMENT', /not a date/],
    [['chain', files.leaf, '127.0.0.1:443'], 'INVALID_ARGUMENT', /not both/],
    [['chain', files.leaf, '--starttls', 'smtp'], 'INVALID_ARGUMENT', /for a server/],
    [['chain', 'example.test:99999'], 'INVALID_ARGUMENT', /not a port number/],
    [['chain', leaf.keyPath], 'INVALID_ARGUMENT', /no certificate to check/],
  ];
  for (const [argv, code, message] of cases) {
    const r = await cli(...argv, '--json');
    assert.equal(r.code, 2, argv.join(' '));
    const e = JSON.parse(r.out).error;
    assert.equal(e.code, code, `${argv.join(' ')}: ${e.message}`);
    assert.match(e.message, message);
    assert.ok(e.hint);
  }
  const text = await cli('chain', join(dir, 'nope.pem'));
  assert.match(text.err, /^certbench: "[^"]+nope\.pem" is neither a file nor a server \(host:port\)\.\n {2}hint: /);
});

/**
 * `certbench acme` (CLI.md "acme") against Debian's pebble on 127.0.0.1 (test/helpers/pebble.ts), with the app's
 * data folder in a temp directory (CERTBENCH_DATA_DIR): HTTP-01 answered by Certbench itself, DNS-01 for a wildcard
 * through certbot-style hooks that set the TXT record in challtestsrv, DNS-01 by hand at a (scripted) terminal, a
 * CSR made by openssl. Every issued set is verified by openssl against pebble's root; the key matches and is 0600.
 * Refusals: a challenge the CA fails (its own words, exit 1, no files), an unreachable CA (NETWORK, exit 2), no
 * --agree-tos (the terms URL, exit 2), wildcard over http-01 and existing files (exit 2, before the CA is asked).
 * Then status, renew and revoke over the orders made (pebble's management API confirms the revocation).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AcmeOrderDto, AcmeProblemDto, WrittenFileDto } from '../api/dto';
import { cli } from '../../test/helpers/cli-run';
import { freePort, startPebble, type Pebble } from '../../test/helpers/pebble';
import { dueOrders } from './acme-renew';
import { runCli } from './main';
import type { Io } from './output';

let pebble: Pebble;
let work: string;
let rootFile: string;
const savedDataDir = process.env.CERTBENCH_DATA_DIR;

before(async () => {
  pebble = await startPebble();
  work = mkdtempSync(join(tmpdir(), 'acme-cli-'));
  process.env.CERTBENCH_DATA_DIR = join(work, 'data');
  rootFile = join(work, 'pebble-root.pem');
  writeFileSync(rootFile, await pebble.rootPem(0));
});
after(async () => {
  await pebble?.stop();
  if (savedDataDir === undefined) delete process.env.CERTBENCH_DATA_DIR;
  else process.env.CERTBENCH_DATA_DIR = savedDataDir;
  if (work) rmSync(work, { recursive: true, force: true });
});

const openssl = (args: string[], input?: string) => execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();
const dir = (name: string) => join(work, name);
/** The flags every order against this pebble shares; Certbench serves HTTP-01 where pebble's validator fetches. */
const ca = () => ['--directory', pebble.directoryUrl, '--ca-file', pebble.caFile, '--agree-tos', '--dns-server', pebble.dnsServer];
const serve = () => ['--http-port', String(pebble.httpPort), '--http-address', '127.0.0.1'];
const parse = <T>(text: string): T => JSON.parse(text) as T;
type IssueJson = { order: AcmeOrderDto; written: WrittenFileDto[] };
type ErrorJson = { error: AcmeProblemDto; order?: AcmeOrderDto; termsOfService?: string | null };

/** openssl's view of an issued set: verified against pebble's root, names, and the public keys of cert and key. */
function checkSet(out: string, names: string[], { withKey = true } = {}): { sha256: string; serial: string } {
  const cert = join(out, 'cert.pem');
  assert.equal(openssl(['verify', '-CAfile', rootFile, '-untrusted', join(out, 'chain.pem'), cert]).trim(), `${cert}: OK`);
  const fullchain = readFileSync(join(out, 'fullchain.pem'), 'utf8');
  assert.equal(fullchain.replace(/\s+/g, ''), (readFileSync(cert, 'utf8') + readFileSync(join(out, 'chain.pem'), 'utf8')).replace(/\s+/g, ''), 'fullchain = cert + chain');
  const san = openssl(['x509', '-in', cert, '-noout', '-ext', 'subjectAltName']);
  assert.deepEqual([...san.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1]).sort(), [...names].sort());
  if (withKey) {
    const key = join(out, 'privkey.pem');
    assert.equal(statSync(key).mode & 0o777, 0o600);
    assert.equal(openssl(['pkey', '-in', key, '-pubout']), openssl(['x509', '-in', cert, '-noout', '-pubkey']), 'privkey.pem belongs to cert.pem');
  } else {
    assert.equal(existsSync(join(out, 'privkey.pem')), false);
  }
  const fingerprint = openssl(['x509', '-in', cert, '-noout', '-fingerprint', '-sha256']).split('=')[1].replace(/:/g, '').trim();
  const serial = openssl(['x509', '-in', cert, '-noout', '-serial']).split('=')[1].trim();
  return { sha256: fingerprint, serial };
}

/** A hook script (node) that sets or clears the TXT record in challtestsrv and logs what it was given. */
function hookScript(action: 'set' | 'clear', log: string, value?: string): string {
  const path = join(work, `hook-${action}-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    path,
    `const http = require('node:http');
const domain = process.env.CERTBENCH_DOMAIN.replace(/^\\*\\./, '');
const value = ${value === undefined ? 'process.env.CERTBENCH_VALIDATION' : JSON.stringify(value)};
require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ action: ${JSON.stringify(action)}, domain: process.env.CERTBENCH_DOMAIN, validation: process.env.CERTBENCH_VALIDATION, token: process.env.CERTBENCH_TOKEN }) + '\\n');
const body = JSON.stringify(${action === 'set' ? '{ host: `_acme-challenge.${domain}.`, value }' : '{ host: `_acme-challenge.${domain}.` }'});
const req = http.request(${JSON.stringify(pebble.challtestUrl)} + '/${action}-txt', { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => { res.resume(); res.on('end', () => process.exit(res.statusCode === 200 ? 0 : 1)); });
req.on('error', (e) => { console.error(e.message); process.exit(1); });
req.end(body);
`,
  );
  return `${JSON.stringify(process.execPath)} ${JSON.stringify(path)}`;
}
const hookLog = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; domain: string; validation: string; token: string }) : []);

const NAMES = ['www.example.test', 'example.test', 'api.example.test'];
let httpOrder: AcmeOrderDto;

test('issue over HTTP-01 served by Certbench: exit 0, the certbot set verified by openssl against pebble\'s root, privkey 0600 and matching', { timeout: 60_000 }, async () => {
  const out = dir('http');
  const r = await cli('acme', 'issue', ...ca(), ...serve(), ...NAMES.flatMap((n) => ['--domain', n]), '--email', 'ops@example.test', '--out-dir', out);
  assert.equal(r.code, 0, r.err + r.out);
  const { serial } = checkSet(out, NAMES);
  // Progress on stderr; the result on stdout: the four files, the names, the expiry and the issuer.
  assert.match(r.err, /\d\d:\d\d:\d\d {2}\S/);
  for (const f of ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']) assert.ok(r.out.includes(join(out, f)), f);
  assert.match(r.out, /www\.example\.test, example\.test and api\.example\.test/);
  const notAfter = new Date(openssl(['x509', '-in', join(out, 'cert.pem'), '-noout', '-enddate']).split('=')[1]);
  assert.ok(r.out.includes(`${notAfter.getUTCDate()} `) && r.out.includes(String(notAfter.getUTCFullYear())), r.out);
  assert.match(r.out, new RegExp(`issuer +${openssl(['x509', '-in', join(out, 'cert.pem'), '-noout', '-issuer', '-nameopt', 'multiline']).match(/commonName *= (.+)/)![1].trim()}`));
  assert.match(r.out, new RegExp(serial.replace(/^0+/, ''), 'i'));
  const status = parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out);
  httpOrder = status.orders.find((o) => o.domains.includes('api.example.test'))!;
  assert.equal(httpOrder.state, 'issued');
  assert.equal(httpOrder.mode, 'serve');
  assert.equal(httpOrder.key, 'ec:P-256');
  assert.equal(httpOrder.email, 'ops@example.test');
});

test('issue --json with --key rsa:3072: one document, the order and the files written', { timeout: 60_000 }, async () => {
  const out = dir('http-json');
  const r = await cli('acme', 'issue', ...ca(), ...serve(), '--domain', 'json.example.test', '--key', 'rsa:3072', '--out-dir', out, '--json');
  assert.equal(r.code, 0, r.err + r.out);
  assert.equal(r.err, '', 'nothing but the document with --json');
  const doc = parse<IssueJson>(r.out);
  assert.equal(doc.order.state, 'issued');
  assert.equal(doc.order.key, 'rsa:3072');
  assert.deepEqual(doc.written.map((w) => w.path).sort(), ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem'].map((f) => join(out, f)).sort());
  assert.deepEqual(doc.written.filter((w) => w.secret).map((w) => w.path), [join(out, 'privkey.pem')]);
  const { sha256 } = checkSet(out, ['json.example.test']);
  assert.equal(doc.order.result!.sha256, sha256);
  assert.match(openssl(['pkey', '-in', join(out, 'privkey.pem'), '-noout', '-text']), /Private-Key: \(3072 bit/);
  assert.doesNotMatch(r.out, /PRIVATE KEY/, 'no key in the output');
});

test('DNS-01 for a wildcard through --manual-auth-hook / --manual-cleanup-hook: exit 0, the hooks got domain, validation and token, cleanup ran', { timeout: 60_000 }, async () => {
  const out = dir('wildcard');
  const log = join(work, 'wildcard-hooks.log');
  const names = ['*.example.test', 'dns.example.test'];
  const r = await cli('acme', 'issue', ...ca(), '--challenge', 'dns-01', '--manual-auth-hook', hookScript('set', log), '--manual-cleanup-hook', hookScript('clear', log), ...names.flatMap((n) => ['--domain', n]), '--out-dir', out, '--json');
  assert.equal(r.code, 0, r.err + r.out);
  const doc = parse<IssueJson>(r.out);
  assert.equal(doc.order.mode, 'hook');
  assert.equal(doc.order.challenge, 'dns-01');
  checkSet(out, names);
  const calls = hookLog(log);
  const sets = calls.filter((c) => c.action === 'set');
  const clears = calls.filter((c) => c.action === 'clear');
  assert.equal(sets.length, 2, JSON.stringify(calls));
  assert.equal(clears.length, 2, 'the cleanup hook ran for each name');
  for (const a of doc.order.authorizations) {
    const set = sets.find((s) => s.token === a.challenge!.token);
    assert.ok(set, `the auth hook ran for ${a.domain}`);
    assert.equal(set.validation, a.challenge!.txtValue);
    assert.ok(set.domain === a.domain || `*.${set.domain}` === a.domain, `${set.domain} for ${a.domain}`);
  }
});

test('DNS-01 by hand at a terminal: the TXT name and value are shown, checked through --dns-server, Enter continues', { timeout: 60_000 }, async () => {
  const out = dir('manual');
  let err = '';
  let stdout = '';
  const questions: string[] = [];
  let placed = false;
  const io: Io = {
    out: (t) => (stdout += t + '\n'),
    err: (t) => (err += t + '\n'),
    terminal: {
      ask: async (question) => {
        questions.push(question);
        if (questions.length === 1) return ''; // Enter before the record exists: the check says not yet
        if (!placed) {
          const name = /name +(\S+)/.exec(err)![1];
          const value = /value +(\S+)/.exec(err)![1];
          await pebble.setTxt(name, value);
          placed = true;
        }
        return '';
      },
    },
  };
  const code = await runCli(['acme', 'issue', ...ca(), '--challenge', 'dns-01', '--domain', 'manual.example.test', '--out-dir', out], io);
  assert.equal(code, 0, err + stdout);
  checkSet(out, ['manual.example.test']);
  assert.match(err, /name +_acme-challenge\.manual\.example\.test/);
  assert.equal(questions.length, 2, questions.join('\n'));
  assert.match(err, /NO manual\.example\.test: /, 'the first check did not find the record');
  assert.match(questions[1], /check again/);
  assert.match(err, /ok manual\.example\.test: /);
  await pebble.clearTxt('_acme-challenge.manual.example.test');
});

test('Ctrl+C while a hook runs: the order is cancelled at the CA (authorizations deactivated), exit 2, no files', { timeout: 60_000 }, async () => {
  const out = dir('stopped');
  const log = join(work, 'stopped-hooks.log');
  const slowHook = join(work, 'slow-hook.cjs');
  writeFileSync(slowHook, `require('node:fs').appendFileSync(${JSON.stringify(log)}, 'started\\n'); setTimeout(() => {}, 30000);`);
  let stop: (() => void) | null = null;
  let err = '';
  let stdout = '';
  const io: Io = { out: (t) => (stdout += t + '\n'), err: (t) => (err += t + '\n'), onStop: (listener) => ((stop = listener), () => (stop = null)) };
  const running = runCli(['acme', 'issue', ...ca(), '--challenge', 'dns-01', '--manual-auth-hook', `${JSON.stringify(process.execPath)} ${JSON.stringify(slowHook)}`, '--domain', 'stop.example.test', '--out-dir', out, '--json'], io);
  for (let i = 0; i < 400 && !existsSync(log); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(existsSync(log), 'the hook started');
  const started = Date.now();
  stop!();
  const code = await running;
  assert.ok(Date.now() - started < 10_000, 'the hook did not hold the stop for its 30 s');
  assert.equal(code, 2, err + stdout);
  const doc = parse<ErrorJson>(stdout);
  assert.equal(doc.error.code, 'CANCELLED');
  assert.equal(doc.order?.state, 'cancelled');
  assert.deepEqual(doc.order?.authorizations.map((a) => a.status), ['deactivated']);
  assert.equal(stop, null, 'the stop hook is removed at the end');
  assert.equal(existsSync(out), false);
});

test('Ctrl+C before the order is placed: nothing is kept (exit 2 CANCELLED)', { timeout: 60_000 }, async () => {
  const before = parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders.length;
  let stdout = '';
  const io: Io = { out: (t) => (stdout += t + '\n'), err: () => {}, onStop: (listener) => (setImmediate(listener), () => {}) };
  const code = await runCli(['acme', 'issue', ...ca(), ...serve(), '--domain', 'early.example.test', '--out-dir', dir('early'), '--json'], io);
  assert.equal(code, 2, stdout);
  assert.equal(parse<ErrorJson>(stdout).error.code, 'CANCELLED');
  assert.equal(parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders.length, before);
  assert.equal(existsSync(dir('early')), false);
});

test('dns-01 without hooks and without a terminal: exit 2 naming --manual-auth-hook, nothing ordered', async () => {
  const before = parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders.length;
  const r = await cli('acme', 'issue', ...ca(), '--challenge', 'dns-01', '--domain', 'nohook.example.test', '--out-dir', dir('nohook'), '--json');
  assert.equal(r.code, 2);
  const doc = parse<ErrorJson>(r.out);
  assert.equal(doc.error.code, 'INVALID_ARGUMENT');
  assert.match(doc.error.message + doc.error.hint, /--manual-auth-hook/);
  assert.equal(parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders.length, before);
  assert.equal(existsSync(dir('nohook')), false);
});

test('a challenge the CA fails: exit 1 with the CA\'s own reason, no files and no folder left behind', { timeout: 60_000 }, async () => {
  const out = dir('failing');
  const log = join(work, 'failing-hooks.log');
  const r = await cli('acme', 'issue', ...ca(), '--challenge', 'dns-01', '--manual-auth-hook', hookScript('set', log, 'not-the-validation'), '--manual-cleanup-hook', hookScript('clear', log), '--domain', 'fail.example.test', '--out-dir', out, '--json');
  assert.equal(r.code, 1, r.err + r.out);
  const doc = parse<ErrorJson>(r.out);
  assert.equal(doc.error.code, 'CHALLENGE_FAILED');
  // pebble's validation authority, in its own words (va.go): the TXT value it found was not the one expected.
  assert.match(doc.error.message + doc.error.subproblems.map((s) => s.detail).join(' '), /Correct value not found for DNS challenge/);
  assert.ok(doc.error.hint.length > 0);
  assert.equal(doc.order?.state, 'invalid');
  assert.equal(existsSync(out), false, 'no files, no folder');
  assert.ok(hookLog(log).some((c) => c.action === 'clear'), 'the cleanup hook ran after the failure too');
  // In words on stderr, without --json.
  const words = await cli('acme', 'issue', ...ca(), '--challenge', 'dns-01', '--manual-auth-hook', hookScript('set', log, 'still-wrong'), '--domain', 'fail2.example.test', '--out-dir', out);
  assert.equal(words.code, 1);
  assert.match(words.err, /Correct value not found/);
  assert.match(words.err, /hint: /);
  assert.doesNotMatch(words.err, /\n\s+at .+\(.+:\d+:\d+\)/, 'no stack trace');
});

test('an unreachable CA: exit 2 NETWORK within seconds', { timeout: 60_000 }, async () => {
  const port = await freePort();
  const started = Date.now();
  const r = await cli('acme', 'issue', '--directory', `https://127.0.0.1:${port}/dir`, '--agree-tos', ...serve(), '--domain', 'down.example.test', '--out-dir', dir('down'), '--json');
  assert.equal(r.code, 2, r.out);
  assert.equal(parse<ErrorJson>(r.out).error.code, 'NETWORK');
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
  assert.equal(existsSync(dir('down')), false);
  const words = await cli('acme', 'issue', '--directory', `https://127.0.0.1:${port}/dir`, ...serve(), '--domain', 'down.example.test', '--out-dir', dir('down'));
  assert.equal(words.code, 2);
  assert.match(words.err, /\(NETWORK/);
});

test('without --agree-tos: the directory\'s terms URL is shown and nothing is agreed or ordered (exit 2)', async () => {
  const before = parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders.length;
  const flags = ['--directory', pebble.directoryUrl, '--ca-file', pebble.caFile, ...serve(), '--domain', 'terms.example.test', '--out-dir', dir('terms')];
  const r = await cli('acme', 'issue', ...flags);
  assert.equal(r.code, 2);
  // pebble's directory names its terms as a data: URL.
  assert.match(r.err, /terms of service first: data:text\/plain/);
  assert.match(r.err, /--agree-tos/);
  const j = await cli('acme', 'issue', ...flags, '--json');
  assert.equal(j.code, 2);
  const doc = parse<ErrorJson>(j.out);
  assert.equal(doc.error.code, 'INVALID_ARGUMENT');
  assert.match(String(doc.termsOfService), /^data:text\/plain/);
  assert.equal(parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders.length, before);
  assert.equal(existsSync(dir('terms')), false);
});

test('a wildcard with http-01 is refused before the CA is asked (exit 2)', async () => {
  // The directory does not answer: a NETWORK error would mean the CA was contacted first.
  const r = await cli('acme', 'issue', '--directory', `https://127.0.0.1:${await freePort()}/dir`, '--agree-tos', '--domain', '*.example.test', '--out-dir', dir('wild-http'), '--json');
  assert.equal(r.code, 2);
  const doc = parse<ErrorJson>(r.out);
  assert.equal(doc.error.code, 'INVALID_ARGUMENT');
  assert.match(doc.error.message, /\*\.example\.test is a wildcard.*dns-01/);
  assert.match(doc.error.hint, /--challenge dns-01/);
});

test('files already in --out-dir: EXISTS before ordering (exit 2, untouched); --force replaces them once issued', { timeout: 60_000 }, async () => {
  const out = dir('exists');
  mkdirSync(out);
  writeFileSync(join(out, 'fullchain.pem'), 'keep me');
  const down = await cli('acme', 'issue', '--directory', `https://127.0.0.1:${await freePort()}/dir`, '--agree-tos', ...serve(), '--domain', 'exists.example.test', '--out-dir', out, '--json');
  assert.equal(down.code, 2);
  assert.equal(parse<ErrorJson>(down.out).error.code, 'EXISTS', 'checked before the (unreachable) CA');
  assert.equal(readFileSync(join(out, 'fullchain.pem'), 'utf8'), 'keep me');
  const forced = await cli('acme', 'issue', ...ca(), ...serve(), '--domain', 'exists.example.test', '--out-dir', out, '--force');
  assert.equal(forced.code, 0, forced.err);
  checkSet(out, ['exists.example.test']);
});

test('--csr FILE made by openssl: issued for the CSR\'s names and key, no privkey.pem', { timeout: 60_000 }, async () => {
  const out = dir('csr');
  const key = join(work, 'own.key');
  const csr = join(work, 'own.csr');
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=csr.example.test', '-addext', 'subjectAltName=DNS:csr.example.test,DNS:csr2.example.test']);
  const r = await cli('acme', 'issue', ...ca(), ...serve(), '--csr', csr, '--out-dir', out, '--json');
  assert.equal(r.code, 0, r.err + r.out);
  const doc = parse<IssueJson>(r.out);
  assert.equal(doc.order.key, 'csr');
  assert.deepEqual([...doc.order.domains].sort(), ['csr.example.test', 'csr2.example.test']);
  checkSet(out, ['csr.example.test', 'csr2.example.test'], { withKey: false });
  assert.equal(openssl(['pkey', '-in', key, '-pubout']), openssl(['x509', '-in', join(out, 'cert.pem'), '-noout', '-pubkey']), 'the certificate carries the CSR\'s key');
  // --domain that differs from the CSR's names: refused before the CA.
  const mismatch = await cli('acme', 'issue', ...ca(), ...serve(), '--csr', csr, '--domain', 'other.example.test', '--out-dir', dir('csr-mismatch'), '--json');
  assert.equal(mismatch.code, 2);
  assert.match(parse<ErrorJson>(mismatch.out).error.message, /CSR asks for csr\.example\.test, csr2\.example\.test/);
});

test('bad flags: exit 2 with {code, message, hint}', async () => {
  const cases: [string[], RegExp][] = [
    [['acme', 'issue', '--domain', 'a.example.test', '--out-dir', dir('x')], /--directory/],
    [['acme', 'issue', ...ca(), '--out-dir', dir('x')], /--domain/],
    [['acme', 'issue', ...ca(), '--domain', 'a.example.test'], /--out-dir/],
    [['acme', 'issue', ...ca(), '--domain', 'https://a.example.test/', '--out-dir', dir('x')], /is a URL/],
    [['acme', 'issue', ...ca(), '--domain', 'a.example.test', '--key', 'ed25519', '--out-dir', dir('x')], /not a key type/],
    [['acme', 'issue', ...ca(), '--domain', 'a.example.test', '--challenge', 'tls-alpn-01', '--out-dir', dir('x')], /http-01 or dns-01/],
    [['acme', 'issue', ...ca(), '--domain', 'a.example.test', '--eab-kid', 'k', '--out-dir', dir('x')], /--eab-hmac-key/],
    [['acme', 'issue', ...ca(), '--domain', 'a.example.test', '--manual-cleanup-hook', 'true', '--out-dir', dir('x')], /--manual-auth-hook/],
    [['acme', 'issue', ...ca(), '--domain', 'a.example.test', '--http-port', '70000', '--out-dir', dir('x')], /--http-port/],
    [['acme', 'revoke'], /Say which order/],
    [['acme', 'revoke', 'o_nope', '--reason', 'bored'], /--reason is one of/],
    [['acme', 'renew'], /--due/],
    [['acme', 'frobnicate'], /Unknown acme subcommand/],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(...argv, '--json');
    assert.equal(r.code, 2, argv.join(' '));
    const doc = parse<ErrorJson>(r.out);
    assert.equal(doc.error.code, 'INVALID_ARGUMENT', argv.join(' '));
    assert.match(doc.error.message, message, argv.join(' '));
    assert.ok(doc.error.hint, argv.join(' '));
  }
  const missing = await cli('acme', 'status', 'o_missing', '--json');
  assert.equal(missing.code, 2);
  assert.equal(parse<ErrorJson>(missing.out).error.code, 'NOT_FOUND');
});

test('status lists the orders made here, in words and as JSON', async () => {
  const all = parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders;
  assert.ok(all.some((o) => o.id === httpOrder.id && o.state === 'issued'));
  assert.ok(all.some((o) => o.state === 'invalid' && o.domains.includes('fail.example.test')));
  const one = await cli('acme', 'status', httpOrder.id);
  assert.equal(one.code, 0);
  assert.match(one.out, new RegExp(`^${httpOrder.id}  ISSUED  www\\.example\\.test, example\\.test and api\\.example\\.test`, 'm'));
  assert.ok(one.out.includes(join(dir('http'), 'fullchain.pem')));
  assert.match(one.out, /expires \d+ \w+ \d{4} \(in [\d,]+ days\)/);
  assert.doesNotMatch(JSON.stringify(all), /PRIVATE KEY/);
});

test('renew an order: a new order with a new key, written where the first one wrote, verified by openssl', { timeout: 60_000 }, async () => {
  const out = dir('http');
  const oldKey = readFileSync(join(out, 'privkey.pem'), 'utf8');
  const oldCert = checkSet(out, NAMES);
  const r = await cli('acme', 'renew', httpOrder.id, '--json');
  assert.equal(r.code, 0, r.err + r.out);
  const doc = parse<{ renewals: { from: string; order: AcmeOrderDto; written: WrittenFileDto[] }[] }>(r.out);
  assert.equal(doc.renewals.length, 1);
  assert.equal(doc.renewals[0].from, httpOrder.id);
  assert.equal(doc.renewals[0].order.renewalOf, httpOrder.id);
  assert.equal(doc.renewals[0].order.state, 'issued');
  assert.ok(doc.renewals[0].written.every((w) => w.path.startsWith(out)));
  const renewed = checkSet(out, NAMES);
  assert.notEqual(renewed.sha256, oldCert.sha256);
  assert.notEqual(readFileSync(join(out, 'privkey.pem'), 'utf8'), oldKey, 'a new key');
});

test('renew --due picks what expires within --days and is not renewed yet; renewing into a folder whose files changed is EXISTS', { timeout: 60_000 }, async () => {
  const all = parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders;
  const issued = all.filter((o) => o.state === 'issued' && !all.some((n) => n.renewalOf === o.id));
  const daysLeft = (o: AcmeOrderDto) => Math.floor((Date.parse(o.result!.notAfter) - Date.now()) / 86_400_000);
  const soonest = Math.min(...issued.map(daysLeft));
  const none = await cli('acme', 'renew', '--due', '--days', String(soonest - 1));
  assert.equal(none.code, 0);
  assert.match(none.out, /Nothing to renew/);
  // Every due order is checked before the first goes to the CA: several with one --out-dir, or one answered by
  // hand (no terminal here), and nothing is renewed.
  const latest = String(Math.max(...issued.map(daysLeft)) + 1);
  const oneFolder = await cli('acme', 'renew', '--due', '--days', latest, '--out-dir', dir('due'), '--json');
  assert.equal(oneFolder.code, 2);
  assert.match(parse<ErrorJson>(oneFolder.out).error.message, /--out-dir takes one order/);
  const manual = issued.find((o) => o.mode === 'manual')!;
  const byHand = await cli('acme', 'renew', '--due', '--days', latest, '--json');
  assert.equal(byHand.code, 2);
  assert.match(parse<ErrorJson>(byHand.out).error.message, new RegExp(`Order ${manual.id} was answered by hand`));
  assert.equal(parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders.length, all.length, 'nothing renewed');
  // The wildcard order's folder now holds something else: its renewal must not replace it silently.
  const wildcard = issued.find((o) => o.domains.includes('*.example.test'))!;
  writeFileSync(join(dir('wildcard'), 'cert.pem'), readFileSync(join(dir('http'), 'cert.pem')));
  const refused = await cli('acme', 'renew', wildcard.id, '--json');
  assert.equal(refused.code, 2);
  assert.equal(parse<ErrorJson>(refused.out).error.code, 'EXISTS');
  // What --due picks: the renewal, not the order it renewed; nothing that failed or expires later than --days.
  const httpRenewal = all.find((o) => o.renewalOf === httpOrder.id)!;
  const picked = dueOrders(all, Number(latest), new Date()).map((o) => o.id);
  assert.ok(picked.includes(httpRenewal.id));
  assert.ok(!picked.includes(httpOrder.id), 'the renewed order is not due again');
  assert.ok(all.filter((o) => o.state !== 'issued').every((o) => !picked.includes(o.id)));
  assert.deepEqual(dueOrders(all, soonest - 1, new Date()), []);
});

test('save writes an issued order\'s set into another folder (EXISTS there without --force)', { timeout: 60_000 }, async () => {
  const out = dir('saved');
  const r = await cli('acme', 'save', httpOrder.id, '--out-dir', out, '--json');
  assert.equal(r.code, 0, r.err + r.out);
  const doc = parse<{ written: WrittenFileDto[] }>(r.out);
  assert.deepEqual(doc.written.map((w) => w.path).sort(), ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem'].map((f) => join(out, f)).sort());
  assert.equal(checkSet(out, NAMES).sha256, httpOrder.result!.sha256);
  const again = await cli('acme', 'save', httpOrder.id, '--out-dir', out);
  assert.equal(again.code, 2);
  assert.match(again.err, /\(EXISTS\)/);
  assert.equal((await cli('acme', 'save', httpOrder.id, '--out-dir', out, '--force')).code, 0);
});

test('revoke: pebble marks the certificate revoked with the reason; revoking again is refused', { timeout: 60_000 }, async () => {
  const all = parse<{ orders: AcmeOrderDto[] }>((await cli('acme', 'status', '--json')).out).orders;
  const target = all.find((o) => o.renewalOf === httpOrder.id)!;
  const r = await cli('acme', 'revoke', target.id, '--reason', 'superseded', '--json');
  assert.equal(r.code, 0, r.err + r.out);
  const doc = parse<{ order: AcmeOrderDto }>(r.out);
  assert.equal(doc.order.state, 'revoked');
  const status = await pebble.certStatus(target.result!.serial);
  assert.equal(status.Status, 'Revoked');
  assert.equal(status.Reason, 4);
  const again = await cli('acme', 'revoke', target.id);
  assert.equal(again.code, 2);
  assert.match(again.err, /only an issued certificate can be revoked[\s\S]*hint: It is revoked already/);
});

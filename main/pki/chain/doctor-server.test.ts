/**
 * The doctor on live local servers (node tls on 127.0.0.1, STARTTLS smtp over a plain TCP server), with a
 * local AIA server and `openssl ocsp` responders for the test PKI: leaf only (the intermediate fetched; a server
 * with the fixed chain is then valid), leaf + intermediate, wrong order, root included, expired, wrong name,
 * a client certificate required, STARTTLS smtp, revoked and good by OCSP, an unreachable server.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { after, before, test } from 'node:test';
import type { TlsOptions } from 'node:tls';
import { derOf } from '../../../test/helpers/chain-kit';
import { freePort, localHttpServer, type LocalServer } from '../../../test/helpers/local-http';
import { startOcspResponder, type OcspResponder } from '../../../test/helpers/ocsp-responder';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { dateAt, makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { LocalServers, rfc2253Subject, upgradeToTls } from '../../../test/helpers/tls-servers';
import { nodeNetwork } from '../net/node-network';
import { runDoctor, type DoctorInput } from './doctor';

const servers = new LocalServers();
let aia: LocalServer;
const responders: OcspResponder[] = [];
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;
let revokedLeaf: IssuedCert;
let key: Buffer;

before(async () => {
  aia = await localHttpServer((req, res) => {
    if (req.url === '/inter.der') res.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(derOf(inter.pem));
    else res.writeHead(404).end();
  });
  const [rootOcsp, interOcsp] = [await freePort(), await freePort()];
  root = makeTestPki('Server Root', { publish: { ocsp: `http://127.0.0.1:${rootOcsp}` } });
  inter = root.issueCa('Server Inter', { publish: { caIssuers: `${aia.url}/inter.der`, ocsp: `http://127.0.0.1:${interOcsp}` } });
  leaf = inter.issueLeaf('shop', { san: ['DNS:shop.example.test', 'IP:127.0.0.1'] });
  key = readFileSync(leaf.keyPath);
  // openssl ocsp reads its index when it starts: what it should know is issued (and revoked) before.
  revokedLeaf = inter.issueLeaf('revoked', { san: ['IP:127.0.0.1'] });
  inter.revoke(revokedLeaf, 'keyCompromise');
  responders.push(await startOcspResponder(root, { port: rootOcsp, ndays: 1 }), await startOcspResponder(inter, { port: interOcsp, ndays: 1 }));
});
after(async () => {
  await servers.closeAll();
  await aia.close();
  await Promise.all(responders.map((r) => r.close()));
});

async function serve(chain: string[], extra: Partial<TlsOptions> = {}, k: Buffer = key): Promise<number> {
  return (await servers.tls({ key: k, cert: chain.join(''), ...extra })).port;
}

const check = (port: number, over: Partial<DoctorInput> = {}) =>
  runDoctor({ input: [], endpoint: { host: '127.0.0.1', port }, trust: [derOf(root.pem)], systemRoots: true, hostName: '127.0.0.1', at: Date.now(), purpose: 'serverAuth', fetchMissing: true, revocation: 'none', net: nodeNetwork, ...over });
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

test('leaf only: MISSING_INTERMEDIATE fetched from the local AIA server; the same server with the fixed chain is valid', async () => {
  const phases: string[] = [];
  const port = await serve([leaf.pem]);
  const r = await check(port, { onProgress: (_f, phase) => phases.push(phase) });
  assert.equal(r.valid, false);
  assert.deepEqual(codes(r), ['MISSING_INTERMEDIATE']);
  assert.equal(r.verdict.message, 'The server forgot its intermediate Server Inter');
  assert.deepEqual(r.served.map((s) => s.subject), [rfc2253Subject(leaf.pem)]);
  assert.deepEqual(r.chain.map((c) => c.source), ['server', 'aia', 'input']);
  assert.deepEqual(phases.slice(0, 3), [`Connecting to 127.0.0.1:${port}`, 'Building the chain', `Downloading the issuer from ${aia.url}/inter.der`]);
  assert.equal(r.tls?.port, port);
  assert.equal(r.fixes.length, 3);
  const fixedPort = await serve([r.fixedChainPem!]);
  const fixed = await check(fixedPort, { fetchMissing: false });
  assert.equal(fixed.valid, true, JSON.stringify(fixed.problems));
  assert.equal(fixed.verdict.message, 'Valid chain to Server Root');
  assert.deepEqual(fixed.fixes, []);
});

test('leaf + intermediate: valid, TLS details filled', async () => {
  const r = await check(await serve([leaf.pem, inter.pem], { maxVersion: 'TLSv1.2' }));
  assert.equal(r.valid, true, JSON.stringify(r.problems));
  assert.deepEqual(r.problems, []);
  assert.equal(r.tls?.protocol, 'TLSv1.2');
  assert.ok(r.tls?.cipher);
  assert.equal(r.tls?.clientCertificate.requested, false);
  assert.deepEqual(r.chain.map((c) => [c.role, c.source]), [['leaf', 'server'], ['intermediate', 'server'], ['root', 'input']]);
});

test('wrong order and root included: WRONG_ORDER (warning) and CONTAINS_ROOT (note), still valid', async () => {
  const wrong = await check(await serve([leaf.pem, root.pem, inter.pem]));
  assert.deepEqual(codes(wrong), ['WRONG_ORDER', 'CONTAINS_ROOT']);
  assert.equal(wrong.valid, true);
  assert.equal(wrong.verdict.severity, 'warning');
  assert.deepEqual(wrong.chain.map((c) => [c.source, c.alsoFrom]), [['server', []], ['server', []], ['server', ['input']]]);
  const withRoot = await check(await serve([leaf.pem, inter.pem, root.pem]));
  assert.deepEqual(withRoot.problems.map((p) => [p.code, p.severity]), [['CONTAINS_ROOT', 'info']]);
  assert.equal(withRoot.verdict.severity, 'success');
  assert.equal(withRoot.fixedChainPem!.match(/BEGIN CERTIFICATE/g)!.length, 2);
});

test('expired leaf and wrong name: EXPIRED, HOSTNAME_MISMATCH (the name is the endpoint host unless another is given)', async () => {
  const old = inter.issueLeaf('old', { san: ['IP:127.0.0.1'], startDate: dateAt(-100), endDate: dateAt(-1) });
  const expired = await check(await serve([old.pem, inter.pem], {}, readFileSync(old.keyPath)));
  assert.deepEqual(codes(expired), ['EXPIRED']);
  assert.match(expired.verdict.message, /^old expired on \d+ \w{3} \d{4}$/);
  const port = await serve([leaf.pem, inter.pem]);
  const wrong = await check(port, { hostName: 'www.example.test' });
  assert.deepEqual(codes(wrong), ['HOSTNAME_MISMATCH']);
  assert.match(wrong.problems[0].message, /not valid for www\.example\.test/);
  assert.equal((await check(port, { hostName: 'shop.example.test' })).valid, true);
});

test('a server that requires a client certificate: the request and its CA names are reported, the chain still diagnosed', async () => {
  const port = await serve([leaf.pem, inter.pem], { requestCert: true, rejectUnauthorized: true, ca: [root.pem] });
  const r = await check(port);
  assert.equal(r.valid, true, JSON.stringify(r.problems));
  assert.equal(r.tls?.clientCertificate.requested, true);
  assert.deepEqual(r.tls?.clientCertificate.acceptedIssuers, [rfc2253Subject(root.pem)]);
});

test('STARTTLS smtp: the chain after the SMTP preamble', async () => {
  const port = await servers.tcp((socket: Socket) => {
    socket.write('220 mail.example.test ESMTP\r\n');
    let buffered = '';
    const onData = (d: Buffer) => {
      buffered += d.toString('latin1');
      if (/^EHLO [^\r\n]*\r\n/im.test(buffered) && !/STARTTLS\r\n/i.test(buffered)) {
        buffered = buffered.replace(/^EHLO [^\r\n]*\r\n/im, '');
        socket.write('250-mail.example.test\r\n250 STARTTLS\r\n');
      }
      if (/STARTTLS\r\n/i.test(buffered)) {
        socket.off('data', onData);
        socket.write('220 Ready to start TLS\r\n');
        upgradeToTls(socket, { key, cert: leaf.pem + inter.pem });
      }
    };
    socket.on('data', onData);
  });
  const r = await check(port, { endpoint: { host: '127.0.0.1', port, starttls: 'smtp' } });
  assert.equal(r.tls?.starttls, 'smtp');
  assert.equal(r.valid, true, JSON.stringify(r.problems));
  assert.equal(r.served.length, 2);
});

test('revocation by the local openssl ocsp responders: good for the leaf and the intermediate; revoked as openssl ocsp says', async () => {
  const good = await check(await serve([leaf.pem, inter.pem]), { revocation: 'ocsp' });
  assert.equal(good.valid, true, JSON.stringify(good.problems));
  assert.deepEqual(good.chain.map((c) => c.revocation?.status ?? null), ['good', 'good', null]);
  assert.deepEqual(good.fetched.filter((f) => f.kind === 'ocsp').map((f) => f.ok), [true, true]);
  const revoked = await check(await serve([revokedLeaf.pem, inter.pem], {}, readFileSync(revokedLeaf.keyPath)), { revocation: 'ocsp' });
  assert.equal(revoked.valid, false);
  assert.deepEqual(codes(revoked), ['REVOKED']);
  assert.equal(revoked.chain[0].revocation?.reason, 'keyCompromise');
  assert.match(revoked.verdict.message, /^revoked was revoked on \d{4}-\d\d-\d\d$/);
  assert.match(revoked.problems[0].fix, /NEW key/);
  // openssl agrees, asking the same responder.
  const peer = openssl(['ocsp', '-issuer', inter.certPath, '-cert', revokedLeaf.certPath, '-url', responders[1].url, '-CAfile', root.certPath]);
  assert.match(peer, /: revoked/);
  assert.match(peer, /Reason: keyCompromise/);
});

test('an unreachable server is a NETWORK error, not a report', async () => {
  const port = await servers.closedPort();
  await rejectsWith(check(port), 'NETWORK');
});

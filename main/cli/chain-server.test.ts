/**
 * `certbench chain host:port` on live local servers (node tls on 127.0.0.1 and ::1): the served chain, the
 * missing intermediate fetched with --fetch-missing and written with --out, the server then fixed; --servername,
 * --starttls, IPv6 in brackets, and an unreachable server (exit 2, NETWORK).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { derOf } from '../../test/helpers/chain-kit';
import { cli } from '../../test/helpers/cli-run';
import { localHttpServer, type LocalServer } from '../../test/helpers/local-http';
import { makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../test/helpers/test-pki';
import { LocalServers, upgradeToTls } from '../../test/helpers/tls-servers';

const servers = new LocalServers();
let aia: LocalServer;
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;
let key: Buffer;
let dir: string;

before(async () => {
  aia = await localHttpServer((req, res) => {
    if (req.url === '/inter.der') res.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(derOf(inter.pem));
    else res.writeHead(404).end();
  });
  root = makeTestPki('CLI Server Root');
  inter = root.issueCa('CLI Server Inter', { publish: { caIssuers: `${aia.url}/inter.der` } });
  leaf = inter.issueLeaf('shop', { san: ['DNS:shop.example.test', 'DNS:localhost', 'IP:127.0.0.1', 'IP:::1'] });
  key = readFileSync(leaf.keyPath);
  dir = mkdtempSync(join(tmpdir(), 'cli-chain-server-'));
});
after(async () => {
  await servers.closeAll();
  await aia.close();
});

test('a server that forgets its intermediate: exit 1, the intermediate fetched, --out writes the fix, and the fixed server is valid', async () => {
  const { port } = await servers.tls({ key, cert: leaf.pem });
  const out = join(dir, 'fixed.pem');
  const r = await cli('chain', `127.0.0.1:${port}`, '--trust', root.certPath, '--fetch-missing', '--out', out);
  assert.equal(r.code, 1, r.out + r.err);
  assert.match(r.out, /^NOT VALID: The server forgot its intermediate CLI Server Inter\n/);
  assert.match(r.out, new RegExp(`The server \\(127\\.0\\.0\\.1:${port}\\) sent 1 certificate: shop\\.example\\.test\\.`));
  assert.match(r.out, /\nTLS: TLSv1\.[23], /);
  assert.match(r.out, /How to install the fixed chain:\n {2}Apache httpd:/);
  assert.match(openssl(['verify', '-CAfile', root.certPath, '-untrusted', out, leaf.certPath]), /: OK/);
  const fixed = await servers.tls({ key, cert: readFileSync(out, 'utf8') });
  const again = await cli('chain', `127.0.0.1:${fixed.port}`, '--trust', root.certPath, '--json');
  assert.equal(again.code, 0, again.out);
  const j = JSON.parse(again.out);
  assert.equal(j.valid, true);
  assert.deepEqual(j.served.map((s: { sha256: string }) => s.sha256), j.chain.slice(0, 2).map((c: { sha256: string }) => c.sha256));
  assert.equal(j.tls.port, fixed.port);
  assert.equal(j.hostName, '127.0.0.1');
});

test('--servername is the name sent; --host checks another name; IPv6 in brackets', async () => {
  const { port } = await servers.tls({ key, cert: leaf.pem + inter.pem });
  const named = JSON.parse((await cli('chain', `127.0.0.1:${port}`, '--trust', root.certPath, '--servername', 'shop.example.test', '--json')).out);
  assert.equal(named.tls.servername, 'shop.example.test');
  assert.equal(named.hostName, 'shop.example.test', 'the SNI is the name checked');
  assert.equal(named.valid, true);
  const wrong = await cli('chain', `127.0.0.1:${port}`, '--trust', root.certPath, '--host', 'www.example.test', '--json');
  assert.equal(wrong.code, 1);
  assert.deepEqual(JSON.parse(wrong.out).problems.map((p: { code: string }) => p.code), ['HOSTNAME_MISMATCH']);
  const v6 = await servers.tls({ key, cert: leaf.pem + inter.pem }, '::1');
  const r = await cli('chain', `[::1]:${v6.port}`, '--trust', root.certPath, '--json');
  assert.equal(r.code, 0, r.out);
  const j = JSON.parse(r.out);
  assert.equal(j.tls.address, '::1');
  assert.equal(j.hostName, '::1');
});

test('--starttls smtp', async () => {
  const port = await servers.tcp((socket: Socket) => {
    socket.write('220 mail.example.test ESMTP\r\n');
    let text = '';
    const onData = (d: Buffer) => {
      text += d.toString('latin1');
      if (/^EHLO [^\r\n]*\r\n$/im.test(text)) {
        text = '';
        socket.write('250-mail.example.test\r\n250 STARTTLS\r\n');
      } else if (/^STARTTLS\r\n$/im.test(text)) {
        socket.off('data', onData);
        socket.write('220 Go ahead\r\n');
        upgradeToTls(socket, { key, cert: leaf.pem + inter.pem });
      }
    };
    socket.on('data', onData);
  });
  const r = await cli('chain', `127.0.0.1:${port}`, '--starttls', 'smtp', '--trust', root.certPath, '--json');
  assert.equal(r.code, 0, r.out);
  assert.equal(JSON.parse(r.out).tls.starttls, 'smtp');
});

test('an unreachable server: exit 2 with NETWORK', async () => {
  const port = await servers.closedPort();
  const r = await cli('chain', `127.0.0.1:${port}`, '--json');
  assert.equal(r.code, 2);
  const e = JSON.parse(r.out).error;
  assert.equal(e.code, 'NETWORK');
  assert.ok(e.hint);
});

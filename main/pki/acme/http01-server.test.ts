/** Certbench's HTTP-01 responder: what it serves and refuses, a busy port, a privileged port, close(). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildSync } from 'esbuild';
import { ROOT } from '../../../test/helpers/fixtures';
import { startHttp01Responder } from './challenges';

type Coded = Error & { code?: string; hint?: string };

function fetchLocal(port: number, path: string, method = 'GET', agent?: Agent): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent, headers: { Host: 'www.example.test' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves exactly the tokens set, as text/plain; 404 for anything else', async () => {
  const responder = await startHttp01Responder({ port: 0, address: '127.0.0.1' });
  try {
    assert.ok(responder.port > 0, 'port 0 gets a port from the system');
    responder.set('tok-1', 'tok-1.thumbprint');
    const ok = await fetchLocal(responder.port, '/.well-known/acme-challenge/tok-1');
    assert.deepEqual(ok, { status: 200, type: 'text/plain', body: 'tok-1.thumbprint' });
    assert.equal((await fetchLocal(responder.port, '/.well-known/acme-challenge/tok-1?x=1')).status, 200, 'a query string is ignored');
    assert.equal((await fetchLocal(responder.port, '/.well-known/acme-challenge/tok-2')).status, 404);
    assert.equal((await fetchLocal(responder.port, '/.well-known/acme-challenge/')).status, 404);
    assert.equal((await fetchLocal(responder.port, '/')).status, 404);
    assert.equal((await fetchLocal(responder.port, '/etc/passwd')).status, 404);
    assert.equal((await fetchLocal(responder.port, '/.well-known/acme-challenge/tok-1', 'POST')).status, 404);
    responder.remove('tok-1');
    assert.equal((await fetchLocal(responder.port, '/.well-known/acme-challenge/tok-1')).status, 404, 'a removed token is gone');
  } finally {
    await responder.close();
  }
});

test('a port in use: NETWORK "in use by another program", with a hint', async () => {
  const other: Server = createServer((_q, r) => r.end());
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const port = (other.address() as AddressInfo).port;
  try {
    await assert.rejects(startHttp01Responder({ port, address: '127.0.0.1' }), (e: Coded) => {
      assert.equal(e.code, 'NETWORK');
      assert.match(e.message, new RegExp(`port ${port} is in use by another program`));
      assert.match(e.hint!, /Stop that program|by hand/);
      return true;
    });
  } finally {
    await new Promise((r) => other.close(r));
  }
});

test('bad port numbers and an address not on this machine are explained', async () => {
  await assert.rejects(startHttp01Responder({ port: 70000 }), (e: Coded) => e.code === 'INVALID_ARGUMENT');
  await assert.rejects(startHttp01Responder({ port: 1.5 }), (e: Coded) => e.code === 'INVALID_ARGUMENT');
  // 192.0.2.1 (TEST-NET-1) is never a local address: binding fails without sending anything
  await assert.rejects(startHttp01Responder({ port: 0, address: '192.0.2.1' }), (e: Coded) => e.code === 'NETWORK' && /not an address of this machine/.test(e.message));
});

test('a privileged port without the right to use it: NETWORK "needs administrator rights"', () => {
  const firstFree = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
  assert.ok(firstFree > 1, 'this machine has privileged ports');
  const port = Math.min(80, firstFree - 1);
  // The responder bundled into one script, run by an unprivileged user (root may bind any port; the
  // bundle needs no access to the checkout, which that user may not be able to read).
  const bundle = buildSync({ entryPoints: [join(ROOT, 'main/pki/acme/http01-server.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' }).outputFiles[0].text;
  const script = `${bundle}\nmodule.exports.startHttp01Responder({ port: ${port}, address: '127.0.0.1' }).then(` +
    `(r) => { console.log('LISTENING'); return r.close(); }, (e) => console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint })))`;
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const run = spawnSync(process.execPath, ['-e', script], { cwd: '/', encoding: 'utf8', timeout: 20_000, ...asUser });
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  assert.notEqual(line, 'LISTENING');
  const error = JSON.parse(line) as { code: string; message: string; hint: string };
  assert.equal(error.code, 'NETWORK');
  assert.match(error.message, new RegExp(`may not listen on 127\\.0\\.0\\.1:${port}: a port below 1024 needs administrator rights`));
  assert.match(error.hint, /setcap cap_net_bind_service|higher port/);
});

test('close() ends kept-alive connections and frees the port at once', async () => {
  const responder = await startHttp01Responder({ port: 0, address: '127.0.0.1' });
  responder.set('t', 'v');
  const agent = new Agent({ keepAlive: true });
  assert.equal((await fetchLocal(responder.port, '/.well-known/acme-challenge/t', 'GET', agent)).body, 'v');
  const started = Date.now();
  await responder.close();
  assert.ok(Date.now() - started < 1000, 'close did not wait for the idle keep-alive socket');
  const again = await startHttp01Responder({ port: responder.port, address: '127.0.0.1' });
  await again.close();
  agent.destroy();
});

/**
 * tlsFetch's failures against real loopback servers: each is a PkiError NETWORK (or CANCELLED,
 * INVALID_ARGUMENT) whose message says what happened in plain words, within the time limit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { LocalServers } from '../../../test/helpers/tls-servers';
import { makeTestPki, type IssuedCert } from '../../../test/helpers/test-pki';
import { socketError } from './net-errors';
import { tlsFetch } from './tls-fetch';

const servers = new LocalServers();
let leaf: IssuedCert;

before(() => {
  leaf = makeTestPki('Errors Root').issueLeaf('errors-leaf');
});
after(() => servers.closeAll());

const silent = () => servers.tcp(() => {});

describe('connecting', () => {
  test('refused: nothing listens on the port', async () => {
    const port = await servers.closedPort();
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port} refused the connection`));
    assert.match(e.hint, /port/);
  });

  test('a bad port or an empty host is INVALID_ARGUMENT before any connection', async () => {
    await rejectsWith(tlsFetch({ host: '127.0.0.1', port: 0 }), 'INVALID_ARGUMENT');
    await rejectsWith(tlsFetch({ host: '127.0.0.1', port: 70000 }), 'INVALID_ARGUMENT');
    await rejectsWith(tlsFetch({ host: ' ', port: 443 }), 'INVALID_ARGUMENT');
  });

  // A real lookup of an unknown name would ask this machine's resolver, which is not on loopback, so the
  // DNS wording is checked on the error Node's resolver gives (code ENOTFOUND), not by resolving a name.
  test('DNS failure wording', () => {
    const e = socketError(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' }), 'nowhere.test', 443, 'connecting');
    assert.equal(e.code, 'NETWORK');
    assert.equal(e.message, 'The name nowhere.test could not be found (DNS).');
    const again = socketError(new AggregateError([Object.assign(new Error('x'), { code: 'EAI_AGAIN' })]), 'slow.test', 443, 'connecting');
    assert.match(again.message, /DNS did not answer/);
  });
});

describe('timeouts and cancelling', () => {
  test('a server that accepts and never answers: timeout naming the handshake', async () => {
    const port = await silent();
    const started = Date.now();
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, timeoutMs: 400 }), 'NETWORK');
    assert.match(e.message, /did not answer in time: nothing after 0\.4 s while doing the TLS handshake/);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  test('a mail server that never greets: timeout naming the STARTTLS step', async () => {
    const port = await silent();
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'smtp', timeoutMs: 300 }), 'NETWORK');
    assert.match(e.message, /while waiting for the SMTP greeting/);
  });

  test('an abort signal stops the fetch with CANCELLED', async () => {
    const port = await silent();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await rejectsWith(tlsFetch({ host: '127.0.0.1', port, signal: controller.signal }), 'CANCELLED');
    assert.ok(Date.now() - started < 2000);
  });

  test('an already aborted signal does not connect at all', async () => {
    let connections = 0;
    const port = await servers.tcp(() => connections++);
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(tlsFetch({ host: '127.0.0.1', port, signal: controller.signal }), 'CANCELLED');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(connections, 0);
  });
});

describe('not TLS', () => {
  test('plain HTTP on the port: "is this the TLS port?" with its answer quoted', async () => {
    const port = await servers.tcp((s) => s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, /The server answered in plain text: is this the TLS port\? 127\.0\.0\.1:\d+ said "HTTP\/1\.1 400 Bad Request"/);
    assert.match(e.hint, /plain HTTP/);
  });

  test('a mail greeting without --starttls suggests STARTTLS', async () => {
    const port = await servers.tcp((s) => s.write('220 mail.example.test ESMTP ready\r\n'));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, /plain text.*"220 mail\.example\.test ESMTP ready"/);
    assert.match(e.hint, /STARTTLS smtp/);
  });

  test('binary that is not TLS: its first bytes are shown', async () => {
    const port = await servers.tcp((s) => s.once('data', () => s.end(Buffer.from([0x00, 0x01, 0xfe, 0xff, 0x10, 0x20, 0x30, 0x40, 0x50]))));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, /did not answer with TLS \(its first bytes were 00 01 fe ff 10 20 30 40\)/);
  });

  test('a server that closes without a word', async () => {
    const port = await servers.tcp((s) => s.end());
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, /closed the connection while waiting for the TLS handshake/);
  });

  test('a server that resets the connection', async () => {
    const port = await servers.tcp((s) => s.once('data', () => s.resetAndDestroy()));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, /reset the connection|closed the connection/);
  });
});

describe('handshake failures name the alert', () => {
  test('protocol_version: a server stuck at TLS 1.1', async () => {
    const { port } = await servers.tls({ key: readFileSync(leaf.keyPath), cert: leaf.pem, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' });
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, /failed: the server sent the alert protocol_version/);
    assert.match(e.hint, /older than TLS 1\.2/);
  });

  test('handshake_failure: no cipher in common', async () => {
    // An EC certificate with only an RSA-authenticated suite allowed: the server has nothing to choose.
    const { port } = await servers.tls({ key: readFileSync(leaf.keyPath), cert: leaf.pem, maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' });
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port }), 'NETWORK');
    assert.match(e.message, /the server sent the alert handshake_failure/);
  });
});

/**
 * tlsFetch against real node tls servers on loopback: the served certificates byte for byte in the order
 * configured (wrong order, duplicates, an unrelated extra), in TLS 1.2 and 1.3 (decrypted), with each TLS 1.3
 * cipher Node offers and a HelloRetryRequest; client-certificate requests and their CA names (compared with
 * OpenSSL's RFC 2253 subjects); SNI, ALPN, IPv6, stapled OCSP, key exchange names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { TlsOptions } from 'node:tls';
import { derOf, LocalServers, ocspResponseFor, rfc2253Subject } from '../../../test/helpers/tls-servers';
import { makeTestPki, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { tlsFetch } from './tls-fetch';

const servers = new LocalServers();
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;
let rsaLeaf: IssuedCert;
let other: TestCaHandle;
let key: Buffer;

before(() => {
  root = makeTestPki('Fetch Root');
  inter = root.issueCa('Fetch Intermediate');
  leaf = inter.issueLeaf('fetch-leaf');
  rsaLeaf = inter.issueLeaf('fetch-rsa', { key: 'rsa' });
  other = makeTestPki('Unrelated Root');
  key = readFileSync(leaf.keyPath);
});
after(() => servers.closeAll());

/** Leaf, root, intermediate twice, an unrelated root: every mistake a server config makes, in one chain. */
const messyChain = () => [leaf.pem, root.pem, inter.pem, inter.pem, other.pem];

async function serve(options: TlsOptions, host = '127.0.0.1') {
  return (await servers.tls({ key, cert: messyChain().join(''), ...options }, host)).port;
}

for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
  describe(`served certificates, ${version}`, () => {
    test('are exactly what the server was configured with, in order, with duplicates and extras', async () => {
      const port = await serve({ minVersion: version, maxVersion: version });
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.equal(r.protocol, version);
      assert.deepEqual(r.served, messyChain().map(derOf));
      assert.deepEqual(r.notes, []);
      assert.equal(r.address, '127.0.0.1');
      assert.equal(r.servername, null);
      assert.equal(r.starttls, null);
      assert.equal(r.stapledOcsp, null);
      assert.deepEqual(r.clientCertificate, { requested: false, acceptedIssuers: null, note: null });
      assert.ok(r.durationMs >= 0 && r.durationMs < 10_000);
    });

    test('a Certificate message larger than one TLS record (60 certificates) is reassembled', async () => {
      const many = [leaf.pem, ...Array.from({ length: 59 }, (_, i) => (i % 2 ? inter.pem : other.pem))];
      const port = (await servers.tls({ key, cert: many.join(''), minVersion: version, maxVersion: version })).port;
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.ok(r.served.reduce((n, c) => n + c.length, 0) > 16384, 'the chain spans records');
      assert.deepEqual(r.served, many.map(derOf));
    });

    test('a leaf alone is a list of one', async () => {
      const port = (await servers.tls({ key, cert: leaf.pem, minVersion: version, maxVersion: version })).port;
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.deepEqual(r.served, [derOf(leaf.pem)]);
    });

    test('a required client certificate: the server aborts, yet the chain and the CA names it accepts are reported', async () => {
      const port = await serve({ minVersion: version, maxVersion: version, requestCert: true, rejectUnauthorized: true, ca: [inter.pem, other.pem] });
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.deepEqual(r.served, messyChain().map(derOf));
      assert.equal(r.clientCertificate.requested, true);
      assert.deepEqual(r.clientCertificate.acceptedIssuers, [rfc2253Subject(inter.pem), rfc2253Subject(other.pem)]);
      assert.match(r.clientCertificate.note ?? '', /^Required/);
    });

    test('an optional client certificate: the server goes on without one', async () => {
      const port = await serve({ minVersion: version, maxVersion: version, requestCert: true, rejectUnauthorized: false, ca: [root.pem] });
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.equal(r.clientCertificate.requested, true);
      assert.deepEqual(r.clientCertificate.acceptedIssuers, [rfc2253Subject(root.pem)]);
      assert.match(r.clientCertificate.note ?? '', /^Optional/);
      assert.deepEqual(r.notes, []);
    });

    test('a request that names no CAs: an empty list, and the note says any certificate may be offered', async () => {
      const port = await serve({ minVersion: version, maxVersion: version, requestCert: true, rejectUnauthorized: false });
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.equal(r.clientCertificate.requested, true);
      assert.deepEqual(r.clientCertificate.acceptedIssuers, []);
      assert.match(r.clientCertificate.note ?? '', /names no CAs/);
    });

    test('a stapled OCSP response is returned as the server stapled it', async () => {
      const ocsp = ocspResponseFor(inter, leaf);
      const { port, server } = await servers.tls({ key, cert: leaf.pem + inter.pem, minVersion: version, maxVersion: version });
      server.on('OCSPRequest', (_cert: Buffer, _issuer: Buffer, done: (err: Error | null, resp: Buffer) => void) => done(null, Buffer.from(ocsp)));
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.deepEqual(r.stapledOcsp, ocsp);
    });
  });
}

test('TLS 1.2: a server that hangs up without an alert after asking for a client certificate', async () => {
  // A TCP relay in front of a real TLS server passes the server's first flight on, then drops the connection
  // when the client answers it (as some load balancers do when no client certificate comes).
  const backend = await serve({ maxVersion: 'TLSv1.2', requestCert: true, rejectUnauthorized: false, ca: [root.pem] });
  const port = await servers.tcp((client) => {
    const upstream = connect(backend, '127.0.0.1');
    upstream.on('error', () => {});
    let flights = 0;
    client.on('data', (d) => (++flights === 1 ? upstream.write(d) : (client.destroy(), upstream.destroy())));
    upstream.on('data', (d) => client.write(d));
  });
  const r = await tlsFetch({ host: '127.0.0.1', port });
  assert.deepEqual(r.served, messyChain().map(derOf));
  assert.equal(r.clientCertificate.requested, true);
  assert.match(r.clientCertificate.note ?? '', /^Probably required/);
  assert.match(r.notes.join(' '), /did not complete/);
});

describe('TLS 1.3 ciphers and key exchange', () => {
  for (const suite of ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']) {
    test(`${suite}: the encrypted Certificate message is read`, async () => {
      const port = await serve({ minVersion: 'TLSv1.3', ciphers: suite });
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.equal(r.cipher, suite);
      assert.deepEqual(r.served, messyChain().map(derOf));
      assert.deepEqual(r.notes, []);
    });
  }

  test('after a HelloRetryRequest (the server only takes P-384)', async () => {
    const port = await serve({ minVersion: 'TLSv1.3', ecdhCurve: 'secp384r1' });
    const r = await tlsFetch({ host: '127.0.0.1', port });
    assert.equal(r.keyExchange, 'ECDH P-384');
    assert.deepEqual(r.served, messyChain().map(derOf));
  });

  test('X25519 by default', async () => {
    const port = await serve({ minVersion: 'TLSv1.3' });
    assert.equal((await tlsFetch({ host: '127.0.0.1', port })).keyExchange, 'X25519');
  });
});

describe('TLS 1.2 key exchange and cipher names', () => {
  test('ECDHE on P-256 with an IANA cipher name', async () => {
    const port = await serve({ maxVersion: 'TLSv1.2', ecdhCurve: 'prime256v1' });
    const r = await tlsFetch({ host: '127.0.0.1', port });
    assert.equal(r.keyExchange, 'ECDH P-256');
    assert.equal(r.cipher, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256');
  });

  test('finite-field DHE with an RSA certificate', async () => {
    const { port } = await servers.tls({
      key: readFileSync(rsaLeaf.keyPath),
      cert: rsaLeaf.pem + inter.pem,
      maxVersion: 'TLSv1.2',
      ciphers: 'DHE-RSA-AES128-GCM-SHA256',
      dhparam: 'auto',
    } as TlsOptions);
    const r = await tlsFetch({ host: '127.0.0.1', port });
    assert.equal(r.cipher, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256');
    assert.match(r.keyExchange ?? '', /^DH \d{4}$/);
    assert.deepEqual(r.served, [derOf(rsaLeaf.pem), derOf(inter.pem)]);
  });
});

describe('names and addresses', () => {
  /** A server that records the SNI each client sent ('' for none). */
  async function sniServer() {
    const seen: string[] = [];
    const { port } = await servers.tls({
      key,
      cert: leaf.pem,
      SNICallback: (name, cb) => {
        seen.push(name);
        cb(null, undefined);
      },
    });
    return { port, seen };
  }

  test('SNI is the host name by default', async () => {
    const { port, seen } = await sniServer();
    const r = await tlsFetch({ host: 'localhost', port });
    assert.equal(r.servername, 'localhost');
    assert.deepEqual(seen, ['localhost']);
  });

  test('SNI can be another name, or none', async () => {
    const { port, seen } = await sniServer();
    const named = await tlsFetch({ host: '127.0.0.1', port, servername: 'shop.example.test' });
    assert.equal(named.servername, 'shop.example.test');
    const none = await tlsFetch({ host: 'localhost', port, servername: null });
    assert.equal(none.servername, null);
    assert.deepEqual(seen, ['shop.example.test']);
  });

  test('no SNI for an IP address, even one given as the servername', async () => {
    const { port, seen } = await sniServer();
    await tlsFetch({ host: '127.0.0.1', port });
    const r = await tlsFetch({ host: 'localhost', port, servername: '127.0.0.1' });
    assert.equal(r.servername, null);
    assert.deepEqual(seen, []);
  });

  test('IPv6 ::1, with or without brackets', async () => {
    const port = await serve({}, '::1');
    for (const host of ['::1', '[::1]']) {
      const r = await tlsFetch({ host, port });
      assert.equal(r.address, '::1');
      assert.equal(r.host, '::1');
      assert.equal(r.servername, null);
      assert.deepEqual(r.served, messyChain().map(derOf));
    }
  });

  test('ALPN offers h2 and http/1.1', async () => {
    const h2 = await serve({ ALPNProtocols: ['h2'] });
    assert.equal((await tlsFetch({ host: '127.0.0.1', port: h2 })).alpn, 'h2');
    const h1 = await serve({ ALPNProtocols: ['http/1.1'] });
    assert.equal((await tlsFetch({ host: '127.0.0.1', port: h1 })).alpn, 'http/1.1');
    const none = await serve({});
    assert.equal((await tlsFetch({ host: '127.0.0.1', port: none })).alpn, null);
  });
});

/**
 * The server-flight reader on real handshakes captured from a node tls server (TLS 1.2 and 1.3): what it
 * reads, what it does without the keylog secrets or with wrong ones (the report falls back to the TLS
 * library's chain and says so), and that cut-short or damaged bytes never make it throw.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { derOf, LocalServers, rfc2253Subject } from '../../../test/helpers/tls-servers';
import { makeTestPki, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { Deadline } from './deadline';
import { runHandshake, type HandshakeOutcome } from './tls-handshake-run';
import { tlsReport } from './tls-report';
import { readServerFlight } from './tls-server-flight';

const servers = new LocalServers();
let root: TestCaHandle;
let inter: TestCaHandle;
let leaf: IssuedCert;
const captured = new Map<string, HandshakeOutcome>();

async function capture(version: 'TLSv1.2' | 'TLSv1.3'): Promise<HandshakeOutcome> {
  const { port } = await servers.tls({
    key: readFileSync(leaf.keyPath),
    cert: leaf.pem + root.pem + inter.pem,
    minVersion: version,
    maxVersion: version,
    requestCert: true,
    rejectUnauthorized: false,
    ca: [inter.pem],
  });
  const socket = connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  const deadline = new Deadline(`127.0.0.1:${port}`, 5000);
  try {
    return await runHandshake(socket, { servername: null, alpn: null, watchAfter: () => true, watchMs: 500 }, deadline);
  } finally {
    deadline.dispose();
  }
}

before(async () => {
  root = makeTestPki('Flight Root');
  inter = root.issueCa('Flight Intermediate');
  leaf = inter.issueLeaf('flight-leaf');
  captured.set('TLSv1.2', await capture('TLSv1.2'));
  captured.set('TLSv1.3', await capture('TLSv1.3'));
});
after(() => servers.closeAll());

const facts = { host: '127.0.0.1', port: 1, address: '127.0.0.1', servername: null, starttls: null };

for (const version of ['TLSv1.2', 'TLSv1.3'] as const) {
  describe(version, () => {
    test('reads the hello, the certificates as sent and the CA names', () => {
      const o = captured.get(version)!;
      const flight = readServerFlight(o.inbound, o.secrets);
      assert.equal(flight.hello?.version, version === 'TLSv1.3' ? 0x0304 : 0x0303);
      assert.deepEqual(flight.certificates, [leaf.pem, root.pem, inter.pem].map(derOf));
      assert.equal(flight.certificateRequest?.authorities.length, 1);
      assert.equal(flight.unreadable, null);
      const report = tlsReport(facts, o, 1);
      assert.deepEqual(report.clientCertificate.acceptedIssuers, [rfc2253Subject(inter.pem)]);
    });

    test('every cut-short prefix and damaged byte is read without throwing', () => {
      const o = captured.get(version)!;
      const sent = [leaf.pem, root.pem, inter.pem].map(derOf);
      for (let n = 0; n <= o.inbound.length; n += Math.ceil(o.inbound.length / 60)) {
        const flight = readServerFlight(o.inbound.subarray(0, n), o.secrets);
        if (flight.certificates) assert.deepEqual(flight.certificates, sent);
      }
      for (let i = 0; i < o.inbound.length; i += Math.ceil(o.inbound.length / 80)) {
        const damaged = Uint8Array.from(o.inbound);
        damaged[i] ^= 0x5a;
        assert.doesNotThrow(() => readServerFlight(damaged, o.secrets));
      }
    });
  });
}

describe('TLS 1.3 without usable secrets', () => {
  test('no secrets: unreadable, and the report falls back to the library chain with a note', () => {
    const o = captured.get('TLSv1.3')!;
    const flight = readServerFlight(o.inbound, new Map());
    assert.equal(flight.certificates, null);
    assert.match(flight.unreadable ?? '', /did not hand out the handshake secret/);
    const report = tlsReport(facts, { ...o, secrets: new Map() }, 1);
    // Node rebuilds the chain from the leaf by issuer: the order (and here the root) the server sent is lost.
    assert.deepEqual(report.served, o.libraryChain);
    assert.deepEqual(report.served[0], derOf(leaf.pem));
    assert.notDeepEqual(report.served, [leaf.pem, root.pem, inter.pem].map(derOf));
    assert.match(report.notes.join(' '), /exact order the server sent its certificates could not be read/);
    assert.equal(report.clientCertificate.requested, false);
    assert.equal(report.clientCertificate.acceptedIssuers, null);
    assert.match(report.clientCertificate.note ?? '', /^Not known/);
  });

  test('a wrong secret: the records do not decrypt', () => {
    const o = captured.get('TLSv1.3')!;
    const wrong = new Map([...o.secrets].map(([k, v]) => [k, Uint8Array.from(v, (b) => b ^ 1)]));
    const flight = readServerFlight(o.inbound, wrong);
    assert.equal(flight.certificates, null);
    assert.match(flight.unreadable ?? '', /did not decrypt/);
  });
});

test('bytes that are not TLS are flagged as such', () => {
  const flight = readServerFlight(new TextEncoder().encode('HTTP/1.1 400 Bad Request\r\n\r\n'), new Map());
  assert.equal(flight.notTls, true);
});

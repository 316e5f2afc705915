/**
 * tlsFetch against `openssl s_server`, with `openssl s_client` as the second opinion: the served chain in
 * the order s_client -showcerts received it (configured with -cert_chain in a wrong order, with a
 * duplicate), the client CA names s_client lists (-Verify / -verify with -CAfile), stapled OCSP
 * (-status_file), and a fatal unrecognized_name alert (-servername_fatal).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { derOf, LocalServers, ocspResponseFor, opensslClientView } from '../../../test/helpers/tls-servers';
import { makeTestPki, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { tlsFetch } from './tls-fetch';

const servers = new LocalServers();
let root: TestCaHandle;
let inter: TestCaHandle;
let other: TestCaHandle;
let leaf: IssuedCert;
let chainFile: string;
let clientCaFile: string;
let ocspFile: string;
let ocsp: Uint8Array;

before(() => {
  root = makeTestPki('S_server Root');
  inter = root.issueCa('S_server Intermediate');
  other = makeTestPki('Partner Client CA');
  leaf = inter.issueLeaf('s-server-leaf');
  chainFile = join(inter.dir, 'chain-wrong-order.pem');
  writeFileSync(chainFile, root.pem + inter.pem + inter.pem);
  clientCaFile = join(inter.dir, 'client-cas.pem');
  writeFileSync(clientCaFile, inter.pem + other.pem);
  ocsp = ocspResponseFor(inter, leaf);
  ocspFile = join(inter.dir, 'staple.der');
  writeFileSync(ocspFile, ocsp);
});
after(() => servers.closeAll());

const base = () => ['-cert', leaf.certPath, '-key', leaf.keyPath, '-cert_chain', chainFile];

for (const version of ['-tls1_2', '-tls1_3']) {
  const name = version === '-tls1_2' ? 'TLSv1.2' : 'TLSv1.3';
  describe(`openssl s_server ${name}`, () => {
    test('served: the -cert_chain order, duplicate included, as s_client received it', async () => {
      const port = await servers.opensslServer([...base(), version]);
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.equal(r.protocol, name);
      const expected = [leaf.pem, root.pem, inter.pem, inter.pem].map(derOf);
      assert.deepEqual(r.served, expected);
      assert.deepEqual(opensslClientView(port).served, expected);
    });

    test('-Verify 1 -CAfile: a required client certificate and the CA names s_client lists', async () => {
      const port = await servers.opensslServer([...base(), version, '-Verify', '1', '-CAfile', clientCaFile]);
      const r = await tlsFetch({ host: '127.0.0.1', port });
      const peer = opensslClientView(port);
      assert.equal(r.clientCertificate.requested, true);
      assert.ok(peer.caNames.length > 0, 's_client saw CA names');
      assert.deepEqual(r.clientCertificate.acceptedIssuers, peer.caNames);
      assert.match(r.clientCertificate.note ?? '', /^Required/);
      assert.deepEqual(r.served, peer.served);
    });

    test('-verify 1: an optional client certificate', async () => {
      const port = await servers.opensslServer([...base(), version, '-verify', '1', '-CAfile', clientCaFile]);
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.equal(r.clientCertificate.requested, true);
      assert.deepEqual(r.clientCertificate.acceptedIssuers, opensslClientView(port).caNames);
      assert.match(r.clientCertificate.note ?? '', /^Optional/);
    });

    test('-status_file: the stapled OCSP response, byte for byte', async () => {
      const port = await servers.opensslServer([...base(), version, '-status_file', ocspFile]);
      const r = await tlsFetch({ host: '127.0.0.1', port });
      assert.deepEqual(r.stapledOcsp, ocsp);
    });
  });
}

test('-servername_fatal: a name the server does not serve ends in unrecognized_name', async () => {
  const port = await servers.opensslServer([...base(), '-servername', 'shop.example.test', '-servername_fatal', '-cert2', leaf.certPath, '-key2', leaf.keyPath]);
  const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, servername: 'other.example.test' }), 'NETWORK');
  assert.match(e.message, /the server sent the alert unrecognized_name/);
  assert.match(e.hint, /servername/);
  const ok = await tlsFetch({ host: '127.0.0.1', port, servername: 'shop.example.test' });
  assert.equal(ok.servername, 'shop.example.test');
});

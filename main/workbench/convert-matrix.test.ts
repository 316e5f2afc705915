/**
 * The conversion matrix: every input format × every output format, through the api the Convert page uses,
 * each output read by a peer (openssl storeutl / pkcs7, keytool) and compared with what went in: the same
 * certificates in signature order, the same key, and the key still belonging to its certificate.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, fixtureJson, ROOT } from '../../test/helpers/fixtures';
import { keytoolView, opensslView, type PeerView } from '../../test/helpers/peer-view';
import type { ConvertTarget, ObjectSummaryDto, WrittenFileDto } from '../api/dto';
import { createWorkbench } from '.';

interface Input {
  name: string;
  paths: string[];
  password?: string;
  /** Expected leaf → root fingerprints (made by openssl, from a manifest) when known independently. */
  chain?: string[];
}

const x509 = fixtureJson('x509', 'manifest.json');
const E2E = (f: string) => join(ROOT, 'e2e', 'fixtures', f);
const PYJKS = join(ROOT, '..', 'shared', 'corpus', 'keystores', 'pyjks', 'tests', 'keystores');

const INPUTS: Input[] = [
  { name: 'PFX (OpenSSL, RSA + root)', paths: [E2E('server.pfx')], password: 'correct horse' },
  { name: 'JKS (keytool)', paths: [E2E('keystore.jks')], password: 'changeit' },
  { name: 'legacy PFX (RC2-40, EC)', paths: [fixture('pkcs12', 'legacy-ec.pfx')], password: 'Certbench-Test-1' },
  {
    name: 'PEM pieces in the wrong order (root, key, intermediate, leaf)',
    paths: [fixture('x509', 'root.pem'), fixture('x509', 'leaf.key'), fixture('x509', 'inter.pem'), fixture('x509', 'leaf.pem')],
    chain: [x509['leaf.pem'].sha256, x509['inter.pem'].sha256, x509['root.pem'].sha256],
  },
  { name: 'P7B chain + PKCS#1 key', paths: [fixture('x509', 'chain.p7b'), fixture('x509', 'leaf.key')] },
  { name: 'JCEKS (pyjks corpus, RSA, 3 certificates)', paths: [join(PYJKS, 'jceks', 'RSA2048_3certs.jceks')], password: '12345678' },
];

const TARGETS: ConvertTarget[] = ['pem', 'fullchain', 'certbot', 'der', 'p7b', 'p7b-der', 'pfx', 'jks', 'jceks', 'pkcs8', 'pkcs8-der', 'pkcs1'];
// ASCII: keytool decodes its -storepass argument with the platform charset, which mangles non-ASCII under the
// C locale even for files OpenSSL wrote; non-ASCII passwords are covered by the writers' tests through Java's API.
const OUT_PASSWORD = 'Out-password-1';

for (const input of INPUTS) {
  test(`convert matrix: ${input.name} → every format, read back by openssl and keytool`, async () => {
    const wb = createWorkbench();
    wb.grants.grant(input.paths);
    const state = await wb.handlers['documents.openPaths']({ paths: input.paths, password: input.password });
    for (const d of state.documents) assert.equal(d.status, 'ready', `${d.name}: ${d.error?.message ?? d.lock?.message}`);
    const rows = state.documents.flatMap((d) => d.objects);
    const key = rows.find((r) => r.kind === 'privateKey');
    assert.ok(key, 'every input of the matrix holds a private key');
    const leaf = rows.find((r) => r.kind === 'certificate' && r.spkiSha256 === key.spkiSha256);
    assert.ok(leaf, 'and its certificate');

    for (const target of TARGETS) {
      const folder = mkdtempSync(join(tmpdir(), `matrix-${target}-`));
      wb.folders.grant(folder);
      const source = { documentIds: state.documents.map((d) => d.id) };
      const preview = await wb.handlers['convert.preview']({ source, target });
      assert.equal(preview.blocked, null, `${target}: ${preview.blocked?.message}`);
      const expectedChain = preview.chain.map((c) => rowOf(rows, c.objectId).sha256!);
      if (input.chain && ['p7b', 'p7b-der', 'pfx', 'jks', 'jceks'].includes(target)) assert.deepEqual(expectedChain, input.chain, `${target}: signature order`);
      if (input.chain && target === 'pem') assert.deepEqual(expectedChain, input.chain.slice(0, -1), 'pem: signature order, the root left out');
      if (target.startsWith('pkcs')) assert.deepEqual(expectedChain, [], `${target}: a key file holds no certificate`);
      else assert.equal(expectedChain[0], leaf.sha256, `${target}: the leaf comes first`);
      const { written } = await wb.handlers['convert.run']({ source, target, destination: { folder }, password: OUT_PASSWORD, keyPassword: undefined });
      await checkWritten(target, written, { chain: expectedChain, keySpki: key.spkiSha256!, rows });
    }
  });
}

interface Expected {
  chain: string[];
  keySpki: string;
  rows: ObjectSummaryDto[];
}

function rowOf(rows: ObjectSummaryDto[], id: string): ObjectSummaryDto {
  const row = rows.find((r) => r.id === id);
  assert.ok(row, `row ${id}`);
  return row;
}

const withoutRoot = (e: Expected) => e.chain.filter((sha, i) => i === 0 || !e.rows.find((r) => r.sha256 === sha)?.selfSigned);

async function checkWritten(target: ConvertTarget, written: WrittenFileDto[], e: Expected): Promise<void> {
  const file = (role: string) => {
    const f = written.find((w) => w.path.endsWith(role));
    assert.ok(f, `${target}: ${role} written (got ${written.map((w) => w.path).join(', ')})`);
    return f.path;
  };
  for (const w of written) assert.equal(statSync(w.path).mode & 0o777, w.secret ? 0o600 : 0o644, `${w.path} mode`);
  const view = (path: string, options?: Parameters<typeof opensslView>[1]) => opensslView(path, { password: OUT_PASSWORD, ...options });
  const keyOnly = (v: PeerView) => {
    assert.deepEqual(v.certs, [], `${target}: a key file holds only the key`);
    assert.deepEqual(v.keySpkis, [e.keySpki], `${target}: the same key`);
  };
  switch (target) {
    case 'pem': {
      const v = await view(written[0].path);
      assert.deepEqual(v.certs, withoutRoot(e), 'pem: leaf and intermediates in signature order (no root by default)');
      assert.deepEqual(v.keySpkis, [e.keySpki], 'pem: the key after the certificates');
      return;
    }
    case 'fullchain':
      assert.deepEqual(await view(written[0].path), { certs: withoutRoot(e), keySpkis: [] });
      return;
    case 'certbot': {
      const chain = withoutRoot(e);
      assert.deepEqual((await view(file('cert.pem'))).certs, chain.slice(0, 1));
      if (chain.length > 1) assert.deepEqual((await view(file('chain.pem'))).certs, chain.slice(1));
      assert.deepEqual((await view(file('fullchain.pem'))).certs, chain);
      keyOnly(await view(file('privkey.pem')));
      return;
    }
    case 'der':
      assert.deepEqual((await view(written[0].path)).certs, e.chain.slice(0, 1));
      return;
    case 'p7b':
    case 'p7b-der':
      assert.deepEqual((await view(written[0].path, { p7b: target === 'p7b' ? 'pem' : 'der' })).certs, e.chain, `${target}: the whole chain, root included`);
      return;
    case 'pfx': {
      const v = await view(written[0].path);
      assert.deepEqual(v.keySpkis, [e.keySpki]);
      assert.deepEqual([...v.certs].sort(), [...e.chain].sort(), 'pfx: every certificate of the chain');
      const java = await keytoolView(written[0].path, 'PKCS12', OUT_PASSWORD);
      const entry = java.find((x) => x.type === 'PrivateKeyEntry');
      assert.deepEqual(entry?.certs, e.chain, 'keytool: the key entry with its chain leaf → root');
      return;
    }
    case 'jks':
    case 'jceks': {
      const java = await keytoolView(written[0].path, target === 'jks' ? 'JKS' : 'JCEKS', OUT_PASSWORD);
      const entry = java.find((x) => x.type === 'PrivateKeyEntry');
      assert.deepEqual(entry?.certs, e.chain, `${target}: the key entry with its chain leaf → root`);
      return;
    }
    case 'pkcs8':
    case 'pkcs1':
      keyOnly(await view(written[0].path));
      return;
    case 'pkcs8-der':
      keyOnly(await view(written[0].path));
      return;
  }
}

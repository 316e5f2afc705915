/**
 * End to end: `certbench chain --revocation ocsp|crl|both` on files made by `openssl ca`, with `openssl ocsp`
 * responders and a node CRL server on 127.0.0.1 named in the certificates' AIA and CRL distribution points.
 * Good, revoked and unknown as the doctor words them, each as openssl's own OCSP client sees it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { cli } from '../../../test/helpers/cli-run';
import { freePort, localHttpServer, type LocalServer } from '../../../test/helpers/local-http';
import { startOcspResponder, type OcspResponder } from '../../../test/helpers/ocsp-responder';
import { makeTestPki, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { readFileSync, writeFileSync } from 'node:fs';

let root: TestCaHandle, ca: TestCaHandle, noCrlCa: TestCaHandle;
let good: IssuedCert, revoked: IssuedCert, forgotten: IssuedCert, unknown: IssuedCert;
let crlServer: LocalServer;
const responders: OcspResponder[] = [];
let caResponder: OcspResponder, noCrlResponder: OcspResponder;

before(async () => {
  const crls = new Map<string, string>();
  crlServer = await localHttpServer((req, res) => {
    const crl = crls.get(req.url ?? '');
    if (crl) res.writeHead(200).end(crl);
    else res.writeHead(404).end();
  });
  const [rootPort, caPort, noCrlPort] = await Promise.all([freePort(), freePort(), freePort()]);
  root = makeTestPki('CLI Revocation Root', { publish: { ocsp: `http://127.0.0.1:${rootPort}`, crl: `${crlServer.url}/root.crl` } });
  ca = root.issueCa('CLI Revocation CA', { publish: { ocsp: `http://127.0.0.1:${caPort}`, crl: `${crlServer.url}/ca.crl` } });
  good = ca.issueLeaf('good', { san: ['DNS:good.test'] });
  revoked = ca.issueLeaf('revoked', { san: ['DNS:revoked.test'] });
  forgotten = ca.issueLeaf('forgotten', { san: ['DNS:forgotten.test'] });
  ca.revoke(revoked, 'keyCompromise');
  // A CA that publishes OCSP only.
  noCrlCa = root.issueCa('CLI Revocation CA Without CRL', { publish: { ocsp: `http://127.0.0.1:${noCrlPort}` } });
  unknown = noCrlCa.issueLeaf('unknown', { san: ['DNS:unknown.test'] });
  // The responders' indexes forget "forgotten" and "unknown": they answer unknown for them.
  forget(ca, forgotten);
  forget(noCrlCa, unknown);
  crls.set('/root.crl', root.crl());
  crls.set('/ca.crl', ca.crl());
  // Each kept as soon as it runs, so after() stops it even when a later one fails to start.
  const start = async (...args: Parameters<typeof startOcspResponder>) => {
    const responder = await startOcspResponder(...args);
    responders.push(responder);
    return responder;
  };
  await start(root, { port: rootPort });
  caResponder = await start(ca, { port: caPort });
  noCrlResponder = await start(noCrlCa, { port: noCrlPort });
});

function forget(issuer: TestCaHandle, cert: IssuedCert): void {
  writeFileSync(issuer.indexPath, readFileSync(issuer.indexPath, 'utf8').split('\n').filter((l) => !l.includes(`\t${cert.serial}\t`)).join('\n'));
}

after(async () => {
  await Promise.all(responders.map((r) => r.close()));
  await crlServer?.close();
});

interface Json {
  valid: boolean;
  chain: { subject: string; revocation: { status: string; method: string | null; reason: string | null; detail: string } | null }[];
  problems: { code: string; severity: string; message: string; certIndex: number | null }[];
  fetched: { kind: string; ok: boolean }[];
}

async function chain(leaf: IssuedCert, mode: string, issuer = ca): Promise<{ code: number; json: Json }> {
  const r = await cli('chain', leaf.certPath, issuer.certPath, '--trust', root.certPath, '--host', `${leaf.name}.test`, '--revocation', mode, '--json');
  return { code: r.code, json: JSON.parse(r.out) as Json };
}

function opensslSays(leaf: IssuedCert, issuer = ca, responder = caResponder): string {
  const out = execFileSync('openssl', ['ocsp', '-issuer', issuer.certPath, '-cert', leaf.certPath, '-url', responder.url, '-CAfile', root.certPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return /: (good|revoked|unknown)/.exec(out)![1];
}

test('good: valid, each certificate but the root good by OCSP', async () => {
  const { code, json } = await chain(good, 'ocsp');
  assert.equal(code, 0, JSON.stringify(json.problems));
  assert.equal(json.valid, true);
  assert.deepEqual(json.chain.map((c) => c.revocation && [c.revocation.status, c.revocation.method]), [['good', 'ocsp'], ['good', 'ocsp'], null]);
  assert.deepEqual(json.fetched.map((f) => [f.kind, f.ok]), [['ocsp', true], ['ocsp', true]]);
  assert.equal(opensslSays(good), 'good');
});

test('revoked: not valid, REVOKED on the leaf with its reason, by OCSP and by CRL', async () => {
  for (const mode of ['ocsp', 'crl', 'both']) {
    const { code, json } = await chain(revoked, mode);
    assert.equal(code, 1, mode);
    assert.equal(json.valid, false);
    const problem = json.problems.find((p) => p.code === 'REVOKED');
    assert.ok(problem, `${mode}: ${JSON.stringify(json.problems)}`);
    assert.equal(problem.certIndex, 0);
    assert.equal(json.chain[0].revocation?.status, 'revoked');
    assert.equal(json.chain[0].revocation?.reason, 'keyCompromise');
  }
  assert.equal(opensslSays(revoked), 'revoked');
});

test("unknown to the responder: 'ocsp' falls back to the CRL, which does not list it", async () => {
  const { json } = await chain(forgotten, 'ocsp');
  assert.deepEqual([json.chain[0].revocation?.status, json.chain[0].revocation?.method], ['good', 'crl']);
  assert.deepEqual(json.fetched.map((f) => f.kind), ['ocsp', 'crl', 'ocsp']);
  assert.equal(opensslSays(forgotten), 'unknown');
});

test('unknown to the responder and no CRL: REVOCATION_UNKNOWN on the leaf', async () => {
  const { json } = await chain(unknown, 'ocsp', noCrlCa);
  assert.equal(json.chain[0].revocation?.status, 'unknown');
  assert.match(json.chain[0].revocation!.detail, /does not know this certificate \(status unknown\), signed by the issuer\. The certificate names no CRL distribution point\.$/);
  const problem = json.problems.find((p) => p.code === 'REVOCATION_UNKNOWN');
  assert.ok(problem, JSON.stringify(json.problems));
  assert.equal(problem.certIndex, 0);
  assert.equal(problem.severity, 'warning');
  assert.equal(opensslSays(unknown, noCrlCa, noCrlResponder), 'unknown');
});

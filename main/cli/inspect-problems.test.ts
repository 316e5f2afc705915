/** `certbench inspect`: `problems` on every object (CLI.md), and OCSP responses, in JSON and in text. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { cli } from '../../test/helpers/cli-run';
import { fixture } from '../../test/helpers/fixtures';


test('inspect --json: every object carries problems, [] when nothing is wrong', async () => {
  const { out } = await cli('inspect', fixture('x509', 'chain.pem'), fixture('x509', 'leaf.key'), fixture('x509', 'host.csr'), fixture('x509', 'inter.crl'), '--json');
  const objects = JSON.parse(out).files.flatMap((f: { objects: unknown[] }) => f.objects);
  assert.equal(objects.length, 6);
  for (const o of objects.filter((o: { kind: string }) => o.kind !== 'csr')) assert.deepEqual(o.problems, [], o.kind);
  // The CSR is well formed; its lints say what a public CA would refuse (.test names, a documentation address).
  const csr = objects.find((o: { kind: string }) => o.kind === 'csr');
  assert.deepEqual(
    csr.problems.map((p: { code: string; severity: string; rule: string }) => [p.code, p.severity, p.rule]),
    [
      ['DNS_NAME_INTERNAL', 'warning', 'CA/B Forum BR 7.1.4.2.1 (internal names)'],
      ['DNS_NAME_INTERNAL', 'warning', 'CA/B Forum BR 7.1.4.2.1 (internal names)'],
      ['IP_ADDRESS_RESERVED', 'warning', 'CA/B Forum BR 7.1.4.2.1 (reserved IP addresses)'],
    ],
  );
});

test('inspect --json: a crafted certificate lists its problems with code, severity and message', async () => {
  const { out } = await cli('inspect', fixture('exact', 'san-ip5.pem'), fixture('exact', 'sigalg-mismatch.der'), '--json');
  const [ip5, mismatch] = JSON.parse(out).files.map((f: { objects: { problems: unknown[] }[] }) => f.objects[0]);
  assert.deepEqual(Object.keys(ip5.problems[0]), ['code', 'severity', 'message']);
  assert.equal(ip5.problems[0].code, 'BAD_IP_LENGTH');
  assert.equal(mismatch.problems[0].code, 'SIGNATURE_ALGORITHM_MISMATCH');
  assert.equal(mismatch.problems[0].severity, 'error');
});

test('inspect --json: an OCSP response, its statuses as openssl ocsp reads them, and its certificates', async () => {
  const { code, out } = await cli('inspect', fixture('ocsp', 'multi.der'), '--json');
  assert.equal(code, 0);
  const file = JSON.parse(out).files[0];
  assert.equal(file.format, 'ocsp-response');
  const [ocsp, ...certs] = file.objects;
  assert.equal(ocsp.kind, 'ocspResponse');
  assert.equal(ocsp.responseStatus, 'successful');
  const text = execFileSync('openssl', ['ocsp', '-respin', fixture('ocsp', 'multi.der'), '-resp_text', '-noverify'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\nCertificate:\n/)[0];
  assert.deepEqual(ocsp.responses.map((r: { status: string }) => r.status), [...text.matchAll(/Cert Status: (\w+)/g)].map((m) => m[1]));
  assert.deepEqual(ocsp.responses.map((r: { serial: string }) => r.serial), [...text.matchAll(/Serial Number: (\w+)/g)].map((m) => m[1]));
  assert.equal(certs.length, ocsp.certificateCount);
  assert.ok(certs.every((c: { kind: string }) => c.kind === 'certificate'));
  assert.deepEqual(ocsp.problems, []);
});

test('inspect: human output shows problems and OCSP statuses', async () => {
  const { out } = await cli('inspect', fixture('exact', 'san-nonascii.pem'), fixture('ocsp', 'revoked.pem'));
  assert.match(out, /PROBLEM +NON_ASCII_DNS: The DNS name "bücher\.example"/);
  assert.match(out, /OCSP response: successful, from CN=Certbench OCSP Responder,O=Certbench Test/);
  assert.match(out, /serial +1002: REVOKED 2026-01-15T12:00:00\.000Z \(keyCompromise\)/);
});

/**
 * acme.issue refuses a request that cannot succeed before anything is sent (the directory URL here answers
 * nothing: a refusal that got past the checks would be NETWORK, not INVALID_ARGUMENT). Names become the CA's form.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AcmeIssueRequest } from '../../api/dto';
import { rejectsWith } from '../../../test/helpers/pki-errors';
import { createWorkbench } from '../index';
import { normalizeDomains } from './domain-names';

const NOBODY = 'https://127.0.0.1:9/dir';

const request = (extra: Partial<AcmeIssueRequest> = {}): AcmeIssueRequest => ({
  directoryUrl: NOBODY,
  domains: ['www.example.test'],
  agreeTos: true,
  challenge: 'http-01',
  mode: 'serve',
  key: { generate: 'ec:P-256' },
  ...extra,
});

test('names: lower case, IDNs in punycode, a trailing dot dropped, wildcards kept; repeats, IPs, stray stars, single labels refused', () => {
  assert.deepEqual(normalizeDomains(['WWW.Example.TEST.', 'bücher.example.test', '*.Example.test']), ['www.example.test', 'xn--bcher-kva.example.test', '*.example.test']);
  const refusals: [string[], RegExp][] = [
    [[], /names no domain/],
    [Array.from({ length: 101 }, (_, i) => `n${i}.example.test`), /101 names.*at most 100/],
    [['a.example.test', 'A.EXAMPLE.TEST'], /same name \(a\.example\.test\)/],
    [['bücher.example.test', 'xn--bcher-kva.example.test'], /same name/],
    [['192.0.2.1'], /IP address/],
    [['[2001:db8::1]'], /IP address/],
    [['www.*.example.test'], /not the whole first label/],
    [['localhost'], /single label/],
    [['has space.example.test'], /not a DNS name: it contains a space/],
    [['-bad.example.test'], /starts or ends with a hyphen/],
    [['under_score.example.test'], /underscore/],
  ];
  for (const [names, why] of refusals) {
    assert.throws(() => normalizeDomains(names), (e: Error & { code?: string; hint?: string }) => e.code === 'INVALID_ARGUMENT' && why.test(e.message) && Boolean(e.hint));
  }
});

test('requests that cannot succeed are refused in words before the CA is asked anything', async () => {
  const wb = createWorkbench();
  const cases: [Partial<AcmeIssueRequest>, RegExp][] = [
    [{ directoryUrl: 'http://127.0.0.1:9/dir' }, /not https/],
    [{ directoryUrl: 'not a url' }, /not a URL/],
    [{ domains: ['*.example.test'] }, /\*\.example\.test is a wildcard: CAs validate wildcard names only over DNS-01/],
    [{ challenge: 'dns-01', mode: 'serve' }, /serve only HTTP-01/],
    [{ mode: 'hook', authHook: 'true' }, /only the command line/],
    [{ mode: 'manual', authHook: 'true' }, /Hooks were given/],
    [{ email: 'not-an-address' }, /not an email address/],
    [{ eab: { kid: 'kid', hmacKey: '' } }, /both the key ID and the HMAC key/],
    [{ eab: { kid: 'kid', hmacKey: 'not base64!' } }, /not base64url/],
    [{ httpPort: 70000 }, /not a port number/],
    [{ key: { generate: 'ed25519' as 'ec:P-256' } }, /not a key type for an ACME certificate/],
  ];
  for (const [extra, why] of cases) {
    const e = await rejectsWith(wb.handlers['acme.issue'](request(extra)), 'INVALID_ARGUMENT');
    assert.match(e.message, why);
    assert.ok(e.hint.length > 0);
  }
  const hooks = await rejectsWith(wb.acme.issue(request({ challenge: 'dns-01', mode: 'hook' }), { allowHooks: true }), 'INVALID_ARGUMENT');
  assert.match(hooks.message, /needs an auth hook/);
  assert.deepEqual(await wb.acme.list(), []);
});

test('the CA file must be one the user chose and hold a certificate; the destination must be chosen and free of certbot files', async () => {
  const wb = createWorkbench();
  const dir = mkdtempSync(join(tmpdir(), 'acme-request-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, 'no certificate here\n');
  let e = await rejectsWith(wb.handlers['acme.issue'](request({ caFile })), 'INVALID_ARGUMENT');
  assert.match(e.message, /only files you chose/);
  wb.grants.grant([caFile]);
  e = await rejectsWith(wb.handlers['acme.issue'](request({ caFile })), 'INVALID_ARGUMENT');
  assert.match(e.message, /holds no PEM certificate/);

  const out = mkdtempSync(join(tmpdir(), 'acme-request-out-'));
  e = await rejectsWith(wb.handlers['acme.issue'](request({ destination: { folder: out } })), 'INVALID_ARGUMENT');
  assert.match(e.message, /folder you chose/);
  wb.folders.grant(out);
  writeFileSync(join(out, 'fullchain.pem'), 'old\n');
  e = await rejectsWith(wb.handlers['acme.issue'](request({ destination: { folder: out } })), 'EXISTS');
  assert.match(e.message, /fullchain\.pem already exists .*nothing was ordered/);
  assert.deepEqual(readdirSync(out), ['fullchain.pem']);
  // Past every check, the request reaches for the CA, which is not there.
  await rejectsWith(wb.handlers['acme.issue'](request({ destination: { folder: out, overwrite: true } })), 'NETWORK');
});

test('a CSR key choice must name an open CSR', async () => {
  const wb = createWorkbench();
  await rejectsWith(wb.handlers['acme.issue'](request({ key: { csrObjectId: 'doc-9/0' } })), 'NOT_FOUND');
});

/**
 * Problem documents pebble never sends (caa, rateLimited with a date, badCSR, rejectedIdentifier, compound,
 * userActionRequired, other URIs) as RFC 8555 section 6.7 shapes them, and the hint each gets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PkiError } from '../errors';
import { caTypeOf, challengeFailure, networkFailure, problemOf, refusalFrom, retryAfterMs } from './acme-problem';

const urn = (t: string) => `urn:ietf:params:acme:error:${t}`;

test('caType drops the urn prefix; other type URIs are kept; no type is null', () => {
  assert.equal(caTypeOf({ type: urn('rateLimited') }), 'rateLimited');
  assert.equal(caTypeOf({ type: 'https://ca.example/problems/quota' }), 'https://ca.example/problems/quota');
  assert.equal(caTypeOf({ detail: 'x' }), null);
});

test('the hint depends on the type and says what to do', () => {
  const hint = (type: string, context = {}) => refusalFrom({ type: urn(type), detail: 'd' }, { step: 'creating the order', ...context }).hint;
  assert.match(hint('caa', { caaIdentities: ['letsencrypt.org'] }), /CAA "issue" record.*letsencrypt\.org/);
  assert.match(hint('rejectedIdentifier'), /remove that name/);
  assert.match(hint('badCSR'), /names must be exactly the names of the order/);
  assert.match(hint('badPublicKey'), /RSA 2048, 3072 or 4096, or ECDSA P-256 or P-384/);
  assert.match(hint('userActionRequired', { termsUrl: 'https://ca.example/terms-v2' }), /https:\/\/ca\.example\/terms-v2/);
  assert.match(hint('serverInternal'), /try again/);
  assert.match(hint('rateLimited'), /Wait before trying again/);
  assert.match(refusalFrom({ type: 'https://ca.example/other', detail: 'd', status: 503 }, { step: 'x' }).hint, /on its side/);
});

test('rateLimited with an HTTP-date Retry-After names the time', () => {
  const at = new Date(Date.now() + 2 * 3600_000);
  const r = refusalFrom({ type: urn('rateLimited'), detail: 'too many certificates (5) already issued for this exact set of domains' }, { step: 'creating the order', retryAfter: at.toUTCString() });
  assert.ok(r.hint.includes(`Try again after ${at.toISOString().slice(0, 17)}`), r.hint);
  assert.match(r.hint, /\(in 120 minutes\)/);
  assert.match(r.message, /too many certificates \(5\) already issued/);
  assert.equal(retryAfterMs('120'), 120_000);
  assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:00 GMT'), null, 'a date in the past means now');
  assert.equal(retryAfterMs('soon'), null);
});

test('compound problems keep one subproblem per identifier, in the message too', () => {
  const r = refusalFrom(
    {
      type: urn('compound'),
      detail: 'Cannot issue for 2 names',
      subproblems: [
        { type: urn('rejectedIdentifier'), detail: 'Domain name "bank.test" is blocked by policy', identifier: { type: 'dns', value: 'bank.test' } },
        { type: urn('malformed'), detail: 'Domain name contains an invalid character', identifier: { type: 'dns', value: 'a_b.example.com' } },
      ],
    },
    { step: 'creating the order' },
  );
  assert.deepEqual(r.problem.subproblems, [
    { identifier: 'bank.test', detail: 'Domain name "bank.test" is blocked by policy' },
    { identifier: 'a_b.example.com', detail: 'Domain name contains an invalid character' },
  ]);
  assert.match(r.message, /bank\.test: Domain name "bank\.test" is blocked by policy; a_b\.example\.com: /);
});

test('a long or multi-line detail is kept to one line and capped', () => {
  const r = refusalFrom({ type: urn('malformed'), detail: `first line\nsecond line ${'x'.repeat(2000)}` }, { step: 'creating the order' });
  assert.doesNotMatch(r.message, /\n/);
  assert.ok(r.message.length < 800, `${r.message.length} characters`);
});

test('challenge failures: the hint names the port-80 URL or the TXT record and its value', () => {
  const http = challengeFailure({ identifier: 'www.example.com', type: 'http-01', token: 'TOK', expected: 'TOK.thumb' }, { type: urn('incorrectResponse'), detail: 'The key authorization file from the server did not match' });
  assert.equal(http.code, 'CHALLENGE_FAILED');
  assert.match(http.hint, /http:\/\/www\.example\.com\/\.well-known\/acme-challenge\/TOK must answer exactly "TOK\.thumb"/);
  const dns = challengeFailure({ identifier: '*.example.com', type: 'dns-01', token: 'TOK', expected: 'VALUE' }, { type: urn('unauthorized'), detail: 'Incorrect TXT record "nope" found at _acme-challenge.example.com' });
  assert.match(dns.hint, /The TXT record _acme-challenge\.example\.com must hold "VALUE"/);
  assert.deepEqual(dns.problem.subproblems, [{ identifier: '*.example.com', detail: 'Incorrect TXT record "nope" found at _acme-challenge.example.com' }]);
  const lookup = challengeFailure({ identifier: 'www.example.com', type: 'http-01', token: 'T', expected: 'E' }, { type: urn('dns'), detail: 'DNS problem: NXDOMAIN looking up A for www.example.com' });
  assert.match(lookup.hint, /needs an A or AAAA record/);
});

test('network failures in words; problemOf keeps typed errors and hides unknown ones behind INTERNAL without a stack', () => {
  const refused = networkFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'https://acme.example.test:14000/dir');
  assert.equal(refused.code, 'NETWORK');
  assert.match(refused.message, /acme\.example\.test:14000: the connection was refused/);
  const dns = networkFailure(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'https://acme.example.test/dir');
  assert.match(dns.message, /could not be found/);
  const name = networkFailure(Object.assign(new Error('altname'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), 'https://10.0.0.1/dir');
  assert.match(name.message, /not for the name 10\.0\.0\.1/);
  assert.deepEqual(problemOf(new PkiError('NETWORK', 'm', 'h')), { code: 'NETWORK', message: 'm', hint: 'h', caType: null, subproblems: [] });
  const internal = problemOf(new TypeError('boom'));
  assert.equal(internal.code, 'INTERNAL');
  assert.doesNotMatch(internal.message, /\n\s+at /);
});

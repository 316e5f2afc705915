/** The Chain doctor page's decisions: the server field, the request the form sends, and how a report is laid out. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChainCertDto, ChainProblemDto, ChainReportDto } from '../../../main/api/dto';
import { INITIAL_FORM, requestOf, withIds, type ChainForm } from './form';
import { addedCerts, certCards, chainEnd, chainWideProblems, initialCard, linkTone, problemsWorstFirst, revocationRows, servedRows } from './report';
import { parseTarget } from './target';
import { clientCertWords, cnOf, endpointWords, expiryFactsOf, fixedChainFileName, revocationTone, revocationWords, sourceWords } from './words';

test('the server field takes a host, host:port, a URL, and IPv6 with or without brackets; the port defaults to 443', () => {
  assert.deepEqual(parseTarget('shop.example.com'), { ok: true, host: 'shop.example.com', port: 443, starttls: null });
  assert.deepEqual(parseTarget('  127.0.0.1:8443 '), { ok: true, host: '127.0.0.1', port: 8443, starttls: null });
  assert.deepEqual(parseTarget('https://shop.example.com/cart?id=1'), { ok: true, host: 'shop.example.com', port: 443, starttls: null });
  assert.deepEqual(parseTarget('https://shop.example.com:4443/'), { ok: true, host: 'shop.example.com', port: 4443, starttls: null });
  assert.deepEqual(parseTarget('[::1]:8443'), { ok: true, host: '::1', port: 8443, starttls: null });
  assert.deepEqual(parseTarget('[2001:db8::1]'), { ok: true, host: '2001:db8::1', port: 443, starttls: null });
  assert.deepEqual(parseTarget('2001:db8::1'), { ok: true, host: '2001:db8::1', port: 443, starttls: null });
  assert.deepEqual(parseTarget('shop.example.com/path'), { ok: true, host: 'shop.example.com', port: 443, starttls: null });
  assert.deepEqual(parseTarget('user@mail.example.com:993'), { ok: true, host: 'mail.example.com', port: 993, starttls: null });
});

test('a scheme gives its port, and STARTTLS when the protocol upgrades a plain connection', () => {
  assert.deepEqual(parseTarget('smtp://mail.example.com'), { ok: true, host: 'mail.example.com', port: 25, starttls: 'smtp' });
  assert.deepEqual(parseTarget('imap://mail.example.com:1143'), { ok: true, host: 'mail.example.com', port: 1143, starttls: 'imap' });
  assert.deepEqual(parseTarget('ldaps://dc.example.com'), { ok: true, host: 'dc.example.com', port: 636, starttls: null });
  assert.deepEqual(parseTarget('postgresql://db.example.com'), { ok: true, host: 'db.example.com', port: 5432, starttls: 'postgres' });
});

test('what is not a server says why, in words', () => {
  const bad = (text: string, words: RegExp) => {
    const r = parseTarget(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.message, words, text);
  };
  bad('', /Type a server/);
  bad('   ', /Type a server/);
  bad('shop.example.com:https', /not a port/);
  bad('shop.example.com:0', /not a port/);
  bad('shop.example.com:70000', /not a port/);
  bad('[::1', /closing “\]”/);
  bad('[::1]8443', /only “:port”/);
  bad('[shop]:443', /not an IPv6 address/);
  bad('shop example.com', /not a host name/);
  bad('gopher://shop.example.com', /cannot check a gopher:\/\//);
  bad('https://', /no host name/);
});

const open = (documents: string[] = [], objects: string[] = []) => ({ documents: new Set(documents), objects: new Set(objects) });
const form = (patch: Partial<ChainForm>): ChainForm => ({ ...INITIAL_FORM, ...patch });

test('a server with the advanced options becomes an endpoint request; defaults are sent as chosen', () => {
  const out = requestOf(form({ target: 'smtp://mail.example.com', servername: ' mx.example.com ', hostName: 'mail.example.com', at: '2026-11-24T12:00:00Z', revocation: 'both', purpose: 'clientAuth', fetchMissing: false }), open());
  assert.equal(out.blocker, null);
  assert.deepEqual(out.request, {
    endpoint: { host: 'mail.example.com', port: 25, servername: 'mx.example.com', starttls: 'smtp' },
    systemRoots: true,
    hostName: 'mail.example.com',
    at: '2026-11-24T12:00:00.000Z',
    purpose: 'clientAuth',
    fetchMissing: false,
    revocation: 'both',
  });
  // The STARTTLS choice wins over the scheme's; a plain host sends none, and fetching missing issuers is on by default.
  assert.deepEqual(requestOf(form({ target: 'mail.example.com:587', starttls: 'smtp' }), open()).request?.endpoint, { host: 'mail.example.com', port: 587, starttls: 'smtp' });
  const plain = requestOf(form({ target: '127.0.0.1:8443' }), open()).request!;
  assert.deepEqual(plain, { endpoint: { host: '127.0.0.1', port: 8443 }, systemRoots: true, purpose: 'serverAuth', fetchMissing: true, revocation: 'none' });
});

test('files, single certificates and trust files go by id, only while they are open', () => {
  const out = requestOf(form({ inputDocumentIds: ['d1', 'gone'], inputObjectIds: ['d3/0', 'd9/1'], trustDocumentIds: ['d2'], systemRoots: false }), open(['d1', 'd2', 'd3'], ['d3/0']));
  assert.deepEqual(out.request, { documentIds: ['d1'], objectIds: ['d3/0'], trustDocumentIds: ['d2'], systemRoots: false, purpose: 'serverAuth', fetchMissing: true, revocation: 'none' });
});

test('the form says what is missing before it can check', () => {
  assert.match(requestOf(INITIAL_FORM, open()).blocker!, /Type a server .* or open the certificate files/);
  // A file that was closed in Inspect no longer counts.
  assert.match(requestOf(form({ inputDocumentIds: ['d1'] }), open()).blocker!, /Type a server/);
  assert.match(requestOf(form({ target: 'shop:https' }), open()).blocker!, /not a port/);
  assert.match(requestOf(form({ target: 'shop.example.com', systemRoots: false }), open()).blocker!, /add a trust file/);
  assert.match(requestOf(form({ target: 'shop.example.com', at: 'next tuesday' }), open()).blocker!, /not a date/);
  assert.equal(requestOf(form({ target: 'shop.example.com', systemRoots: false, trustDocumentIds: ['d2'] }), open(['d2'])).blocker, null);
});

test('ids are added once each, in the order they came', () => {
  assert.deepEqual(withIds(['a', 'b'], ['b', 'c', 'c', 'd']), ['a', 'b', 'c', 'd']);
});

// ---- reports ----

const NOW = '2026-11-24T12:00:00.000Z';

function cert(patch: Partial<ChainCertDto> & Pick<ChainCertDto, 'subject' | 'issuer' | 'role'>): ChainCertDto {
  return {
    sha256: patch.subject.replace(/\W/g, '').toUpperCase().padEnd(64, '0'),
    source: 'server',
    alsoFrom: [],
    url: null,
    trusted: false,
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2027-01-01T00:00:00.000Z',
    daysLeft: 38,
    status: 'ok',
    key: 'EC P-256',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    revocation: null,
    objectId: null,
    ...patch,
  };
}

const problem = (code: ChainProblemDto['code'], severity: ChainProblemDto['severity'], certIndex: number | null): ChainProblemDto => ({ code, severity, message: `${code} message`, fix: `${code} fix`, certIndex });

function report(patch: Partial<ChainReportDto>): ChainReportDto {
  return {
    reportId: 'r1',
    valid: true,
    verdict: { severity: 'success', message: 'Valid chain to Test Root' },
    checkedAt: NOW,
    hostName: null,
    purpose: 'serverAuth',
    served: [],
    chain: [],
    alternatives: [],
    problems: [],
    fixedChainPem: null,
    fixes: [],
    tls: null,
    fetched: [],
    ...patch,
  };
}

const leaf = cert({ subject: 'CN=shop.example.test', issuer: 'O=Certbench Test,CN=Test Intermediate', role: 'leaf' });
const inter = cert({ subject: 'O=Certbench Test,CN=Test Intermediate', issuer: 'O=Certbench Test,CN=Test Root', role: 'intermediate', source: 'aia', url: 'http://127.0.0.1:9/int.der' });
const root = cert({ subject: 'O=Certbench Test,CN=Test Root', issuer: 'O=Certbench Test,CN=Test Root', role: 'root', source: 'trust-store', trusted: true });

test('each card carries its own problems, worst first, and is never greener than they are', () => {
  const r = report({
    chain: [leaf, { ...inter, status: 'error' }, root],
    problems: [problem('EXPIRING_SOON', 'warning', 0), problem('MISSING_INTERMEDIATE', 'error', 1), problem('WEAK_KEY', 'info', 0), problem('HOSTNAME_MISMATCH', 'error', 0), problem('CONTAINS_ROOT', 'warning', null)],
  });
  const cards = certCards(r);
  assert.deepEqual(cards.map((c) => c.tone), ['error', 'error', 'success']);
  assert.deepEqual(cards[0]!.problems.map((p) => p.code), ['HOSTNAME_MISMATCH', 'EXPIRING_SOON', 'WEAK_KEY']);
  assert.deepEqual(cards[1]!.problems.map((p) => p.code), ['MISSING_INTERMEDIATE']);
  assert.deepEqual(cards[2]!.problems, []);
  // A warning-status certificate without listed problems stays a warning.
  assert.equal(certCards(report({ chain: [{ ...leaf, status: 'warning' }] }))[0]!.tone, 'warning');
  assert.deepEqual(chainWideProblems(r).map((p) => p.code), ['CONTAINS_ROOT']);
  // A problem pointing past the chain (no leaf found) is about the whole chain.
  assert.deepEqual(chainWideProblems(report({ problems: [problem('NO_CERTIFICATE', 'error', 0)] })).map((p) => p.code), ['NO_CERTIFICATE']);
});

test('problems sort errors, warnings, notes, keeping the doctor order within each', () => {
  const list = [problem('WEAK_KEY', 'info', 0), problem('EXTRA_CERT', 'warning', null), problem('EXPIRED', 'error', 0), problem('WRONG_ORDER', 'warning', null), problem('REVOKED', 'error', 1)];
  assert.deepEqual(problemsWorstFirst(list).map((p) => p.code), ['EXPIRED', 'REVOKED', 'EXTRA_CERT', 'WRONG_ORDER', 'WEAK_KEY']);
});

test('a link breaks where a signature fails or the issuer may not issue', () => {
  const r = report({ chain: [leaf, inter, root], problems: [problem('BAD_SIGNATURE', 'error', 0), problem('EXPIRED', 'error', 1)] });
  assert.equal(linkTone(r, 0), 'error');
  assert.equal(linkTone(r, 1), 'success');
  // NOT_A_CA is about the issuer: the link below it breaks.
  const notCa = report({ chain: [leaf, inter, root], problems: [problem('NOT_A_CA', 'error', 1)] });
  assert.equal(linkTone(notCa, 0), 'error');
  assert.equal(linkTone(notCa, 1), 'error');
});

test('a chain that stops short says what is missing at its end', () => {
  assert.equal(chainEnd(report({ chain: [leaf, inter, root] })), null);
  assert.equal(chainEnd(report({ chain: [] })), null);
  const stops = chainEnd(report({ chain: [leaf] }))!;
  assert.equal(stops.title, 'Issuer not found');
  assert.match(stops.detail, /Test Intermediate/);
  const untrusted = chainEnd(report({ chain: [leaf, inter, { ...root, trusted: false, source: 'server' }] }))!;
  assert.equal(untrusted.title, 'Not a trusted root');
  assert.match(untrusted.detail, /Test Root signs itself/);
});

test('what was served is placed on the chain or marked as not needed; what the fix adds is named', () => {
  const stray = { sha256: 'F'.repeat(64), subject: 'CN=Old Intermediate', issuer: 'CN=Old Root' };
  const r = report({ chain: [leaf, inter, root], served: [{ sha256: leaf.sha256, subject: leaf.subject, issuer: leaf.issuer }, stray] });
  assert.deepEqual(servedRows(r).map((s) => [s.position, s.chainIndex]), [[1, 0], [2, null]]);
  assert.deepEqual(addedCerts(r).map((c) => c.role), ['intermediate']);
});

test('revocation rows are the certificates whose status was asked', () => {
  const r = report({
    chain: [
      { ...leaf, revocation: { status: 'revoked', method: 'ocsp', revokedAt: '2026-11-20T00:00:00.000Z', reason: 'keyCompromise', thisUpdate: null, nextUpdate: null, url: 'http://127.0.0.1/ocsp', detail: 'OCSP says revoked' } },
      { ...inter, revocation: { status: 'not-checked', method: null, revokedAt: null, reason: null, thisUpdate: null, nextUpdate: null, url: null, detail: 'not asked' } },
      root,
    ],
  });
  assert.deepEqual(revocationRows(r).map((c) => c.index), [0]);
  const revoked = r.chain[0]!.revocation;
  assert.equal(revocationWords(revoked), 'Revoked on 20 Nov 2026: keyCompromise (OCSP)');
  assert.equal(revocationTone(revoked), 'error');
  assert.equal(revocationWords(null), 'Revocation not checked');
  assert.equal(revocationWords({ ...revoked!, status: 'good', method: 'stapled-ocsp' }), 'Not revoked (stapled OCSP)');
  assert.equal(revocationTone({ ...revoked!, status: 'unknown' }), 'warning');
});

test('words: CN of a name, client certificate requests, endpoints, expiry at the time checked, the fixed chain file name', () => {
  assert.equal(cnOf('O=Certbench Test,CN=Test Root'), 'Test Root');
  assert.equal(cnOf('CN=Acme\\, Inc. CA,O=Acme'), 'Acme, Inc. CA');
  assert.equal(cnOf('O=No Common Name'), 'O=No Common Name');
  assert.equal(clientCertWords({ requested: false, acceptedIssuers: null, note: null }), 'Not requested');
  assert.equal(clientCertWords({ requested: true, acceptedIssuers: [], note: null }), 'Requested, from any CA');
  assert.equal(clientCertWords({ requested: true, acceptedIssuers: ['CN=A', 'CN=B'], note: null }), 'Requested, from one of these 2 CAs');
  assert.match(clientCertWords({ requested: true, acceptedIssuers: null, note: 'TLS 1.3' }), /not known/);
  assert.equal(endpointWords('::1', 8443), '[::1]:8443');
  assert.equal(endpointWords('127.0.0.1', 443), '127.0.0.1:443');
  assert.equal(expiryFactsOf({ ...leaf, notAfter: '2026-11-01T00:00:00.000Z', daysLeft: -23 }, NOW).validity, 'expired');
  assert.equal(expiryFactsOf({ ...leaf, notBefore: '2026-12-01T00:00:00.000Z' }, NOW).validity, 'not-yet-valid');
  assert.equal(expiryFactsOf(leaf, NOW).validity, 'valid');
  assert.equal(fixedChainFileName('CN=shop.example.test'), 'shop.example.test-fullchain.pem');
  assert.equal(fixedChainFileName('O=x,CN=*.example.test'), 'wildcard.example.test-fullchain.pem');
  assert.equal(fixedChainFileName('CN=../../etc/passwd'), 'etc-passwd-fullchain.pem');
  assert.equal(fixedChainFileName(null), 'server-fullchain.pem');
});

test('the card shown first is the first with an error, else with a warning, else the leaf', () => {
  assert.equal(initialCard(report({ chain: [] })), null);
  assert.equal(initialCard(report({ chain: [leaf, inter, root] })), 0);
  assert.equal(initialCard(report({ chain: [leaf, { ...inter, status: 'warning' }, { ...root, status: 'error' }] })), 2);
  assert.equal(initialCard(report({ chain: [leaf, inter, root], problems: [problem('WEAK_SIGNATURE', 'warning', 1)] })), 1);
});

test('a source badge names where a certificate came from; a trusted root from a file is a trust file', () => {
  assert.equal(sourceWords({ source: 'aia', trusted: false }), 'AIA download');
  assert.equal(sourceWords({ source: 'server', trusted: false }), 'Server');
  assert.equal(sourceWords({ source: 'trust-store', trusted: true }), 'Trust store');
  assert.equal(sourceWords({ source: 'input', trusted: false }), 'File');
  assert.equal(sourceWords({ source: 'input', trusted: true }), 'Trust file');
});

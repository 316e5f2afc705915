import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AcmeCaDto, AcmeDirectoryDto, AcmeOrderDto, AcmeOrderState } from '../../../main/api/dto';
import { caBlocker, caNameOf, challengeBlocker, currentDirectory, directoryKey, directoryUrlOf, dnsServersOf, effectiveChallenge, INITIAL_FORM, keyBlocker, requestOf, type AcmeForm } from './form';
import { domainsOf, nameProblem, namePlaces, namesBlocker, rowsOf, wildcardsOf } from './names';
import { actionsFor, isNewer, mergeListing, unfinished, upsertOrder } from './orders';
import { nextFormStep, previousFormStep, stepOfOrder } from './steps';
import { checkSummary, continueWords, dateWords, expiryWords, extraSubproblems, inFolder, namesWords, orderPlanWords, orderVerdict, problemTitle } from './words';

const CAS: AcmeCaDto[] = [
  { id: 'letsencrypt-staging', name: "Let's Encrypt (staging)", directoryUrl: 'https://acme-staging-v02.api.letsencrypt.org/directory', staging: true },
  { id: 'letsencrypt', name: "Let's Encrypt", directoryUrl: 'https://acme-v02.api.letsencrypt.org/directory', staging: false },
];
const PEBBLE = 'https://127.0.0.1:14000/dir';
const DIRECTORY: AcmeDirectoryDto = { directoryUrl: PEBBLE, termsOfService: 'data:text/plain,Do what thou wilt', website: null, caaIdentities: [], externalAccountRequired: false };
const NOW = new Date('2026-11-24T12:00:00Z');

const form = (over: Partial<AcmeForm> = {}): AcmeForm => ({ ...INITIAL_FORM, ca: 'custom', customUrl: PEBBLE, agreed: true, names: rowsOf(['www.example.test']), ...over });

function order(state: AcmeOrderState, over: Partial<AcmeOrderDto> = {}): AcmeOrderDto {
  return {
    id: 'o1', name: 'www.example.test', directoryUrl: PEBBLE, caName: '127.0.0.1:14000', staging: true, domains: ['www.example.test'], challenge: 'http-01', mode: 'serve',
    key: 'ec:P-256', email: null, state, busy: false, createdAt: '2026-11-24T12:00:00.000Z', updatedAt: '2026-11-24T12:00:01.000Z', orderUrl: null, accountUrl: null,
    expiresAt: null, authorizations: [], timeline: [], problem: null, result: null, renewalOf: null, ...over,
  };
}

test('steps: the four form steps in order, an order shown as progress until it is finished', () => {
  assert.equal(nextFormStep('ca'), 'names');
  assert.equal(nextFormStep('challenge'), null);
  assert.equal(previousFormStep('ca'), null);
  assert.equal(previousFormStep('key'), 'names');
  for (const s of ['pending', 'waiting', 'validating', 'ready', 'processing', 'error'] as const) assert.equal(stepOfOrder({ state: s }), 'progress', s);
  for (const s of ['issued', 'invalid', 'revoked', 'cancelled'] as const) assert.equal(stepOfOrder({ state: s }), 'result', s);
});

test('names: trimmed, lower case, trailing dot dropped, each once', () => {
  assert.deepEqual(domainsOf([{ type: 'DNS', value: ' WWW.Example.test. ' }, { type: 'DNS', value: 'www.example.test' }, { type: 'DNS', value: '' }, { type: 'DNS', value: '*.example.test' }]), ['www.example.test', '*.example.test']);
  assert.deepEqual(wildcardsOf(['a.example.test', '*.example.test']), ['*.example.test']);
  assert.deepEqual(rowsOf([]), [{ type: 'DNS', value: '' }]);
});

test('names: IP addresses, emails, bad wildcards, single labels and bad labels are refused with a reason', () => {
  assert.equal(nameProblem('www.example.test'), null);
  assert.equal(nameProblem('*.example.test'), null);
  assert.equal(nameProblem(''), null);
  assert.match(nameProblem('192.0.2.10')!, /IP address/);
  assert.match(nameProblem('2001:db8::1')!, /IP address/);
  assert.match(nameProblem('me@example.test')!, /email/);
  assert.match(nameProblem('www.*.example.test')!, /whole first label/);
  assert.match(nameProblem('*example.test')!, /whole first label/);
  assert.match(nameProblem('localhost')!, /no domain/);
  assert.match(nameProblem('-bad.example.test')!, /"-bad" is not a valid label/);
  assert.match(nameProblem('a..example.test')!, /Two dots/);
  assert.match(nameProblem(`${'a'.repeat(64)}.example.test`)!, /at most 63/);
});

test('names: problems sit under their row; a repeat is a warning that does not block', () => {
  const rows = rowsOf(['www.example.test', '10.0.0.1', 'WWW.example.test']);
  const places = namePlaces(rows);
  assert.equal(places.get('san:0'), undefined);
  assert.equal(places.get('san:1')![0]!.severity, 'error');
  assert.equal(places.get('san:2')![0]!.severity, 'warning');
  assert.match(places.get('san:2')![0]!.message, /already name 1/);
  assert.match(namesBlocker(rows)!, /IP address/);
  assert.equal(namesBlocker(rowsOf(['www.example.test', 'www.example.test'])), null);
  assert.match(namesBlocker(rowsOf([]))!, /Add the host name/);
});

test('CA: the known CAs by id, a custom URL only when it is an https URL', () => {
  assert.equal(directoryUrlOf({ ca: 'letsencrypt-staging', customUrl: '' }, CAS), CAS[0]!.directoryUrl);
  assert.equal(directoryUrlOf({ ca: 'letsencrypt', customUrl: PEBBLE }, CAS), CAS[1]!.directoryUrl);
  assert.equal(directoryUrlOf({ ca: 'custom', customUrl: ` ${PEBBLE} ` }, CAS), PEBBLE);
  assert.equal(directoryUrlOf({ ca: 'custom', customUrl: 'acme.example.test/dir' }, CAS), null);
  assert.equal(directoryUrlOf({ ca: 'custom', customUrl: 'ftp://acme.example.test/dir' }, CAS), null);
  assert.equal(directoryUrlOf({ ca: 'custom', customUrl: 'http://127.0.0.1:14000/dir' }, CAS), null);
});

test('CA: named as the list names it, else by the directory’s host', () => {
  assert.equal(caNameOf({ ca: 'letsencrypt-staging' }, CAS, CAS[0]!.directoryUrl), "Let's Encrypt (staging)");
  assert.equal(caNameOf({ ca: 'custom' }, CAS, PEBBLE), '127.0.0.1:14000');
  assert.equal(caNameOf({ ca: 'custom' }, CAS, null), 'the CA');
});

test('CA: a directory read belongs to its URL and CA file; a change means reading it again', () => {
  const read = { key: directoryKey(PEBBLE, '/out/pebble.pem'), directory: DIRECTORY };
  assert.equal(currentDirectory(form({ caFile: '/out/pebble.pem' }), CAS, read), DIRECTORY);
  assert.equal(currentDirectory(form({ caFile: '' }), CAS, read), null);
  assert.equal(currentDirectory(form({ caFile: '/out/pebble.pem', customUrl: 'https://127.0.0.1:14001/dir' }), CAS, read), null);
  assert.equal(currentDirectory(form({ caFile: '/out/pebble.pem', ca: 'letsencrypt-staging' }), CAS, read), null);
});

test('CA step: connect first, then agree to the terms, give the EAB key when the CA needs one, a plausible email', () => {
  assert.match(caBlocker(form({ customUrl: 'nope' }), CAS, null)!, /directory URL/);
  assert.match(caBlocker(form(), CAS, null)!, /Connect/);
  assert.match(caBlocker(form({ agreed: false }), CAS, DIRECTORY)!, /Agree/);
  assert.equal(caBlocker(form({ agreed: false }), CAS, { ...DIRECTORY, termsOfService: null }), null);
  const eab = { ...DIRECTORY, externalAccountRequired: true };
  assert.match(caBlocker(form(), CAS, eab)!, /key ID and HMAC key/);
  assert.equal(caBlocker(form({ eabKid: 'kid-1', eabHmacKey: 'zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W' }), CAS, eab), null);
  assert.match(caBlocker(form({ email: 'not-an-email' }), CAS, DIRECTORY)!, /name@example.com/);
  assert.equal(caBlocker(form({ email: 'ops@example.test' }), CAS, DIRECTORY), null);
});

test('challenge: a wildcard switches to DNS-01 whatever was chosen; ports and DNS servers are checked', () => {
  assert.equal(effectiveChallenge(form({ challenge: 'http-serve' })), 'http-serve');
  assert.equal(effectiveChallenge(form({ challenge: 'http-serve', names: rowsOf(['example.test', '*.example.test']) })), 'dns-manual');
  assert.equal(challengeBlocker(form({ httpPort: '5002' })), null);
  assert.match(challengeBlocker(form({ httpPort: '0' }))!, /1 to 65535/);
  assert.match(challengeBlocker(form({ httpPort: '70000' }))!, /1 to 65535/);
  // The port does not matter when the file is placed by hand.
  assert.equal(challengeBlocker(form({ challenge: 'http-manual', httpPort: 'x' })), null);
  assert.deepEqual(dnsServersOf(' 127.0.0.1:8053, 1.1.1.1 ;[::1]:53 '), ['127.0.0.1:8053', '1.1.1.1', '[::1]:53']);
  assert.match(challengeBlocker(form({ dnsServers: 'ns1.example.test' }))!, /not an address/);
});

test('key: a chosen CSR must still be open', () => {
  assert.equal(keyBlocker(form(), new Set()), null);
  assert.equal(keyBlocker(form({ key: { csrObjectId: 'd1/0' } }), new Set(['d1/0'])), null);
  assert.match(keyBlocker(form({ key: { csrObjectId: 'd1/0' } }), new Set())!, /CSR open in Inspect/);
});

test('request: HTTP-01 served by Certbench on a port and address, with the CA file and DNS servers', () => {
  const r = requestOf(form({ caFile: ' /out/pebble.pem ', email: ' ops@example.test ', names: rowsOf(['www.example.test', 'api.example.test']), httpPort: '5002', httpAddress: '127.0.0.1', dnsServers: '127.0.0.1:8053', key: { generate: 'rsa:2048' } }), CAS);
  assert.deepEqual(r, {
    directoryUrl: PEBBLE, caFile: '/out/pebble.pem', domains: ['www.example.test', 'api.example.test'], email: 'ops@example.test', agreeTos: true,
    challenge: 'http-01', mode: 'serve', httpPort: 5002, httpAddress: '127.0.0.1', key: { generate: 'rsa:2048' }, dnsServers: ['127.0.0.1:8053'],
  });
});

test('request: a wildcard goes out as DNS-01 by hand, without port or EAB fields it does not need', () => {
  const r = requestOf(form({ names: rowsOf(['*.example.test']), httpPort: '80', eabKid: 'kid', eabHmacKey: '' }), CAS);
  assert.equal(r.challenge, 'dns-01');
  assert.equal(r.mode, 'manual');
  assert.equal('httpPort' in r, false);
  assert.equal('eab' in r, false);
  assert.equal('caFile' in r, false);
  assert.equal('email' in r, false);
  const eab = requestOf(form({ eabKid: ' kid-1 ', eabHmacKey: ' hmac ' }), CAS);
  assert.deepEqual(eab.eab, { kid: 'kid-1', hmacKey: 'hmac' });
  assert.throws(() => requestOf(form({ customUrl: 'nope' }), CAS));
});

test('orders: an event never replaces a newer picture; newest order first', () => {
  const a = order('pending', { timeline: [{ at: '2026-11-24T12:00:00Z', state: 'pending', message: 'Order created' }] });
  const waiting = order('waiting', { timeline: [...a.timeline, { at: '2026-11-24T12:00:00Z', state: 'waiting', message: 'Waiting for you' }] });
  // The e2e clock is frozen: same updatedAt, so the longer timeline wins.
  assert.equal(isNewer(a, waiting), true);
  assert.equal(isNewer(waiting, a), false);
  let list = upsertOrder([], waiting);
  list = upsertOrder(list, a);
  assert.equal(list[0]!.state, 'waiting');
  const later = order('validating', { updatedAt: '2026-11-24T12:00:05.000Z' });
  assert.equal(upsertOrder(list, later)[0]!.state, 'validating');
  const other = order('issued', { id: 'o2', createdAt: '2026-11-25T00:00:00.000Z' });
  assert.deepEqual(upsertOrder(list, other).map((o) => o.id), ['o2', 'o1']);
  // A listing keeps what the page saw newer, and drops orders main no longer has.
  assert.deepEqual(mergeListing([waiting, other], [a]).map((o) => [o.id, o.state]), [['o1', 'waiting']]);
  assert.deepEqual(unfinished([waiting, other]).map((o) => o.id), ['o1']);
});

test('orders: the actions each state offers', () => {
  assert.deepEqual(actionsFor(order('issued')), ['open', 'renew', 'revoke', 'remove']);
  assert.deepEqual(actionsFor(order('waiting')), ['open', 'cancel', 'remove']);
  assert.deepEqual(actionsFor(order('validating', { busy: true })), ['open', 'cancel']);
  assert.deepEqual(actionsFor(order('error')), ['open', 'resume', 'cancel', 'remove']);
  assert.deepEqual(actionsFor(order('invalid')), ['open', 'renew', 'remove']);
  assert.deepEqual(actionsFor(order('revoked')), ['open', 'renew', 'remove']);
});

test('words: names, dates in UTC, expiry with days left', () => {
  assert.equal(namesWords(['a.example.test']), 'a.example.test');
  assert.equal(namesWords(['a.example.test', 'b.example.test', 'c.example.test']), 'a.example.test and 2 more names');
  assert.equal(dateWords('2027-02-22T23:59:59Z'), '22 Feb 2027');
  assert.equal(dateWords(null), '—');
  assert.equal(expiryWords('2027-02-22T12:00:00Z', NOW), 'Expires 22 Feb 2027 (90 days)');
  assert.equal(expiryWords('2026-11-20T12:00:00Z', NOW), 'Expired 20 Nov 2026');
  assert.equal(inFolder('/home/me/Certbench output', 'pebble.pem'), '/home/me/Certbench output/pebble.pem');
  assert.equal(inFolder('C:\\Users\\me\\out\\', 'pebble.pem'), 'C:\\Users\\me\\out\\pebble.pem');
});

test('words: the verdict says the state first, the CA’s own words when it failed', () => {
  const result = { certificatePem: '', chainPem: '', fullchainPem: '', subject: 'CN=www.example.test', issuer: 'CN=Pebble Intermediate CA', serial: '01', sha256: 'AB', notBefore: '2026-11-24T12:00:00Z', notAfter: '2027-02-22T12:00:00Z', san: ['www.example.test'], chains: [], written: [], hasKey: true };
  assert.deepEqual(orderVerdict(order('issued', { result }), NOW), { tone: 'success', text: 'Issued for www.example.test. Expires 22 Feb 2027 (90 days)' });
  const problem = { code: 'CHALLENGE_FAILED' as const, message: '127.0.0.1: Connection refused', hint: 'Check that the web server answers on port 80.', caType: 'connection', subproblems: [] };
  // The CA's words are in the problem's alert under the verdict, not repeated in it.
  assert.deepEqual(orderVerdict(order('invalid', { problem }), NOW), { tone: 'error', text: 'The CA did not issue the certificate for www.example.test' });
  assert.match(orderVerdict(order('error', { problem }), NOW).text, /Resume/);
  const subproblems = [{ identifier: 'www.example.test', detail: 'Connection refused' }, { identifier: 'api.example.test', detail: 'NXDOMAIN looking up A' }];
  assert.deepEqual(extraSubproblems({ ...problem, subproblems }).map((s) => s.identifier), ['api.example.test']);
  assert.equal(problemTitle(order('invalid', { problem })), 'The CA could not confirm that the names are yours');
  assert.equal(problemTitle(order('invalid', { problem: { ...problem, code: 'ACME_REFUSED' } })), 'The CA refused the order');
  assert.match(orderVerdict(order('waiting', { challenge: 'dns-01', mode: 'manual' }), NOW).text, /add the TXT records/);
  assert.match(orderVerdict(order('waiting', { challenge: 'http-01', mode: 'manual' }), NOW).text, /put the files/);
});

test('words: Continue says how many names checked OK', () => {
  const challenge = { type: 'dns-01' as const, status: 'pending' as const, token: 't', txtName: '_acme-challenge.example.test', txtValue: 'v' };
  const ok = { ok: true, at: '2026-11-24T12:00:00Z', message: 'The TXT record has the expected value', seen: ['v'] };
  const auth = (domain: string, check?: typeof ok) => ({ domain, wildcard: false, status: 'pending' as const, challenge: { ...challenge, ...(check ? { check } : {}) } });
  const o = (auths: ReturnType<typeof auth>[]) => order('waiting', { mode: 'manual', challenge: 'dns-01', authorizations: auths });
  assert.match(continueWords(o([auth('a.example.test'), auth('b.example.test')])), /Not checked yet/);
  assert.deepEqual(checkSummary(o([auth('a.example.test', ok), auth('b.example.test', { ...ok, ok: false })])), { total: 2, checked: 2, ok: 1 });
  assert.match(continueWords(o([auth('a.example.test', ok), auth('b.example.test', { ...ok, ok: false })])), /1 of 2 names checked OK/);
  assert.match(continueWords(o([auth('a.example.test', ok)])), /All 1 name checked OK/);
});

test('words: the plan said before ordering names the CA, names, key and challenge', () => {
  assert.equal(
    orderPlanWords({ caName: "Let's Encrypt (staging)", domains: ['a.example.test', 'b.example.test'], key: 'ec:P-256', challenge: 'http-serve', httpPort: ' 8080 ' }),
    "Orders a certificate for a.example.test, b.example.test from Let's Encrypt (staging) with a new EC P-256 key; Certbench answers HTTP-01 on port 8080. The order then runs in the background and stays in the list if you leave this page.",
  );
  assert.match(orderPlanWords({ caName: 'x', domains: ['*.example.test'], key: 'csr', challenge: 'dns-manual', httpPort: '80' }), /with the key of your CSR; you add a DNS-01 TXT record/);
  assert.match(orderPlanWords({ caName: 'x', domains: ['a.example.test'], key: 'rsa:3072', challenge: 'http-manual', httpPort: '80' }), /a new RSA 3072 key; you put an HTTP-01 file/);
});

/** The New CSR wizard's decisions: the subject rows and their order, pasted names, where lints show, what blocks Create, what Save writes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CsrCheckDto, CsrProblemDto, CsrTemplateDto, DocumentDto, ObjectSummaryDto } from '../../../main/api/dto';
import { EMPTY_FORM, formFromImport, formFromTemplate, requestOf, specOf, toggled, type CsrForm } from './form';
import { openKeys } from './keys';
import { addNames, guessSanType, parsePastedNames, sanOf } from './names';
import { createBlocker, placeOf, problemPlaces, stepOfField, verdictOf } from './problems';
import { baseNameFor, INITIAL_SAVE, plannedFiles, saveProblem, saveRequest } from './save';
import { looksLikeConfig } from './dropped';
import { exportIntent, keyWords, REPLY_EXPORTS, replyErrorTitle, replyVerdict } from './reply';
import { nextStep, previousStep, STEP_IDS } from './steps';
import { extraRows, rowOf, setRow, subjectOf, SUBJECT_FIELDS, withUsualFields } from './subject';

const types = (rows: { type: string }[]) => rows.map((r) => r.type);

test('the usual subject fields are always there, in the order C, ST, L, O, OU, CN, emailAddress, around what a config file gave', () => {
  assert.deepEqual(types(withUsualFields([])), ['C', 'ST', 'L', 'O', 'OU', 'CN', 'emailAddress']);
  assert.deepEqual(SUBJECT_FIELDS.map((f) => f.type), ['C', 'ST', 'L', 'O', 'OU', 'CN', 'emailAddress']);
  // A config with CN first keeps its order (the CSR must say what openssl would); missing fields go where convention puts them.
  const rows = withUsualFields([
    { type: 'CN', value: 'a.example' },
    { type: 'O', value: 'Org' },
    { type: 'serialNumber', value: '42' },
  ]);
  assert.deepEqual(types(rows), ['C', 'ST', 'L', 'CN', 'O', 'OU', 'emailAddress', 'serialNumber']);
  assert.deepEqual(extraRows(rows), [7]);
  // A second OU is an extra row; the field edits the first.
  const two = withUsualFields([
    { type: 'OU', value: 'One' },
    { type: 'OU', value: 'Two' },
  ]);
  assert.equal(rowOf(two, 'OU'), two.findIndex((r) => r.value === 'One'));
  assert.deepEqual(extraRows(two).map((i) => two[i]!.value), ['Two']);
  // Empty fields are never written (no empty RDNs); values are trimmed.
  const filled = setRow(setRow(withUsualFields([]), 0, ' US '), 5, 'host.example');
  assert.deepEqual(subjectOf(filled), [
    { type: 'C', value: 'US' },
    { type: 'CN', value: 'host.example' },
  ]);
});

test('pasted names split on spaces, commas and new lines; the type is guessed or given by an OpenSSL prefix; repeats go', () => {
  assert.deepEqual(parsePastedNames('a.example, b.example\n10.0.0.1;2001:db8::1  ops@example.com https://x.example/p DNS:c.example IP:192.0.2.1 A.EXAMPLE'), [
    { type: 'DNS', value: 'a.example' },
    { type: 'DNS', value: 'b.example' },
    { type: 'IP', value: '10.0.0.1' },
    { type: 'IP', value: '2001:db8::1' },
    { type: 'email', value: 'ops@example.com' },
    { type: 'URI', value: 'https://x.example/p' },
    { type: 'DNS', value: 'c.example' },
    { type: 'IP', value: '192.0.2.1' },
  ]);
  assert.equal(guessSanType('*.example.com'), 'DNS');
  assert.equal(guessSanType('::1'), 'IP');
  assert.equal(guessSanType('urn:uuid:1234'), 'URI');
  // Malformed addresses stay IP, so the lint says what is wrong with them instead of a silent DNS name.
  assert.equal(guessSanType('300.1.2.3'), 'IP');
  const rows = addNames([{ type: 'DNS', value: 'a.example' }, { type: 'DNS', value: '' }], parsePastedNames('a.example b.example'));
  assert.deepEqual(rows, [
    { type: 'DNS', value: 'a.example' },
    { type: 'DNS', value: 'b.example' },
  ]);
  assert.deepEqual(sanOf([{ type: 'DNS', value: ' x.example ' }, { type: 'IP', value: ' ' }]), [{ type: 'DNS', value: 'x.example' }]);
});

const template: CsrTemplateDto = {
  id: 'server',
  name: 'TLS server behind a load balancer',
  description: '',
  builtIn: true,
  purpose: 'server',
  key: 'ec:P-256',
  spec: { subject: [{ type: 'O', value: 'Example' }], san: [{ type: 'DNS', value: 'www.example' }], cnAsSan: true, keyUsage: ['digitalSignature'], extendedKeyUsage: ['serverAuth'], signatureHash: 'sha384' },
};

test('a template fills the form; the form becomes the request with empty fields left out and the challenge password only when typed', () => {
  const form = formFromTemplate(template);
  assert.deepEqual(form.key, { generate: 'ec:P-256' });
  assert.equal(form.origin, template.name);
  assert.equal(form.purpose, 'server');
  const withCn = { ...form, subject: setRow(form.subject, rowOf(form.subject, 'CN'), 'shop.example') };
  const request = requestOf(withCn);
  assert.deepEqual(request.spec, {
    subject: [
      { type: 'O', value: 'Example' },
      { type: 'CN', value: 'shop.example' },
    ],
    san: [{ type: 'DNS', value: 'www.example' }],
    cnAsSan: true,
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: ['serverAuth'],
    signatureHash: 'sha384',
  });
  assert.equal('selfSign' in request, false);
  const selfSigned = requestOf({ ...withCn, challengePassword: 'pw', keyUsageCritical: true, selfSign: { days: 30, ca: true, pathLength: 0 } });
  assert.equal(selfSigned.spec.challengePassword, 'pw');
  assert.equal(selfSigned.spec.keyUsageCritical, true);
  assert.deepEqual(selfSigned.selfSign, { days: 30, ca: true, pathLength: 0 });
  // The template's own spec is never changed by editing the form.
  assert.deepEqual(template.spec.subject, [{ type: 'O', value: 'Example' }]);
  // A key picked in the Inspector stays when a template is chosen after.
  assert.deepEqual(formFromTemplate(template, { ...EMPTY_FORM, key: { objectId: 'd2/0' } }).key, { objectId: 'd2/0' });
  assert.deepEqual(formFromTemplate(template, { ...EMPTY_FORM, key: { generate: 'rsa:4096' } }).key, { generate: 'ec:P-256' });
  assert.deepEqual(toggled(['a'], 'b', true), ['a', 'b']);
  assert.deepEqual(toggled(['a', 'b'], 'a', false), ['b']);
});

test('an imported config replaces the form; its key wins when it names one', () => {
  const current: CsrForm = { ...EMPTY_FORM, key: { objectId: 'd1/0' } };
  const imported = formFromImport({ spec: template.spec, key: null, warnings: [], selfSign: { days: 730 } }, 'server.cnf', current);
  assert.deepEqual(imported.key, { objectId: 'd1/0' });
  assert.equal(imported.origin, 'server.cnf');
  assert.equal(imported.selfSign, null, 'a config never switches a CSR to a self-signed certificate');
  assert.deepEqual(formFromImport({ spec: template.spec, key: 'rsa:4096', warnings: [], selfSign: null }, 'x.cnf', current).key, { generate: 'rsa:4096' });
  const selfSigned = formFromImport({ spec: template.spec, key: null, warnings: [], selfSign: { days: 730, ca: false } }, 'x.cnf', { ...current, selfSign: { days: 365, ca: true } });
  assert.deepEqual(selfSigned.selfSign, { days: 730, ca: false });
});

const problem = (field: string | undefined, severity: CsrProblemDto['severity'] = 'error'): CsrProblemDto => ({ code: 'X', severity, message: `about ${field}`, ...(field ? { field } : {}) });

test('a lint about subject.N shows under the form row of the N-th written RDN (empty fields are not RDNs); san.N likewise', () => {
  // C empty, ST empty, … O filled, CN filled: spec.subject = [O, CN], so subject.1 is the CN row.
  let form: CsrForm = { ...EMPTY_FORM };
  form = { ...form, subject: setRow(setRow(form.subject, rowOf(form.subject, 'O'), 'Org'), rowOf(form.subject, 'CN'), 'h.example') };
  form = { ...form, san: [{ type: 'DNS', value: '' }, { type: 'DNS', value: 'bad_name' }] };
  assert.equal(specOf(form).subject[1]!.type, 'CN');
  assert.equal(placeOf('subject.1', form), `subject:${rowOf(form.subject, 'CN')}`);
  assert.equal(placeOf('san.0', form), 'san:1');
  assert.equal(placeOf('subject.9', form), 'subject');
  assert.equal(placeOf('key', form), 'key');
  assert.equal(placeOf(undefined, form), null);
  const places = problemPlaces([problem('subject.0'), problem('subject.0', 'warning'), problem('days'), problem(undefined)], form);
  assert.equal(places.get(`subject:${rowOf(form.subject, 'O')}`)!.length, 2);
  assert.equal(places.get('days')!.length, 1);
  assert.equal([...places.values()].flat().length, 3);
  assert.equal(stepOfField('subject.3'), 'subject');
  assert.equal(stepOfField('san.0'), 'names');
  assert.equal(stepOfField('challengePassword'), 'names');
  assert.equal(stepOfField('signatureHash'), 'key');
  assert.equal(stepOfField('days'), 'key');
  assert.equal(stepOfField(undefined), 'review');
});

const check = (problems: CsrProblemDto[]): CsrCheckDto => ({ problems, ok: !problems.some((p) => p.severity === 'error'), subjectLine: '/CN=x', config: '', commands: [] });

test('the review says first whether it can go out; only errors block Create, and Create says why', () => {
  assert.deepEqual(verdictOf(check([]), false), { tone: 'success', text: 'Ready to send' });
  assert.deepEqual(verdictOf(check([]), true), { tone: 'success', text: 'Ready to make' });
  assert.deepEqual(verdictOf(check([problem('a', 'warning')]), false), { tone: 'warning', text: 'Ready to send, with 1 warning' });
  assert.deepEqual(verdictOf(check([problem('a'), problem('b'), problem('c', 'warning')]), false), { tone: 'error', text: '2 problems to fix first' });
  assert.equal(verdictOf(null, false).text, 'Checking…');
  assert.equal(createBlocker(check([problem('a', 'warning'), problem('b', 'info')]), false), null);
  assert.equal(createBlocker(check([]), true), 'Checking the form…');
  assert.equal(createBlocker(null, false), 'Checking the form…');
  assert.equal(createBlocker(check([problem('subject.0')]), false), 'Fix this first: about subject.0');
  assert.match(createBlocker(check([problem('a'), problem('b')]), false)!, /^Fix these 2 problems first: about a$/);
  assert.equal(STEP_IDS.length, 6);
  assert.equal(nextStep('review'), 'save');
  assert.equal(nextStep('save'), null);
  assert.equal(previousStep('template'), null);
});

test('save: encrypted by default with a passphrase typed twice; unencrypted only when acknowledged; "workbench only" writes just the CSR', () => {
  const folder = '/tmp/out';
  const base = { ...INITIAL_SAVE, baseName: 'shop.example' };
  assert.equal(INITIAL_SAVE.storage, 'encrypted');
  assert.equal(saveProblem(base, null), 'Choose a folder to write into.');
  assert.equal(saveProblem(base, folder), 'Enter a password.');
  assert.equal(saveProblem({ ...base, password: 'abc' }, folder), 'At least 4 characters: OpenSSL refuses shorter passphrases.');
  assert.equal(saveProblem({ ...base, password: 'abcd', confirm: 'abce' }, folder), 'The two passwords differ.');
  assert.equal(saveProblem({ ...base, password: 'abcd', confirm: 'abcd' }, folder), null);
  assert.equal(saveProblem({ ...base, baseName: 'a/b' }, folder), '“a/b” cannot be a file name.');
  assert.equal(saveProblem({ ...base, baseName: '  ' }, folder), 'Give the files a name.');
  assert.match(saveProblem({ ...base, storage: 'plain' }, folder)!, /without a passphrase/);
  assert.equal(saveProblem({ ...base, storage: 'plain', plainAcknowledged: true }, folder), null);
  assert.equal(saveProblem({ ...base, storage: 'workbench' }, folder), null);

  assert.deepEqual(saveRequest({ ...base, password: 'pw12', confirm: 'pw12' }, 'd1', folder), { documentId: 'd1', baseName: 'shop.example', keyProtection: { form: 'pkcs8', password: 'pw12' }, includeKey: true, destination: { folder } });
  assert.deepEqual(saveRequest({ ...base, storage: 'plain', traditional: true, password: 'ignored' }, 'd1', folder).keyProtection, { form: 'traditional', password: null });
  assert.equal(saveRequest({ ...base, storage: 'workbench' }, 'd1', folder).includeKey, false);
  assert.deepEqual(plannedFiles({ ...base, storage: 'workbench' }, false).map((f) => f.name), ['shop.example.csr']);
  assert.deepEqual(plannedFiles(base, true).map((f) => [f.name, f.secret]), [['shop.example.csr', false], ['shop.example.key', true], ['shop.example.crt', false]]);
  assert.equal(baseNameFor('*.example.com'), 'wildcard.example.com');
  assert.equal(baseNameFor('api-user-42@example.test'), 'api-user-42@example.test');
  assert.equal(baseNameFor('a b/c'), 'a_b_c');
  assert.equal(baseNameFor(''), 'request');
});

test('the keys a CSR can reuse: each open private key once, with the file it is in', () => {
  const key = (id: string, spki: string, extra: Partial<ObjectSummaryDto> = {}) => ({ id, kind: 'privateKey', label: 'RSA 2048-bit private key', alias: null, spkiSha256: spki, duplicateOf: null, ...extra }) as ObjectSummaryDto;
  const docs = [
    { id: 'd1', name: 'server.key', objects: [key('d1/0', 'aa')] },
    { id: 'd2', name: 'server.pfx', objects: [{ id: 'd2/0', kind: 'certificate' } as ObjectSummaryDto, key('d2/1', 'aa'), key('d2/2', 'bb', { alias: 'tomcat' })] },
  ] as DocumentDto[];
  assert.deepEqual(openKeys(docs), [
    { objectId: 'd1/0', label: 'RSA 2048-bit private key', documentName: 'server.key' },
    { objectId: 'd2/2', label: 'RSA 2048-bit private key (tomcat)', documentName: 'server.pfx' },
  ]);
});

test('the CA reply: the status names where the key is; each export opens Convert with the key and chain, the JKS with the CA under its own alias', () => {
  const reply = {
    keyObjectId: 'd3/1',
    keyLabel: 'shop.example (not saved)',
    chain: [{ objectId: 'd4/0', label: 'shop.example', subject: 'CN=shop.example', role: 'leaf' as const, notAfter: null }],
    problems: [],
    objectIds: ['d3/1', 'd4/0', 'd4/1'],
  };
  assert.equal(replyVerdict(reply), 'This certificate belongs to the key you made for shop.example');
  assert.equal(replyVerdict({ ...reply, keyLabel: 'server.key' }), 'The certificate for shop.example belongs to the key in server.key');
  assert.equal(keyWords('server.key'), 'the key in server.key');
  const jks = exportIntent(reply, REPLY_EXPORTS.find((e) => e.id === 'jks')!);
  assert.deepEqual(jks, { page: 'convert', source: { objectIds: ['d3/1', 'd4/0', 'd4/1'] }, target: 'jks', options: { caEntries: true } });
  jks.source.objectIds!.push('x');
  assert.equal(reply.objectIds.length, 3);
  assert.deepEqual(REPLY_EXPORTS.map((e) => e.target), ['pfx', 'certbot', 'jks']);
  assert.match(replyErrorTitle({ code: 'NO_MATCHING_KEY', message: '', hint: '' }), /None of the keys/);
});

test('a dropped file is a config when it is text with sections or settings and no PEM block', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  assert.equal(looksLikeConfig(bytes('[req]\nprompt = no\ndistinguished_name = dn\n')), true);
  assert.equal(looksLikeConfig(bytes('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')), false);
  assert.equal(looksLikeConfig(new Uint8Array([0x30, 0x82, 0x01, 0x0a, 0x02])), false);
  assert.equal(looksLikeConfig(bytes('just some words')), false);
});

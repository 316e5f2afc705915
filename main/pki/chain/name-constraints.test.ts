/**
 * Name constraints over real openssl PKIs: an intermediate with permitted / excluded subtrees (DNS, IP, email,
 * URI, directory names) and leaves inside and outside them; each verdict compared with `openssl verify`.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { derOf } from '../../../test/helpers/chain-kit';
import { opensslVerify, signCert } from '../../../test/helpers/chain-peer';
import { makeTestPki, type TestCaHandle } from '../../../test/helpers/test-pki';
import { chainCert } from './chain-cert';
import { validatePath } from './validate';

let root: TestCaHandle;
let constrained: TestCaHandle;
let excluding: TestCaHandle;

before(() => {
  root = makeTestPki('NC Root');
  constrained = root.issueCa('NC Permitted', {
    extraLines: ['nameConstraints=critical,permitted;DNS:example.test,permitted;IP:192.0.2.0/255.255.255.0,permitted;email:.example.test,permitted;URI:.example.test'],
  });
  excluding = root.issueCa('NC Excluded', { extraLines: ['nameConstraints=critical,excluded;DNS:bad.example.test,excluded;IP:2001:db8::/ffff:ffff::'] });
});

function verdict(ca: TestCaHandle, san: string[], cn = 'leaf') {
  const leaf = ca.issueLeaf(`l${Math.random().toString(36).slice(2, 8)}`, { san, cn });
  const path = [leaf.pem, ca.pem, root.pem].map((p) => chainCert(derOf(p)));
  const findings = validatePath(path, true, { at: Date.now(), purpose: null, hostName: null }).filter((f) => f.severity === 'error');
  const peer = opensslVerify({ leaf: leaf.pem, untrusted: [ca.pem], trusted: [root.pem] });
  return { findings, peer };
}

test('permitted subtrees: names inside pass, names outside are NAME_CONSTRAINTS, as openssl verify says', () => {
  const rows: { san: string[]; ok: boolean }[] = [
    { san: ['DNS:example.test'], ok: true },
    { san: ['DNS:www.example.test', 'IP:192.0.2.7'], ok: true },
    { san: ['DNS:www.example.test', 'email:me@mail.example.test', 'URI:https://app.example.test/x'], ok: true },
    { san: ['DNS:example.org'], ok: false },
    { san: ['DNS:www.example.test', 'DNS:evil.example.org'], ok: false },
    { san: ['DNS:notexample.test'], ok: false },
    { san: ['DNS:www.example.test', 'IP:198.51.100.1'], ok: false },
    { san: ['DNS:www.example.test', 'email:me@example.org'], ok: false },
    { san: ['DNS:www.example.test', 'URI:https://example.org/'], ok: false },
  ];
  for (const row of rows) {
    const { findings, peer } = verdict(constrained, row.san, 'Leaf');
    assert.equal(peer.ok, row.ok, `openssl on ${row.san.join(',')}: ${peer.output}`);
    assert.deepEqual(
      findings.map((f) => f.code),
      row.ok ? [] : ['NAME_CONSTRAINTS'],
      `${row.san.join(',')}: ${findings.map((f) => f.detail).join('; ')}`,
    );
  }
});

test('excluded subtrees: a name within one is NAME_CONSTRAINTS; the detail names the name and the CA', () => {
  const rows: { san: string[]; ok: boolean }[] = [
    { san: ['DNS:good.example.test'], ok: true },
    { san: ['DNS:bad.example.test'], ok: false },
    { san: ['DNS:www.bad.example.test'], ok: false },
    { san: ['DNS:good.example.test', 'IP:2001:db8::5'], ok: false },
    { san: ['DNS:good.example.test', 'IP:2001:db9::5'], ok: true },
  ];
  for (const row of rows) {
    const { findings, peer } = verdict(excluding, row.san);
    assert.equal(peer.ok, row.ok, `openssl on ${row.san.join(',')}: ${peer.output}`);
    assert.deepEqual(findings.map((f) => f.code), row.ok ? [] : ['NAME_CONSTRAINTS'], row.san.join(','));
  }
  const { findings } = verdict(excluding, ['DNS:www.bad.example.test']);
  assert.match(findings[0].detail, /"www\.bad\.example\.test" is within bad\.example\.test, which .*CN=NC Excluded.* excludes/);
});

test('directoryName constraints and an emailAddress in the subject DN', () => {
  const dnCa = signCert(
    { certPath: root.certPath, keyPath: root.keyPath },
    { cn: 'NC DirName', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid', 'nameConstraints=critical,permitted;dirName:dir_sect,permitted;email:example.test', '[dir_sect]', 'O=Allowed Org'] },
  );
  const check = (leaf: { pem: string }) => ({
    ours: validatePath([leaf.pem, dnCa.pem, root.pem].map((p) => chainCert(derOf(p))), true, { at: Date.now(), purpose: null, hostName: null }).filter((f) => f.code === 'NAME_CONSTRAINTS'),
    peer: opensslVerify({ leaf: leaf.pem, untrusted: [dnCa.pem], trusted: [root.pem] }),
  });
  const outside = check(signCert(dnCa, { cn: 'x', ext: ['basicConstraints=CA:FALSE'] }));
  assert.equal(outside.ours.length, 1);
  assert.match(outside.ours[0].detail, /directory name "CN=x" is outside/);
  assert.equal(outside.peer.ok, false);
  // Case and spacing differ from the constraint: RFC 5280 7.1 compares them equal.
  const inside = check(signCert(dnCa, { cn: 'y', subject: '/O=allowed  ORG/CN=y', ext: ['basicConstraints=CA:FALSE'] }));
  assert.deepEqual(inside.ours, []);
  assert.equal(inside.peer.ok, true, inside.peer.output);
  const badMail = check(signCert(dnCa, { cn: 'z', subject: '/O=Allowed Org/CN=z/emailAddress=z@example.org', ext: ['basicConstraints=CA:FALSE'] }));
  assert.match(badMail.ours.map((f) => f.detail).join(), /email address "z@example\.org" is outside/);
  assert.equal(badMail.peer.ok, false);
});

test('a name constraints extension on a leaf, or one with no subtrees, is NAME_CONSTRAINTS', () => {
  const leaf = constrained.issueLeaf('with-nc', { san: ['DNS:www.example.test'], extraLines: ['nameConstraints=critical,permitted;DNS:example.test'] });
  const findings = validatePath([leaf.pem, constrained.pem, root.pem].map((p) => chainCert(derOf(p))), true, { at: Date.now(), purpose: null, hostName: null });
  assert.ok(findings.some((f) => f.code === 'NAME_CONSTRAINTS' && f.index === 0 && /not a CA/.test(f.detail)));
});

test('without DNS or IP SANs the CN is held to the DNS constraints, as openssl does (else it would bypass them)', () => {
  const evil = constrained.issueLeaf('cn-only', { san: [], cn: 'evil.example.org' });
  const good = constrained.issueLeaf('cn-good', { san: [], cn: 'www.example.test' });
  for (const [leaf, ok] of [
    [evil, false],
    [good, true],
  ] as const) {
    const findings = validatePath([leaf.pem, constrained.pem, root.pem].map((p) => chainCert(derOf(p))), true, { at: Date.now(), purpose: null, hostName: null });
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.code), ok ? [] : ['NAME_CONSTRAINTS'], leaf.name);
    assert.equal(opensslVerify({ leaf: leaf.pem, untrusted: [constrained.pem], trusted: [root.pem] }).ok, ok, leaf.name);
  }
});

test('an excluded host is not escaped through a wildcard that covers it (as Chrome decides; OpenSSL compares the wildcard literally)', () => {
  const wild = verdict(excluding, ['DNS:*.example.test']);
  assert.deepEqual(wild.findings.map((f) => f.code), ['NAME_CONSTRAINTS']);
  assert.match(wild.findings[0].detail, /"\*\.example\.test" is within bad\.example\.test/);
  assert.equal(wild.peer.ok, true, 'OpenSSL lets the wildcard through');
  assert.deepEqual(verdict(excluding, ['DNS:*.other.test']).findings, []);
});

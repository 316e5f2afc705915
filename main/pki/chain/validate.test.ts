/**
 * validatePath over real openssl PKIs (root → intermediate → leaf, made by test-pki.ts and `openssl x509 -req`):
 * every verdict is compared with `openssl verify -auth_level 2` on the same files (purpose, host name, time),
 * and the finding codes are the ones CLI.md names.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { derOf } from '../../../test/helpers/chain-kit';
import { opensslVerify, signCert } from '../../../test/helpers/chain-peer';
import { dateAt, makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { chainCert, type ChainCert } from './chain-cert';
import type { ValidationOptions } from './types';
import { validatePath } from './validate';

const NOW = Date.now();
const OPTIONS: ValidationOptions = { at: NOW, purpose: 'serverAuth', hostName: null };

let root: TestCaHandle;
let inter: TestCaHandle;
const leaves: Record<string, IssuedCert> = {};

before(() => {
  root = makeTestPki('Validate Root');
  inter = root.issueCa('Validate Inter');
  leaves.good = inter.issueLeaf('good', { san: ['DNS:good.example.test', 'IP:127.0.0.1'] });
  leaves.expired = inter.issueLeaf('expired', { san: ['DNS:old.example.test'], startDate: dateAt(-400), endDate: dateAt(-10) });
  leaves.future = inter.issueLeaf('future', { san: ['DNS:new.example.test'], startDate: dateAt(10), endDate: dateAt(400) });
  leaves.soon = inter.issueLeaf('soon', { san: ['DNS:soon.example.test'], endDate: dateAt(5) });
  leaves.clientOnly = inter.issueLeaf('client', { san: ['DNS:client.example.test'], eku: 'clientAuth' });
  leaves.unknownCritical = inter.issueLeaf('critical', { san: ['DNS:crit.example.test'], extraLines: ['1.2.3.4.5=critical,ASN1:UTF8String:x'] });
});

const cc = (pem: string): ChainCert => chainCert(derOf(pem));
const codes = (f: { code: string; severity: string }[], severity = 'error') => f.filter((x) => x.severity === severity).map((x) => x.code).sort();

/** Our verdict and openssl's on the same leaf, intermediate and root. */
function both(leafPem: string, o: Partial<ValidationOptions> = {}, chain: string[] = [inter.pem], trusted: string[] = [root.pem]) {
  // Now, not NOW: `openssl x509 -req` starts certificates at the second they are signed.
  const options = { ...OPTIONS, at: Date.now(), ...o };
  const path = [leafPem, ...chain, ...trusted].map(cc);
  const findings = validatePath(path, true, options);
  const host = options.hostName ?? undefined;
  const isIp = host !== undefined && /^[\d.]+$|:/.test(host);
  const peer = opensslVerify({
    leaf: leafPem,
    untrusted: chain,
    trusted,
    at: options.at,
    purpose: options.purpose === 'serverAuth' ? 'sslserver' : options.purpose === 'clientAuth' ? 'sslclient' : undefined,
    ...(host === undefined ? {} : isIp ? { ip: host } : { host }),
  });
  return { findings, errors: codes(findings), peer };
}

test('a good chain is valid, as openssl verify says', () => {
  const r = both(leaves.good.pem, { hostName: 'good.example.test' });
  assert.deepEqual(r.findings, []);
  assert.equal(r.peer.ok, true, r.peer.output);
});

test('validity: expired and not yet valid leaves are errors, a leaf about to expire is a warning', () => {
  const expired = both(leaves.expired.pem);
  assert.deepEqual(expired.errors, ['EXPIRED']);
  assert.equal(expired.peer.ok, false);
  assert.match(expired.peer.output, /expired/);
  assert.match(expired.findings[0].detail, /CN=old\.example\.test expired on \d{4}-/);

  const future = both(leaves.future.pem);
  assert.deepEqual(future.errors, ['NOT_YET_VALID']);
  assert.match(future.peer.output, /not yet valid/);

  const soon = both(leaves.soon.pem);
  assert.deepEqual(soon.errors, []);
  assert.deepEqual(codes(soon.findings, 'warning'), ['EXPIRING_SOON']);
  assert.equal(soon.peer.ok, true);
  assert.deepEqual(validatePath([leaves.soon.pem, inter.pem, root.pem].map(cc), true, { ...OPTIONS, expiringSoonDays: 0 }), []);

  // The same good chain checked at a time after the leaf's end.
  const later = both(leaves.good.pem, { at: NOW + 400 * 86_400_000 });
  assert.deepEqual(later.errors, ['EXPIRED']);
  assert.equal(later.peer.ok, false);
});

test('host names: a name or IP the leaf does not list is HOSTNAME_MISMATCH, as openssl -verify_hostname / -verify_ip', () => {
  for (const [host, ok] of [
    ['good.example.test', true],
    ['GOOD.Example.Test', true],
    ['bad.example.test', false],
    ['127.0.0.1', true],
    ['127.0.0.2', false],
  ] as const) {
    const r = both(leaves.good.pem, { hostName: host });
    assert.equal(r.peer.ok, ok, `openssl on ${host}: ${r.peer.output}`);
    assert.deepEqual(r.errors, ok ? [] : ['HOSTNAME_MISMATCH'], host);
  }
});

test('purpose: a clientAuth-only leaf fails serverAuth (EXTENDED_KEY_USAGE) and passes clientAuth', () => {
  const server = both(leaves.clientOnly.pem);
  assert.deepEqual(server.errors, ['EXTENDED_KEY_USAGE']);
  assert.equal(server.peer.ok, false);
  const client = both(leaves.clientOnly.pem, { purpose: 'clientAuth' });
  assert.deepEqual(client.errors, []);
  assert.equal(client.peer.ok, true, client.peer.output);
});

test('an intermediate without keyCertSign, or with an EKU that excludes the purpose, may not issue for it', () => {
  const noSign = signCert({ certPath: root.certPath, keyPath: root.keyPath }, { cn: 'No Sign CA', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,cRLSign,digitalSignature', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'] });
  const under = signCert(noSign, { cn: 'under.example.test', ext: ['basicConstraints=CA:FALSE', 'subjectAltName=DNS:under.example.test', 'authorityKeyIdentifier=keyid'] });
  const r = both(under.pem, {}, [noSign.pem]);
  assert.deepEqual(r.errors, ['KEY_USAGE']);
  assert.equal(r.peer.ok, false);

  const emailCa = signCert({ certPath: root.certPath, keyPath: root.keyPath }, { cn: 'Email CA', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign', 'extendedKeyUsage=emailProtection', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'] });
  const web = signCert(emailCa, { cn: 'web.example.test', ext: ['basicConstraints=CA:FALSE', 'subjectAltName=DNS:web.example.test', 'extendedKeyUsage=serverAuth', 'authorityKeyIdentifier=keyid'] });
  const e = both(web.pem, {}, [emailCa.pem]);
  assert.deepEqual(e.errors, ['EXTENDED_KEY_USAGE']);
  assert.equal(e.peer.ok, false);
});

test('a leaf used as an issuer is NOT_A_CA; a CA with pathlen 0 above another CA is PATH_LENGTH', () => {
  const byLeaf = signCert(leaves.good, { cn: 'victim.example.test', ext: ['basicConstraints=CA:FALSE', 'subjectAltName=DNS:victim.example.test'] });
  const r = both(byLeaf.pem, {}, [leaves.good.pem, inter.pem]);
  assert.ok(r.errors.includes('NOT_A_CA'), r.errors.join());
  assert.equal(r.peer.ok, false);
  assert.match(r.findings.find((f) => f.code === 'NOT_A_CA')!.detail, /CN=good\.example\.test .*not a CA/);

  const zero = root.issueCa('PathLen Zero', { pathLen: 0 });
  const sub = zero.issueCa('Below Zero');
  const leaf = sub.issueLeaf('deep', { san: ['DNS:deep.example.test'] });
  const p = both(leaf.pem, {}, [sub.pem, zero.pem]);
  assert.deepEqual(p.errors, ['PATH_LENGTH']);
  assert.equal(p.findings.find((f) => f.code === 'PATH_LENGTH')!.index, 2);
  assert.equal(p.peer.ok, false);
  assert.match(p.peer.output, /path length/);
  // maxDepth counts the whole path: 4 certificates do not fit in 3.
  const deep = validatePath([leaf.pem, sub.pem, zero.pem, root.pem].map(cc), true, { ...OPTIONS, maxDepth: 3 });
  assert.ok(deep.some((f) => f.code === 'PATH_LENGTH' && f.index === null));
});

test('a damaged signature is BAD_SIGNATURE; a certificate naming another issuer does not chain', () => {
  const der = derOf(leaves.good.pem).slice();
  der[der.length - 5] ^= 0x01;
  const tampered = chainCert(der);
  const findings = validatePath([tampered, cc(inter.pem), cc(root.pem)], true, OPTIONS);
  assert.deepEqual(codes(findings), ['BAD_SIGNATURE']);
  const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`;
  assert.equal(opensslVerify({ leaf: pem, untrusted: [inter.pem], trusted: [root.pem] }).ok, false);

  const misnamed = validatePath([cc(leaves.good.pem), cc(root.pem)], true, OPTIONS);
  assert.ok(misnamed.some((f) => f.code === 'MALFORMED' && /names its issuer/.test(f.detail)));
});

test('weak keys and signatures: RSA 1024 is WEAK_KEY, SHA-1 is WEAK_SIGNATURE, as openssl -auth_level 2 refuses them', () => {
  const small = signCert(inter, { cn: 'small.example.test', key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'], ext: ['basicConstraints=CA:FALSE', 'subjectAltName=DNS:small.example.test', 'authorityKeyIdentifier=keyid'] });
  const s = both(small.pem);
  assert.deepEqual(s.errors, ['WEAK_KEY']);
  assert.equal(s.peer.ok, false);
  const sha1 = signCert(inter, { cn: 'sha1.example.test', md: 'sha1', ext: ['basicConstraints=CA:FALSE', 'subjectAltName=DNS:sha1.example.test', 'authorityKeyIdentifier=keyid'] });
  const h = both(sha1.pem);
  assert.deepEqual(h.errors, ['WEAK_SIGNATURE']);
  assert.equal(h.peer.ok, false);
});

test('an unknown critical extension is UNKNOWN_CRITICAL_EXTENSION, as openssl refuses it', () => {
  const r = both(leaves.unknownCritical.pem);
  assert.deepEqual(r.errors, ['UNKNOWN_CRITICAL_EXTENSION']);
  assert.match(r.findings[0].detail, /1\.2\.3\.4\.5/);
  assert.equal(r.peer.ok, false);
  assert.match(r.peer.output, /unsupported certificate extension|unhandled critical extension/i);
});

test('an expired anchor is an error at its index, as openssl and Go say', () => {
  const old = makeTestPki('Old Root', { startDate: dateAt(-800), endDate: dateAt(-1) });
  const leaf = old.issueLeaf('under-old', { san: ['DNS:under-old.example.test'], startDate: dateAt(-30), endDate: dateAt(300) });
  const r = both(leaf.pem, {}, [], [old.pem]);
  assert.deepEqual(r.errors, ['EXPIRED']);
  assert.equal(r.findings.find((f) => f.code === 'EXPIRED')!.index, 1);
  assert.equal(r.peer.ok, false);
});

test('an unanchored path is checked up to its last certificate; an empty path says so', () => {
  assert.deepEqual(validatePath([cc(leaves.good.pem), cc(inter.pem)], false, OPTIONS), []);
  assert.deepEqual(codes(validatePath([], false, OPTIONS)), ['NO_CERTIFICATE']);
});

test('signature schemes: RSA-PSS, ECDSA P-384 and Ed25519 chains verify, as openssl verify agrees', () => {
  const caExt = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'];
  const leafExt = (name: string) => ['basicConstraints=CA:FALSE', `subjectAltName=DNS:${name}`, 'authorityKeyIdentifier=keyid'];
  const rsaCa = signCert(root, { cn: 'RSA PSS CA', key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], ext: caExt });
  const pss = signCert(rsaCa, { cn: 'pss.example.test', sigopt: ['rsa_padding_mode:pss', 'rsa_pss_saltlen:32'], ext: leafExt('pss.example.test') });
  const p384Ca = signCert(root, { cn: 'P-384 CA', key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'], ext: caExt });
  const p384 = signCert(p384Ca, { cn: 'p384.example.test', md: 'sha384', ext: leafExt('p384.example.test') });
  const edCa = signCert(root, { cn: 'Ed25519 CA', key: ['-algorithm', 'ED25519'], ext: caExt });
  const ed = signCert(edCa, { cn: 'ed.example.test', md: 'none', key: ['-algorithm', 'ED25519'], ext: leafExt('ed.example.test') });
  for (const [leaf, ca, scheme] of [
    [pss, rsaCa, 'rsassaPss'],
    [p384, p384Ca, 'ecdsa-with-SHA384'],
    [ed, edCa, 'ED25519'],
  ] as const) {
    assert.match(cc(leaf.pem).signatureAlgorithm, new RegExp(scheme, 'i'));
    const r = both(leaf.pem, { purpose: null }, [ca.pem]);
    assert.deepEqual(r.errors, [], `${leaf.name}: ${r.findings.map((f) => f.detail).join('; ')}`);
    assert.equal(r.peer.ok, true, r.peer.output);
    // The same certificate with one signature bit flipped no longer verifies.
    const der = derOf(leaf.pem).slice();
    der[der.length - 3] ^= 0x10;
    assert.deepEqual(codes(validatePath([chainCert(der), cc(ca.pem), cc(root.pem)], true, { ...OPTIONS, purpose: null, at: Date.now() })), ['BAD_SIGNATURE'], leaf.name);
  }
});

test('a DSA issuer cannot be checked: UNSUPPORTED_ALGORITHM names it', () => {
  const params = `${root.dir}/dsa-params.pem`;
  openssl(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:1024', '-out', params]);
  const dsaCa = signCert(root, { cn: 'DSA CA', key: ['-paramfile', params], ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'] });
  const leaf = signCert(dsaCa, { cn: 'dsa.example.test', ext: ['basicConstraints=CA:FALSE', 'subjectAltName=DNS:dsa.example.test', 'authorityKeyIdentifier=keyid'] });
  const findings = validatePath([leaf.pem, dsaCa.pem, root.pem].map(cc), true, { ...OPTIONS, at: Date.now() });
  const unsupported = findings.filter((f) => f.code === 'UNSUPPORTED_ALGORITHM');
  assert.deepEqual(unsupported.map((f) => f.index).sort(), [0, 1]);
  assert.match(unsupported.find((f) => f.index === 0)!.detail, /signature on CN=dsa\.example\.test cannot be checked: the signature algorithm dsa_with_SHA256 cannot be verified/);
  assert.equal(findings.some((f) => f.code === 'BAD_SIGNATURE'), false);
});

/**
 * Config export: the file imports back to the same form (with cnAsSan applied into the SANs), and
 * `openssl req -new -config F -key K` (and `-x509`) turns it into a CSR/certificate with the same fields.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CsrSpecDto, KeySpecName, SelfSignDto } from '../../../api/dto';
import { parseCertificate } from '../certificate';
import { parseCsr } from '../csr';
import { ED25519_KEY, formSubject, opensslReq, P256_KEY, RSA_KEY, sanString } from '../../../../test/helpers/openssl-req-config';
import { exportReqConfig, importReqConfig } from './index';
import { subjectAltNames as sansWithCn } from '../requested-extensions';

interface Case {
  name: string;
  spec: CsrSpecDto;
  key: KeySpecName | null;
  keyFile: string;
  selfSign?: SelfSignDto;
}

const server: CsrSpecDto = {
  subject: [
    { type: 'C', value: 'US' },
    { type: 'ST', value: 'MN' },
    { type: 'L', value: 'Saint Paul' },
    { type: 'O', value: 'Example, Inc.' },
    { type: 'OU', value: 'Web' },
    { type: 'OU', value: 'Edge' },
    { type: 'CN', value: 'shop.example.com' },
  ],
  san: [
    { type: 'DNS', value: 'www.shop.example.com' },
    { type: 'IP', value: '192.0.2.10' },
    { type: 'IP', value: '2001:db8::10' },
  ],
  cnAsSan: true,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  keyUsageCritical: true,
  extendedKeyUsage: ['serverAuth'],
  signatureHash: 'sha256',
};

/** Values that need every kind of escaping a config value has. */
const awkward: CsrSpecDto = {
  subject: [
    { type: 'C', value: 'CH' },
    { type: 'L', value: 'Zürich' },
    { type: 'O', value: 'Café "Deluxe" #1 $HOME' },
    { type: 'OU', value: "  it's\\back/slash  " },
    { type: 'CN', value: 'jane@example.ch' },
    { type: 'emailAddress', value: 'jane@example.ch' },
    { type: 'UID', value: 'u-1234' },
    { type: 'serialNumber', value: 'A-77' },
  ],
  san: [
    { type: 'email', value: 'jane@example.ch' },
    { type: 'URI', value: 'https://example.ch/users/jane?x=1#frag' },
  ],
  cnAsSan: false,
  keyUsage: ['digitalSignature'],
  extendedKeyUsage: ['clientAuth', 'emailProtection', 'msSmartcardLogin', '1.3.6.1.4.1.55555.1.2'],
  challengePassword: 'pa$$ #word',
  signatureHash: 'sha512',
};

const CASES: Case[] = [
  { name: 'a server CSR (RSA, cnAsSan, repeated OU, IPv4 and IPv6)', spec: server, key: 'rsa:2048', keyFile: RSA_KEY },
  { name: 'a client CSR with values that need escaping (P-256)', spec: awkward, key: 'ec:P-256', keyFile: P256_KEY },
  { name: 'a CSR whose extensions keep an imported order (EKU, SAN, KU)', spec: { ...server, extensionOrder: ['extendedKeyUsage', 'subjectAltName', 'keyUsage'] }, key: 'rsa:4096', keyFile: RSA_KEY },
  { name: 'a lone CN without extensions (Ed25519)', spec: { subject: [{ type: 'CN', value: 'device-42' }], san: [], cnAsSan: false, keyUsage: [], extendedKeyUsage: [], signatureHash: 'sha256' }, key: 'ed25519', keyFile: ED25519_KEY },
];

const expectedSpec = (spec: CsrSpecDto): CsrSpecDto => ({ ...spec, san: sansWithCn(spec), cnAsSan: false });

describe('exportReqConfig', () => {
  for (const c of CASES) {
    it(`round-trips ${c.name}: import(export(spec)) is the spec`, () => {
      const text = exportReqConfig(c.spec, c.key);
      const back = importReqConfig(text, 'exported.cnf');
      assert.deepEqual(back.spec, expectedSpec(c.spec));
      assert.equal(back.key, c.key?.startsWith('rsa:') ? c.key : null);
      assert.deepEqual(back.warnings, []);
      assert.equal(back.selfSign, null);
    });

    it(`gives openssl req -config the same CSR fields for ${c.name}`, async () => {
      const made = await opensslReq(exportReqConfig(c.spec, c.key), { key: c.keyFile });
      assert.ok(made.ok, made.stderr);
      const csr = parseCsr(made.der!);
      const want = expectedSpec(c.spec);
      assert.ok(csr.signatureValid);
      assert.deepEqual(csr.subjectParts.map((p) => [p.oid, p.value]), formSubject(want));
      assert.deepEqual(csr.san, want.san.map(sanString));
      assert.deepEqual(csr.keyUsage, want.keyUsage);
      assert.deepEqual(csr.extendedKeyUsage, want.extendedKeyUsage);
      const order = { '2.5.29.17': 'subjectAltName', '2.5.29.15': 'keyUsage', '2.5.29.37': 'extendedKeyUsage' } as Record<string, string>;
      assert.deepEqual(csr.extensions.map((e) => order[e.oid]), want.extensionOrder ?? ['subjectAltName', 'keyUsage', 'extendedKeyUsage'].filter((n) => csr.extensions.some((e) => order[e.oid] === n)));
      if (c.key !== 'ed25519') assert.match(csr.signatureAlgorithm, new RegExp(want.signatureHash, 'i'));
      assert.equal(csr.attributes.some((a) => /Challenge password/.test(a)), !!want.challengePassword);
    });
  }

  it('names Certbench and the command to use in a comment header, without a date', () => {
    const text = exportReqConfig(server, 'rsa:2048');
    assert.match(text, /^# OpenSSL req config written by Certbench/);
    assert.match(text, /openssl req -new -config request\.cnf -key request\.key -out request\.csr/);
    assert.match(text, /string_mask\s+= utf8only/);
    assert.match(text, /subjectAltName\s+= @alt_names/);
    assert.doesNotMatch(text, /20\d\d-\d\d-\d\d/);
    const named = exportReqConfig(server, 'rsa:2048', undefined, { baseName: "shop's\n[ req ]\nprompt = yes" });
    assert.match(named, /-config 'shop'\\''s \[ req \] prompt = yes\.cnf'/);
    assert.deepEqual(importReqConfig(named, 'named.cnf').spec, expectedSpec(server), 'a name cannot inject config lines');
  });

  it('adds a self-signed section that openssl req -x509 follows, and that imports back', async () => {
    const selfSign: SelfSignDto = { days: 825, ca: true, pathLength: 0 };
    const text = exportReqConfig(server, 'rsa:2048', selfSign);
    const back = importReqConfig(text, 'ca.cnf');
    assert.deepEqual(back.selfSign, selfSign);
    const made = await opensslReq(text, { extra: ['-x509', '-days', '825'] });
    assert.ok(made.ok, made.stderr);
    const cert = parseCertificate(made.der!);
    assert.equal(cert.isCA, true);
    assert.equal(cert.pathLen, 0);
    assert.deepEqual(cert.san, sansWithCn(server).map(sanString));
    assert.deepEqual(cert.keyUsage, ['digitalSignature', 'keyEncipherment', 'keyCertSign', 'cRLSign']);
    const leaf = await opensslReq(exportReqConfig(server, 'rsa:2048', { days: 30, ca: false }), { extra: ['-x509'] });
    assert.equal(parseCertificate(leaf.der!).isCA, false);
  });

  it('round-trips 200 random forms with every character a config treats specially, and openssl agrees on 20 of them', async () => {
    let seed = 12;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)];
    const chars = [...'abcXYZ019 #$"\'`\\/,+=;<>!@%&*()[]{}:.-_éü中\t'];
    const text = (max: number) => Array.from({ length: 1 + rnd(max) }, () => pick(chars)).join('');
    const types = ['ST', 'L', 'O', 'OU', 'CN', 'title', 'street', 'postalCode'];
    for (let i = 0; i < 200; i++) {
      const spec: CsrSpecDto = {
        subject: [{ type: 'C', value: pick(['US', 'DE', 'JP']) }, ...Array.from({ length: 1 + rnd(5) }, () => ({ type: pick(types), value: text(30) }))],
        san: Array.from({ length: rnd(4) }, () => pick([{ type: 'DNS', value: `h${rnd(99)}.example.com` }, { type: 'URI', value: 'https://x.example/' + text(10).replace(/[^\x21-\x7e]/g, '') + 'p' }, { type: 'email', value: `u${rnd(9)}@example.com` }, { type: 'IP', value: `192.0.2.${rnd(255)}` }] as const)),
        cnAsSan: false,
        keyUsage: pick([[], ['digitalSignature'], ['keyAgreement', 'digitalSignature']] as const).slice(),
        extendedKeyUsage: pick([[], ['serverAuth'], ['1.2.3.4.5', 'clientAuth']]),
        signatureHash: pick(['sha256', 'sha384', 'sha512'] as const),
        ...(rnd(3) === 0 ? { challengePassword: text(20) } : {}),
      };
      const config = exportReqConfig(spec, 'rsa:2048');
      assert.deepEqual(importReqConfig(config, 'random.cnf').spec, expectedSpec(spec), config);
      if (i % 10 === 0) {
        const made = await opensslReq(config);
        assert.ok(made.ok, made.stderr + config);
        const csr = parseCsr(made.der!);
        assert.deepEqual(csr.subjectParts.map((p) => [p.oid, p.value]), formSubject(spec), config);
        assert.deepEqual(csr.san, spec.san.map(sanString), config);
      }
    }
  });
});

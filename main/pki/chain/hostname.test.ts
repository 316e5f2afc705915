/**
 * Host name matching on certificates made by openssl, each answer compared with `openssl x509 -checkhost` /
 * `-checkip` where OpenSSL follows the same rule (it allows partial wildcards such as f*.example.com, which
 * browsers and Certbench refuse: those rows say so).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { derOf } from '../../../test/helpers/chain-kit';
import { openssl } from '../../../test/helpers/test-pki';
import { chainCert, type ChainCert } from './chain-cert';
import { dnsPatternMatches, matchHostName } from './hostname';

const dir = mkdtempSync(join(tmpdir(), 'certbench-hostname-'));
const certs: Record<string, { cert: ChainCert; path: string }> = {};

function selfSigned(name: string, cn: string, san: string | null): void {
  const path = join(dir, `${name}.pem`);
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, `${name}.key`), '-subj', `/CN=${cn}`, '-days', '30', '-out', path];
  if (san) args.push('-addext', `subjectAltName=${san}`);
  openssl(args);
  certs[name] = { cert: chainCert(derOf(openssl(['x509', '-in', path]))), path };
}

before(() => {
  selfSigned('multi', 'cn.example.com', 'DNS:example.com,DNS:*.wild.example.com,IP:192.0.2.1,IP:2001:db8::1');
  selfSigned('legacy', 'legacy.example.com', null);
  selfSigned('emailOnly', 'mail.example.com', 'email:someone@example.com');
  selfSigned('suffix', 'suffix', 'DNS:*.com');
  selfSigned('partial', 'partial', 'DNS:f*.example.com');
  selfSigned('idn', 'idn', 'DNS:xn--bcher-kva.example');
});

function openSslSays(path: string, host: string): boolean {
  const ip = /^[\d.]+$/.test(host) || host.includes(':');
  const out = openssl(['x509', '-in', path, '-noout', ip ? '-checkip' : '-checkhost', host]);
  return !/does NOT match/.test(out);
}

const ROWS: { cert: string; host: string; matches: boolean; peerAgrees?: false; why: string }[] = [
  { cert: 'multi', host: 'example.com', matches: true, why: 'exact DNS name' },
  { cert: 'multi', host: 'EXAMPLE.com', matches: true, why: 'DNS names ignore case' },
  { cert: 'multi', host: 'a.wild.example.com', matches: true, why: 'wildcard covers one label' },
  { cert: 'multi', host: 'wild.example.com', matches: false, why: 'wildcard needs a label' },
  { cert: 'multi', host: 'a.b.wild.example.com', matches: false, why: 'wildcard covers exactly one label' },
  { cert: 'multi', host: 'cn.example.com', matches: false, why: 'no CN fallback when SANs exist' },
  { cert: 'multi', host: '192.0.2.1', matches: true, why: 'IPv4 SAN' },
  { cert: 'multi', host: '192.0.2.2', matches: false, why: 'other IPv4' },
  { cert: 'multi', host: '2001:DB8:0:0:0:0:0:1', matches: true, why: 'IPv6 in another textual form' },
  { cert: 'multi', host: '2001:db8::2', matches: false, why: 'other IPv6' },
  { cert: 'legacy', host: 'legacy.example.com', matches: true, why: 'CN fallback without SANs' },
  { cert: 'legacy', host: 'other.example.com', matches: false, why: 'CN fallback, other name' },
  { cert: 'emailOnly', host: 'mail.example.com', matches: true, why: 'no DNS/IP SANs: CN fallback' },
  { cert: 'suffix', host: 'foo.com', matches: false, why: 'no wildcard over a two-label name' },
  { cert: 'partial', host: 'foo.example.com', matches: false, peerAgrees: false, why: 'partial-label wildcards are refused (OpenSSL allows them)' },
  { cert: 'idn', host: 'xn--bcher-kva.example', matches: true, why: 'A-labels compare as they are' },
];

test('host names match as RFC 6125 and browsers say, and as openssl -checkhost/-checkip where OpenSSL has the same rule', () => {
  for (const row of ROWS) {
    const { cert, path } = certs[row.cert];
    const got = matchHostName(cert, row.host);
    assert.equal(got.matches, row.matches, `${row.cert} ${row.host}: ${row.why} (${got.detail})`);
    const peer = openSslSays(path, row.host);
    if (row.peerAgrees === false) assert.notEqual(peer, row.matches, `openssl was expected to differ on ${row.host}`);
    else assert.equal(peer, row.matches, `openssl on ${row.cert} ${row.host}`);
  }
});

test('trailing dots, bracketed IPv6 and zones; IP literals never match DNS names', () => {
  const multi = certs.multi.cert;
  assert.equal(matchHostName(multi, 'example.com.').matches, true);
  assert.equal(matchHostName(multi, '[2001:db8::1]').matches, true);
  assert.equal(matchHostName(multi, '192.0.513').matches, true, 'WHATWG IPv4 shorthand 192.0.513 = 192.0.2.1');
  assert.equal(matchHostName(multi, '0xc0.0.2.1').matches, true);
  assert.equal(matchHostName(certs.idn.cert, 'bücher.example').matches, true, 'a U-label host compares as its A-label');
  const dnsIp = matchHostName(certs.legacy.cert, '192.0.2.1');
  assert.equal(dnsIp.matches, false);
  assert.match(dnsIp.detail, /192\.0\.2\.1 is not among/);
});

test('the detail lists the names the certificate is valid for', () => {
  const m = matchHostName(certs.multi.cert, 'shop.example.org');
  assert.deepEqual(m.names, ['DNS:example.com', 'DNS:*.wild.example.com', 'IP:192.0.2.1', 'IP:2001:db8::1']);
  assert.match(m.detail, /shop\.example\.org is not among the names .*DNS:example\.com/);
});

test('wildcard patterns: only a whole leftmost label, never embedded, never over an empty label', () => {
  assert.equal(dnsPatternMatches('*.example.com', 'x.example.com'), true);
  assert.equal(dnsPatternMatches('*.example.com', '.example.com'), false);
  assert.equal(dnsPatternMatches('x*.example.com', 'xy.example.com'), false);
  assert.equal(dnsPatternMatches('xn--*-1b3c148a.example.com', 'xn--bliss-1b3c148a.example.com'), false);
  assert.equal(dnsPatternMatches('*.*.example.com', 'a.b.example.com'), false);
  assert.equal(dnsPatternMatches('a.*.example.com', 'a.b.example.com'), false);
  assert.equal(dnsPatternMatches('*', 'localhost'), false);
});

/**
 * Every certificate Let's Encrypt publishes, checked against OpenSSL's own text dump beside it: serial,
 * dates, key size, CA flag and path length, and every extension decoded to the same values
 * (test/helpers/compare-extensions.ts: key identifiers, AIA, CRL DP, policies, KU, EKU, SAN...).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fixture } from '../../test/helpers/fixtures';
import type { CertificateDto } from '../api/dto';
import { describeObject } from './describe';
import { readBytes } from './read';
import { assertSameExtensions } from '../../test/helpers/compare-extensions';

const DIR = fixture('corpus', 'letsencrypt');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

async function certOf(path: string): Promise<CertificateDto> {
  const r = await readBytes(new Uint8Array(readFileSync(path)));
  const dto = describeObject(r.objects[0], { id: 'x', now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(dto.kind, 'certificate', `${path}: ${dto.kind === 'unsupported' ? dto.error.message : ''}`);
  return dto as CertificateDto;
}

/** What OpenSSL's `x509 -text` says, read back from its dump. */
function opensslSays(text: string) {
  const line = (re: RegExp) => re.exec(text)?.[1]?.trim() ?? null;
  const serialBlock = /Serial Number:\s*\n\s+([0-9a-f:]+)/.exec(text)?.[1] ?? /Serial Number: (\d+)/.exec(text)?.[1];
  const serial = serialBlock?.includes(':') ? serialBlock.replace(/:/g, '').toUpperCase() : BigInt(serialBlock ?? '0').toString(16).toUpperCase().padStart(2, '0');
  const bc = line(/Basic Constraints:.*\n\s+(.*)/);
  return {
    serial,
    notAfter: new Date(line(/Not After : (.*)/) ?? '').toISOString(),
    notBefore: new Date(line(/Not Before: (.*)/) ?? '').toISOString(),
    keyBits: Number(line(/Public-Key: \((\d+) bit\)/)),
    isCA: bc ? /CA:TRUE/.test(bc) : false,
    pathLen: bc && /pathlen:(\d+)/.test(bc) ? Number(/pathlen:(\d+)/.exec(bc)?.[1]) : null,
  };
}

// `x.txt` is OpenSSL's dump; `x.pem.txt` is the website's copy of the PEM under another name.
const dumps = files(DIR).filter((p) => p.endsWith('.txt') && !p.endsWith('.pem.txt') && !p.includes('LICENSE'));

test('the Let\'s Encrypt corpus is here: a PEM beside every dump', () => {
  assert.equal(dumps.length, 78, `${dumps.length} dumps`);
  for (const txt of dumps) assert.ok(existsSync(txt.replace(/\.txt$/, '.pem')), txt);
});

for (const txt of dumps) {
  const base = txt.replace(/\.txt$/, '');
  const pem = `${base}.pem`;
  test(`letsencrypt ${relative(DIR, pem)} matches OpenSSL's text dump`, async () => {
    const cert = await certOf(pem);
    const o = opensslSays(readFileSync(txt, 'utf8'));
    assert.equal(cert.serial, o.serial, 'serial');
    assert.equal(cert.notAfter, o.notAfter, 'notAfter');
    assert.equal(cert.notBefore, o.notBefore, 'notBefore');
    assert.equal(cert.keySize, o.keyBits, 'key size');
    assert.equal(cert.isCA, o.isCA, 'CA');
    assert.equal(cert.pathLen, o.pathLen, 'path length');
    assertSameExtensions(cert.extensions, readFileSync(txt, 'utf8'), 'X509v3 extensions', relative(DIR, pem));
    const der = `${base}.der`;
    if (existsSync(der)) assert.equal((await certOf(der)).sha256, cert.sha256, 'DER and PEM are the same certificate');
    if (existsSync(`${pem}.txt`)) assert.equal((await certOf(`${pem}.txt`)).sha256, cert.sha256, 'PEM saved as .txt is found by content');
  });
}

test('the TrustID root as PKCS#7 opens to the same certificate as its PEM', async () => {
  const r = await readBytes(new Uint8Array(readFileSync(join(DIR, 'trustid-x3-root.p7b'))));
  assert.equal(r.format, 'pkcs7');
  const p7 = describeObject(r.objects[0], { id: 'x', now: new Date() }) as CertificateDto;
  assert.equal(p7.sha256, (await certOf(join(DIR, 'trustid-x3-root.pem'))).sha256);
});

/**
 * UTCTime and GeneralizedTime: the validity of every pyca certificate as OpenSSL prints it (x509-openssl.json),
 * and the plain Zulu shape read straight from its digits agreeing with the general parse of the same instant.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, fixtureJson } from '../../../test/helpers/fixtures';
import { readBytes } from '../read';
import { certificateFields } from '../x509/certificate';
import { readRoot, timeOf } from './der';
import { tlv } from './write';

const opensslText = fixtureJson<Record<string, string>>('corpus', 'pyca', 'x509-openssl.json');
const certificates = readFileSync(fixture('corpus', 'pyca', 'x509-manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .filter(([, kind]) => kind === 'certificate')
  .map(([path]) => path);

/** OpenSSL's "May  5 09:37:37 2011 GMT" as milliseconds, or null for its "Bad time value". */
function opensslTime(text: string, label: 'Not Before' | 'Not After '): number | null {
  const printed = new RegExp(`${label}: (.+)`).exec(text)?.[1];
  assert.ok(printed, label);
  if (/Bad time value/.test(printed)) return null;
  const m = /^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\d+) GMT$/.exec(printed);
  assert.ok(m, printed);
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[1]) / 3;
  return Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

test('every pyca certificate OpenSSL reads has the validity OpenSSL prints', async () => {
  let compared = 0;
  for (const path of certificates) {
    const text = opensslText[path];
    const read = await readBytes(new Uint8Array(readFileSync(fixture('corpus', 'pyca', path))));
    const cert = read.objects.find((o) => o.kind === 'certificate');
    assert.ok(cert && cert.kind === 'certificate', path);
    const [notBefore, notAfter] = certificateFields(cert.der).validity;
    for (const [tlvOf, label] of [[notBefore, 'Not Before'], [notAfter, 'Not After ']] as const) {
      const expected = opensslTime(text, label);
      let ours: number | null;
      try {
        ours = Math.floor(timeOf(tlvOf).getTime() / 1000) * 1000; // OpenSSL prints whole seconds
      } catch {
        ours = null;
      }
      assert.equal(ours, expected, `${path} ${label.trim()}`);
      compared++;
    }
  }
  assert.ok(compared >= 200, `${compared} times compared`);
});

const der = (tag: number, text: string) => readRoot(tlv(tag, new TextEncoder().encode(text)));
const UTC = 0x17;
const GENERALIZED = 0x18;

test('YYMMDDHHMMSSZ and YYYYMMDDHHMMSSZ give the instant the same time written with a +0000 offset gives', () => {
  const samples = ['000101000000', '491231235959', '500101000000', '991231235959', '260229120000', '261327250000', '261200000000', '260100000000', '260230000000', '261231246060'];
  for (const s of samples) {
    assert.equal(timeOf(der(UTC, `${s}Z`)).getTime(), timeOf(der(UTC, `${s}+0000`)).getTime(), `UTCTime ${s}`);
    const year = Number(s.slice(0, 2)) >= 50 ? '19' : '20';
    for (const full of [`${year}${s}`, `2${s.slice(0, 3)}${s}`.slice(0, 14), `9999${s.slice(2)}`]) {
      assert.equal(timeOf(der(GENERALIZED, `${full}Z`)).getTime(), timeOf(der(GENERALIZED, `${full}+0000`)).getTime(), `GeneralizedTime ${full}`);
    }
  }
  assert.equal(timeOf(der(UTC, '491231235959Z')).toISOString(), '2049-12-31T23:59:59.000Z');
  assert.equal(timeOf(der(UTC, '500101000000Z')).toISOString(), '1950-01-01T00:00:00.000Z');
  for (const bad of ['49123123595Z', '4912312359590', '49123123595aZ', '4912312359 9Z']) assert.throws(() => timeOf(der(UTC, bad)), { code: 'CORRUPT' }, bad);
  assert.throws(() => timeOf(der(0x04, '491231235959Z')), { code: 'CORRUPT' });
});

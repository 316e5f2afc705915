/**
 * OCSP responses against OpenSSL's own reading of them (`openssl ocsp -respin F -resp_text -noverify`, saved
 * beside each file by test/fixtures/make-ocsp.sh and copy-corpus-ocsp.sh): status, responder, producedAt,
 * every CertID and status with its times, the signature algorithm and the certificates carried.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeAlone } from '../../../test/helpers/describe';
import { fixture } from '../../../test/helpers/fixtures';
import type { CertificateDto, ObjectDto, OcspResponseDto } from '../../api/dto';
import { isPkiError } from '../errors';
import { readBytes } from '../read';

interface OpensslSingle {
  hashAlgorithm: string;
  issuerNameHash: string;
  issuerKeyHash: string;
  serial: string;
  status: string;
  revocationTime: string | null;
  revocationReason: string | null;
  thisUpdate: string | null;
  nextUpdate: string | null;
}

const iso = (s: string | undefined) => (s ? new Date(s.trim()).toISOString() : null);

/** RFC 4514 text from OpenSSL's one-line name ("C = BM, O = QuoVadis Limited, CN = ..."). */
function onelineToRfc4514(s: string): string {
  const parts = s.split(/, (?=[A-Za-z0-9.]+ = )/).map((p) => {
    const [k, ...rest] = p.split(' = ');
    const v = rest.join(' = ').replace(/^"(.*)"$/, '$1');
    return `${k}=${v.replace(/[\\,+"<>;=]/g, (c) => '\\' + c).replace(/^#/, '\\#')}`;
  });
  return parts.reverse().join(',');
}

function opensslSays(text: string) {
  const status = /OCSP Response Status: (\w+)/.exec(text)?.[1] ?? /Responder Error: (\S+) \((\d+)\)/.exec(text)?.[1] ?? null;
  const code = /Responder Error: \S+ \((\d+)\)/.exec(text)?.[1];
  const responder = /Responder Id: (.*)/.exec(text)?.[1] ?? null;
  const body = text.split(/\n(?=Certificate:\n)/)[0];
  const singles: OpensslSingle[] = body
    .split('Certificate ID:')
    .slice(1)
    .map((b) => {
      const f = (re: RegExp) => re.exec(b)?.[1]?.trim() ?? null;
      return {
        hashAlgorithm: f(/Hash Algorithm: (.*)/)!,
        issuerNameHash: f(/Issuer Name Hash: (.*)/)!,
        issuerKeyHash: f(/Issuer Key Hash: (.*)/)!,
        serial: f(/Serial Number: (.*)/)!,
        status: f(/Cert Status: (.*)/)!,
        revocationTime: iso(f(/Revocation Time: (.*)/) ?? undefined),
        revocationReason: f(/Revocation Reason: (\S+)/),
        thisUpdate: iso(f(/This Update: (.*)/) ?? undefined),
        nextUpdate: iso(f(/Next Update: (.*)/) ?? undefined),
      };
    });
  return {
    status: code === '7' ? 'status 7' : status,
    responder,
    producedAt: iso(/Produced At: (.*)/.exec(text)?.[1]),
    signatureAlgorithm: /\n    Signature Algorithm: (.*)/.exec(body)?.[1]?.trim() ?? null,
    certificates: (text.match(/^Certificate:$/gm) ?? []).length,
    singles,
    parsed: !/^Error parsing response/m.test(text),
  };
}

async function open(path: string): Promise<{ format: string; objects: ObjectDto[] }> {
  const r = await readBytes(new Uint8Array(readFileSync(path)));
  return { format: r.format, objects: r.objects.map((o, i) => describeAlone(o, `t/${i}`, new Date('2026-11-27T00:00:00Z'))) };
}

function compare(ocsp: OcspResponseDto, o: ReturnType<typeof opensslSays>, objects: ObjectDto[]) {
  assert.equal(ocsp.responseStatus, o.status, 'response status');
  if (!o.parsed || ocsp.responseStatus !== 'successful') return;
  if (o.responder && /^[0-9A-F]{40}$/.test(o.responder)) {
    assert.equal(ocsp.responderIdType, 'keyHash');
    assert.equal(ocsp.responderId, o.responder, 'responder key hash');
  } else {
    assert.equal(ocsp.responderIdType, 'name');
    assert.equal(ocsp.responderId, onelineToRfc4514(o.responder ?? ''), 'responder name');
  }
  assert.equal(ocsp.producedAt, o.producedAt, 'producedAt');
  assert.equal(ocsp.signatureAlgorithm, o.signatureAlgorithm, 'signature algorithm');
  assert.equal(ocsp.responses.length, o.singles.length, 'number of responses');
  ocsp.responses.forEach((r, i) => {
    const s = o.singles[i];
    // OpenSSL names an unknown hash by its OID; so do we.
    assert.equal(r.hashAlgorithm, s.hashAlgorithm, `hash algorithm ${i}`);
    assert.equal(r.issuerNameHash, s.issuerNameHash, `issuer name hash ${i}`);
    assert.equal(r.issuerKeyHash, s.issuerKeyHash, `issuer key hash ${i}`);
    assert.equal(r.serial, s.serial, `serial ${i}`);
    assert.equal(r.status, s.status, `status ${i}`);
    assert.equal(r.revocationTime, s.revocationTime, `revocation time ${i}`);
    assert.equal(r.revocationReason, s.revocationReason, `revocation reason ${i}`);
    assert.equal(r.thisUpdate, s.thisUpdate, `thisUpdate ${i}`);
    assert.equal(r.nextUpdate, s.nextUpdate, `nextUpdate ${i}`);
  });
  assert.equal(ocsp.certificateCount, o.certificates, 'certificates carried');
  const certs = objects.filter((x): x is CertificateDto => x.kind === 'certificate');
  assert.equal(certs.length, o.certificates, 'each carried certificate opens as a certificate');
}

const dirs = [fixture('ocsp'), fixture('corpus', 'pyca', 'x509', 'ocsp'), fixture('corpus', 'openssl-ocsp')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.der') || f.endsWith('.ors')).map((f) => join(d, f)));

test('OCSP fixtures: made by openssl ocsp, and real ones from pyca and OpenSSL\'s tests', () => {
  assert.ok(files.length >= 55, `${files.length} files`);
});

for (const path of files) {
  test(`${path.slice(fixture().length + 1)} reads as OpenSSL reads it`, async () => {
    const expected = opensslSays(readFileSync(path.replace(/\.(der|ors)$/, '.openssl.txt'), 'utf8'));
    const { format, objects } = await open(path);
    assert.equal(format, 'ocsp-response');
    const ocsp = objects[0];
    assert.equal(ocsp.kind, 'ocspResponse', ocsp.kind === 'unsupported' ? ocsp.error.message : '');
    compare(ocsp as OcspResponseDto, expected, objects);
  });
}

test('made by openssl ocsp: good, revoked with reason, unknown; no problems', async () => {
  const good = (await open(fixture('ocsp', 'good.der'))).objects[0] as OcspResponseDto;
  assert.equal(good.responses[0].status, 'good');
  assert.deepEqual(good.problems, []);
  const multi = (await open(fixture('ocsp', 'multi.der'))).objects[0] as OcspResponseDto;
  assert.deepEqual(multi.responses.map((r) => r.status), ['good', 'revoked', 'unknown']);
  assert.equal(multi.responses[1].revocationReason, 'keyCompromise');
  assert.equal(multi.certificateCount, 2);
});

test('PEM "OCSP RESPONSE" reads like its DER', async () => {
  const pem = await open(fixture('ocsp', 'revoked.pem'));
  const der = await open(fixture('ocsp', 'revoked.der'));
  assert.equal(pem.format, 'ocsp-response');
  const a = pem.objects[0] as OcspResponseDto;
  const b = der.objects[0] as OcspResponseDto;
  assert.equal(a.sha256, b.sha256);
  assert.deepEqual(a.responses, b.responses);
  assert.equal(pem.objects.filter((o) => o.kind === 'certificate').length, 1);
});

test('structural problems: unknown status, unknown type, no body, unknown hash', async () => {
  const problem = async (f: string) => ((await open(fixture('corpus', 'pyca', 'x509', 'ocsp', f))).objects[0] as OcspResponseDto).problems.map((p) => p.code);
  assert.deepEqual(await problem('resp-unknown-response-status.der'), ['UNKNOWN_RESPONSE_STATUS']);
  assert.deepEqual(await problem('resp-response-type-unknown-oid.der'), ['UNKNOWN_RESPONSE_TYPE']);
  assert.deepEqual(await problem('resp-successful-no-response-bytes.der'), ['MISSING_RESPONSE_BYTES']);
  assert.deepEqual(await problem('resp-unknown-hash-alg.der'), ['UNKNOWN_HASH_ALGORITHM']);
  assert.deepEqual(await problem('resp-unauthorized.der'), []);
});

test('a truncated OCSP response is a typed error, never a crash', async () => {
  const bytes = new Uint8Array(readFileSync(fixture('ocsp', 'multi.der')));
  for (const cut of [10, 100, 400, bytes.length - 1]) {
    try {
      const r = await readBytes(bytes.subarray(0, cut));
      const d = r.objects.map((o, i) => describeAlone(o, `t/${i}`, new Date()));
      assert.ok(d.length > 0);
    } catch (e) {
      assert.ok(isPkiError(e), String(e));
    }
  }
});

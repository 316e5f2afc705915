/**
 * checkCrls on CRLs made by `openssl ca -gencrl` (test/helpers/test-pki.ts) and `openssl crl -gendelta`, with
 * `openssl verify -crl_check` as the peer on the same certificates and CRLs: good, revoked (date and reason as
 * `openssl crl -text` prints them), no CRL, stale, not yet valid, signed by an impostor key of the same name,
 * delta CRLs, unreadable CRL bytes, and a CRL of 100,000 entries.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { derOf } from '../../../test/helpers/chain-kit';
import { makeTestPki, openssl, type IssuedCert, type TestCaHandle } from '../../../test/helpers/test-pki';
import { mutate } from '../../fuzz/mutators';
import { Rng } from '../../fuzz/rng';
import { chainCert, type ChainCert } from '../chain/chain-cert';
import { readRoot, children, whole } from '../der/der';
import * as der from '../der/write';
import { signatureAlgorithm, signed } from '../x509/sign';
import { writeTime } from '../x509/time-write';
import { checkCrls } from './crl-check';

const DAY = 86_400_000;
const work = mkdtempSync(join(tmpdir(), 'certbench-crl-'));
let fileCount = 0;

function crlDer(pem: string): Uint8Array {
  const body = /-----BEGIN X509 CRL-----([\s\S]+?)-----END X509 CRL-----/.exec(pem);
  assert.ok(body, 'openssl wrote a CRL');
  return new Uint8Array(Buffer.from(body[1].replace(/\s+/g, ''), 'base64'));
}

const certOf = (c: IssuedCert): ChainCert => chainCert(derOf(c.pem));

/** openssl's YYYYMMDDHHMMSSZ for a time some hours back. */
const dateHoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');

function save(text: string): string {
  const path = join(work, `f${++fileCount}.pem`);
  writeFileSync(path, text);
  return path;
}

/** openssl verify -crl_check with these CRLs; its last line ("OK", or the error) is what the tests compare. */
function opensslVerify(root: TestCaHandle, cas: TestCaHandle[], leaf: IssuedCert, crlPems: string[], extra: string[] = []): string {
  const args = ['verify', '-crl_check', '-CAfile', root.certPath, '-untrusted', save(cas.map((c) => c.pem).join('')), '-CRLfile', save(crlPems.join('')), ...extra, leaf.certPath];
  try {
    return openssl(args).trim();
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
  }
}

/** The revocation date `openssl crl -text` prints for a serial, as ISO 8601. */
function opensslRevocationDate(crlPem: string, serial: string): string {
  const text = openssl(['crl', '-noout', '-text'], crlPem);
  const at = text.indexOf(`Serial Number: ${serial}`);
  assert.ok(at >= 0, `openssl lists serial ${serial}`);
  const date = /Revocation Date: (.+)/.exec(text.slice(at))![1];
  return new Date(date).toISOString();
}

describe('checkCrls against openssl verify -crl_check', () => {
  let root: TestCaHandle;
  let ca: TestCaHandle;
  let good: IssuedCert;
  let compromised: IssuedCert;
  let superseded: IssuedCert;
  let rootCrl: string;
  let caCrl: string;
  let path: (leaf: IssuedCert) => ChainCert[];
  /** After the CRLs were made (thisUpdate has whole seconds). */
  let now = 0;

  before(() => {
    root = makeTestPki('CRL Test Root');
    ca = root.issueCa('CRL Test CA');
    good = ca.issueLeaf('good');
    compromised = ca.issueLeaf('compromised');
    superseded = ca.issueLeaf('superseded');
    ca.revoke(compromised, 'keyCompromise');
    ca.revoke(superseded, 'superseded');
    caCrl = ca.crl(30);
    rootCrl = root.crl(30);
    const caCert = chainCert(derOf(ca.pem));
    const rootCert = chainCert(derOf(root.pem));
    path = (leaf) => [certOf(leaf), caCert, rootCert];
    now = Date.now();
  });

  const check = (leaf: IssuedCert, crls: string[], at = now, index = 0) => {
    const p = path(leaf);
    return checkCrls({ cert: p[index], issuer: p[index + 1], path: p, crls: crls.map(crlDer), at });
  };

  it('a certificate not on its issuer\'s CRL is good, as openssl says', () => {
    const result = check(good, [caCrl, rootCrl]);
    assert.equal(result.status, 'good', result.detail);
    assert.equal(result.method, 'crl');
    assert.match(result.detail, /CRL Test CA/);
    assert.equal(opensslVerify(root, [ca], good, [caCrl, rootCrl]).split('\n').pop(), `${good.certPath}: OK`);
  });

  it('a revoked certificate: revoked, with the date and reason openssl prints', () => {
    for (const [leaf, reason] of [[compromised, 'keyCompromise'], [superseded, 'superseded']] as const) {
      const result = check(leaf, [caCrl, rootCrl]);
      assert.equal(result.status, 'revoked', result.detail);
      assert.equal(result.reason, reason);
      assert.equal(result.revokedAt, opensslRevocationDate(caCrl, leaf.serial));
      assert.match(opensslVerify(root, [ca], leaf, [caCrl, rootCrl]), /certificate revoked/);
    }
  });

  it('the intermediate against the root\'s CRL is good (openssl -crl_check_all agrees)', () => {
    const result = check(good, [caCrl, rootCrl], now, 1);
    assert.equal(result.status, 'good', result.detail);
    assert.match(result.detail, /CRL Test Root/);
    assert.match(opensslVerify(root, [ca], good, [caCrl, rootCrl], ['-crl_check_all']), /: OK$/);
  });

  it('no CRL from the issuer: unknown, and openssl cannot get the CRL either', () => {
    const result = check(good, [rootCrl]);
    assert.equal(result.status, 'unknown');
    assert.match(result.detail, /No CRL from .*CRL Test CA was given/);
    assert.match(opensslVerify(root, [ca], good, [rootCrl]), /unable to get certificate CRL/);
  });

  it('a CRL past its nextUpdate: unknown (stale), as openssl finds it expired', () => {
    const later = now + 40 * DAY;
    const result = check(good, [caCrl, rootCrl], later);
    assert.equal(result.status, 'unknown');
    assert.match(result.detail, /stale: its next update was due/);
    assert.match(opensslVerify(root, [ca], good, [caCrl, rootCrl], ['-attime', String(Math.floor(later / 1000))]), /CRL has expired/);
  });

  it('a CRL issued after the time checked: unknown, as openssl finds it not yet valid', () => {
    const earlier = now - 2 * DAY;
    const result = check(good, [caCrl, rootCrl], earlier);
    assert.equal(result.status, 'unknown');
    assert.match(result.detail, /issued after the time checked/);
    assert.match(opensslVerify(root, [ca], good, [caCrl, rootCrl], ['-attime', String(Math.floor(earlier / 1000))]), /CRL is not yet valid/);
  });

  it('a CRL with the issuer\'s name but signed by another key: unknown, and openssl refuses it', () => {
    const impostor = makeTestPki('Impostor Root').issueCa('CRL Test CA');
    const impostorCrl = impostor.crl(30);
    const result = check(compromised, [impostorCrl, rootCrl], Date.now());
    assert.equal(result.status, 'unknown');
    assert.match(result.detail, /signature could not be verified/);
    assert.doesNotMatch(opensslVerify(root, [ca], compromised, [impostorCrl, rootCrl]), /: OK$/);
    // The real CRL beside the impostor's still answers.
    assert.equal(check(compromised, [impostorCrl, caCrl, rootCrl], Date.now()).status, 'revoked');
  });

  it('a certificate taken off the CRL later: the newest CRL of the issuer answers, as openssl picks it too', () => {
    const hca = root.issueCa('Hold CA');
    const held = hca.issueLeaf('held');
    const gencrl = (hoursAgo: number) => openssl(['ca', '-config', hca.configPath, '-gencrl', '-crldays', '30', '-crl_lastupdate', dateHoursAgo(hoursAgo)]);
    hca.revoke(held, 'superseded');
    const listing = gencrl(2);
    // Release it as a CA does after a hold: the index line goes back to valid.
    writeFileSync(hca.indexPath, readFileSync(hca.indexPath, 'utf8').replace(/^R\t(\S+)\t\S+\t/m, 'V\t$1\t\t'));
    const releasing = gencrl(1);
    const p = [certOf(held), chainCert(derOf(hca.pem)), chainCert(derOf(root.pem))];
    const run = (pems: string[]) => checkCrls({ cert: p[0], issuer: p[1], path: p, crls: pems.map(crlDer), at: Date.now() });
    assert.equal(run([listing, rootCrl]).status, 'revoked');
    for (const order of [[listing, releasing, rootCrl], [releasing, listing, rootCrl]]) {
      const result = run(order);
      assert.equal(result.status, 'good', result.detail);
      assert.match(opensslVerify(root, [hca], held, order), /: OK$/);
    }
  });

  it('unreadable CRL bytes are reported, never thrown; the readable CRLs still answer', () => {
    const garbage = new Uint8Array([0x30, 0x05, 0x02, 0x01]);
    const p = path(good);
    const alone = checkCrls({ cert: p[0], issuer: p[1], path: p, crls: [garbage], at: now });
    assert.equal(alone.status, 'unknown');
    assert.match(alone.detail, /CRL 1 could not be read \(The data is not valid DER/);
    assert.equal(checkCrls({ cert: p[0], issuer: p[1], path: p, crls: [garbage, crlDer(caCrl), crlDer(rootCrl)], at: now }).status, 'good');
  });

  it('400 mutants of signed CRLs (re-signed by the CA, so every part is read): a verdict each, never a throw', () => {
    const pkcs8 = new Uint8Array(Buffer.from(readFileSync(ca.keyPath, 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
    const algorithm = signatureAlgorithm(pkcs8, 'sha256');
    appendFileSync(ca.configPath, '[scoped]\nissuingDistributionPoint = critical, @scope\nfreshestCRL = URI:http://127.0.0.1/delta.crl\n[scope]\nfullname = URI:http://127.0.0.1/ca.crl\nonlysomereasons = keyCompromise, superseded\n');
    const scoped = openssl(['ca', '-config', ca.configPath, '-gencrl', '-crldays', '30', '-crlexts', 'scoped']);
    const seeds = [caCrl, scoped].map((pem) => whole(children(readRoot(crlDer(pem)))[0]));
    const rng = new Rng(0x5eed);
    const at = Date.now();
    const counts = { good: 0, revoked: 0, unknown: 0 };
    for (let i = 0; i < 400; i++) {
      const tbs = mutate(seeds[i % seeds.length], { rng, donors: seeds }).bytes;
      const crl = signed(tbs, pkcs8, algorithm);
      for (const leaf of [good, compromised]) {
        const p = path(leaf);
        const result = checkCrls({ cert: p[0], issuer: p[1], path: p, crls: [crl], at });
        assert.ok(result.status === 'good' || result.status === 'revoked' || result.status === 'unknown', result.status);
        assert.ok(result.detail.length > 10);
        counts[result.status]++;
      }
    }
    // The mutants reach past the signature: some still answer, many are refused for what broke.
    assert.ok(counts.unknown > 100 && counts.good + counts.revoked > 20, JSON.stringify(counts));
  });

  it('a CRL its issuer signed whose entry list is damaged: unknown, "damaged", never thrown', () => {
    const pkcs8 = new Uint8Array(Buffer.from(readFileSync(ca.keyPath, 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
    const algorithm = signatureAlgorithm(pkcs8, 'sha256');
    const caCert = chainCert(derOf(ca.pem));
    const damagedEntry = new Uint8Array([0x30, 0x02, 0x02, 0x01]); // an entry whose serial is cut short
    const tbs = der.sequence(der.integer(1), algorithm.identifier, caCert.subjectDer, writeTime(new Date(now - DAY)), writeTime(new Date(now + DAY)), der.sequence(damagedEntry));
    const crl = signed(tbs, pkcs8, algorithm);
    const p = path(good);
    const result = checkCrls({ cert: p[0], issuer: p[1], path: p, crls: [crl], at: now });
    assert.equal(result.status, 'unknown');
    assert.match(result.detail, /CRL Test CA is damaged \(The data is not valid DER/);
    const file = join(work, 'damaged.crl');
    writeFileSync(file, crl);
    assert.throws(() => openssl(['crl', '-inform', 'DER', '-in', file, '-noout']), 'openssl cannot read it either');
  });

  it('a delta CRL made by openssl crl -gendelta: what it adds is revoked, the rest good; openssl -use_deltas agrees', () => {
    const dca = root.issueCa('Delta CA');
    const later = dca.issueLeaf('revoked-later');
    const kept = dca.issueLeaf('kept');
    // openssl uses a delta only for a complete CRL that points to it (Freshest CRL): make the CRLs with one.
    appendFileSync(dca.configPath, '[delta_pointer]\nfreshestCRL = URI:http://127.0.0.1/delta.crl\n');
    const gencrl = () => openssl(['ca', '-config', dca.configPath, '-gencrl', '-crldays', '30', '-crlexts', 'delta_pointer']);
    const basePem = gencrl();
    dca.revoke(later, 'keyCompromise');
    const newerPem = gencrl();
    const deltaPem = openssl(['crl', '-in', save(basePem), '-gendelta', save(newerPem), '-key', dca.keyPath]);
    assert.match(openssl(['crl', '-noout', '-text'], deltaPem), /Delta CRL Indicator/);
    const dPath = (leaf: IssuedCert) => [certOf(leaf), chainCert(derOf(dca.pem)), chainCert(derOf(root.pem))];
    const run = (leaf: IssuedCert, pems: string[]) => {
      const p = dPath(leaf);
      return checkCrls({ cert: p[0], issuer: p[1], path: p, crls: pems.map(crlDer), at: Date.now() });
    };
    const revoked = run(later, [basePem, deltaPem, rootCrl]);
    assert.equal(revoked.status, 'revoked', revoked.detail);
    assert.match(revoked.detail, /delta CRL/);
    assert.equal(revoked.reason, 'keyCompromise');
    assert.equal(run(later, [basePem, rootCrl]).status, 'good', 'the base alone does not list it');
    const stillGood = run(kept, [basePem, deltaPem, rootCrl]);
    assert.equal(stillGood.status, 'good', stillGood.detail);
    assert.match(stillGood.detail, /or its delta CRL/);
    assert.match(opensslVerify(root, [dca], later, [basePem, deltaPem, rootCrl], ['-use_deltas', '-extended_crl']), /certificate revoked/);
    assert.match(opensslVerify(root, [dca], kept, [basePem, deltaPem, rootCrl], ['-use_deltas', '-extended_crl']), /: OK$/);
  });

  it('a CRL of 100,000 entries: decoded and indexed once, then each certificate checks in milliseconds', () => {
    const bca = root.issueCa('Big CA');
    const listed = bca.issueLeaf('listed');
    const unlisted = bca.issueLeaf('unlisted');
    bca.revoke(listed, 'keyCompromise');
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(`R\t351231000000Z\t240101000000Z,superseded\t${(0x100000 + i).toString(16).toUpperCase()}\tunknown\t/CN=filler ${i}`);
    appendFileSync(bca.indexPath, lines.join('\n') + '\n');
    const pemPath = join(work, 'big.crl.pem');
    const derPath = join(work, 'big.crl.der');
    openssl(['ca', '-config', bca.configPath, '-gencrl', '-crldays', '30', '-out', pemPath]);
    openssl(['crl', '-in', pemPath, '-outform', 'DER', '-out', derPath]);
    const big = new Uint8Array(readFileSync(derPath));
    assert.ok(big.length > 3_000_000, `${big.length} bytes`);
    const crls = [big, crlDer(rootCrl)];
    const bcaCert = chainCert(derOf(bca.pem));
    const rootCert = chainCert(derOf(root.pem));
    const run = (leaf: IssuedCert) => {
      const p = [certOf(leaf), bcaCert, rootCert];
      const start = performance.now();
      const result = checkCrls({ cert: p[0], issuer: p[1], path: p, crls, at: Date.now() });
      return { result, ms: performance.now() - start };
    };
    const first = run(unlisted);
    assert.equal(first.result.status, 'good', first.result.detail);
    const second = run(listed);
    assert.equal(second.result.status, 'revoked', second.result.detail);
    assert.equal(second.result.reason, 'keyCompromise');
    const third = run(unlisted);
    assert.equal(third.result.status, 'good');
    assert.ok(first.ms < 5000, `first check (decode, index, signature) took ${first.ms.toFixed(0)} ms`);
    assert.ok(second.ms < 50 && third.ms < 50, `later checks took ${second.ms.toFixed(1)} and ${third.ms.toFixed(1)} ms`);
    const verifyArgs = ['verify', '-crl_check', '-CAfile', root.certPath, '-untrusted', bca.certPath, '-CRLfile', pemPath];
    assert.throws(() => openssl([...verifyArgs, listed.certPath]), /certificate revoked/);
    assert.match(openssl([...verifyArgs, unlisted.certPath]), /: OK/);
  });
});

/**
 * The strict-DER PKCS#12 reader against the asn1js one: the same parts, bags, attributes and PBE parameters
 * (checked by decrypting) for every fixture made by openssl/keytool and every pyca file; the same answer or
 * the same error for thousands of mutants; and BER files (indefinite lengths, OCTET STRINGs in pieces) go to
 * asn1js and still open exactly as their DER originals.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture, fixtureBytes } from '../../../test/helpers/fixtures';
import { mutants, toBer } from '../../../test/helpers/der-variants';
import { BadDecrypt } from '../crypto';
import { tlv } from '../../fuzz/tlv';
import { PkiError } from '../errors';
import { readPkcs12 } from '../formats/pkcs12';
import { secretFor } from './password';
import type { PbeScheme } from './scheme';
import { decodeSafeContentsDer, parsePfxDer } from './pkcs12-safes-der';
import { decodeSafeContents, decodeSafeContentsAsn1, parsePfx, parsePfxAsn1 } from './pkcs12-safes';

const OURS = fixture('pkcs12');
const PYCA = fixture('corpus', 'pyca', 'pkcs12');
const files = [
  ...readdirSync(OURS).filter((f) => /\.(pfx|p12)$/.test(f)).map((f) => ({ name: f, bytes: fixtureBytes('pkcs12', f) })),
  ...readdirSync(PYCA).filter((f) => f.endsWith('.p12')).map((f) => ({ name: `pyca/${f}`, bytes: fixtureBytes('corpus', 'pyca', 'pkcs12', f) })),
];
/** Read as strict DER: everything openssl, keytool and pyca wrote (truncated.pfx is cut short on purpose). */
const strictFiles = files.filter((f) => f.name !== 'truncated.pfx');

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Plain data for deepEqual: bytes as hex, schemes as their description, errors as their words. */
function plain(x: unknown): unknown {
  if (x instanceof Uint8Array) return hex(x);
  if (x instanceof PkiError) return { code: x.code, message: x.message, hint: x.hint };
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === 'object') {
    if ('decrypt' in x) {
      const s = x as PbeScheme;
      return { protection: s.protection, legacy: s.legacy, work: s.work };
    }
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  }
  return x;
}

/** What a reader gave: its value, or the error it threw. */
function outcome<T>(read: () => T): { value: unknown } | { error: unknown } {
  try {
    return { value: plain(read()) };
  } catch (e) {
    return { error: plain(e) };
  }
}

/**
 * Decrypting the same bytes with both schemes gives the same plaintext (or both fail): same salt, IV, rounds.
 * Files made to be slow (600,000 rounds) are compared by their description only.
 */
async function sameScheme(a: PbeScheme, b: PbeScheme): Promise<void> {
  if (a.work.some((d) => d.iterations > 10_000)) return;
  const secret = secretFor('Certbench-Test-1');
  const data = new Uint8Array(32).fill(7);
  const run = async (s: PbeScheme) => {
    try {
      return hex(await s.decrypt(secret, data));
    } catch (e) {
      if (e instanceof BadDecrypt) return 'bad decrypt';
      throw e;
    }
  };
  assert.equal(await run(a), await run(b));
}

function schemesOf(x: unknown): PbeScheme[] {
  if (!x || typeof x !== 'object') return [];
  if ('decrypt' in x) return [x as PbeScheme];
  return Object.values(x).flatMap(schemesOf);
}

describe('PKCS#12 structure in strict DER, read without asn1js', () => {
  it('reads every openssl, keytool and pyca file itself, exactly as asn1js does', async () => {
    assert.ok(strictFiles.length >= 50, `${strictFiles.length} files`);
    for (const { name, bytes } of strictFiles) {
      const fast = parsePfxDer(bytes);
      assert.ok(fast, `${name}: not read as strict DER`);
      const slow = parsePfxAsn1(bytes);
      assert.deepEqual(plain(fast), plain(slow), name);
      const fastSchemes = schemesOf(fast.parts);
      const slowSchemes = schemesOf(slow.parts);
      for (let i = 0; i < fastSchemes.length; i++) await sameScheme(fastSchemes[i], slowSchemes[i]);
      for (const part of fast.parts) {
        if (part.kind !== 'plain') continue;
        const bags = decodeSafeContentsDer(part.contents, part.location);
        assert.ok(bags, `${name} ${part.location}: not read as strict DER`);
        const slowBags = decodeSafeContentsAsn1(part.contents, part.location);
        assert.deepEqual(plain(bags), plain(slowBags), `${name} ${part.location}`);
        const a = schemesOf(bags);
        const b = schemesOf(slowBags);
        for (let i = 0; i < a.length; i++) await sameScheme(a[i], b[i]);
      }
    }
  });

  it('gives the same parts or the same error as asn1js for 6,000 mutants, or leaves them to asn1js', () => {
    let readHere = 0;
    for (const [n, { name, bytes }] of strictFiles.slice(0, 20).entries()) {
      for (const [i, m] of mutants(bytes, 300, 1000 + n).entries()) {
        const fast = outcome(() => parsePfxDer(m));
        if ('value' in fast && fast.value === undefined) continue;
        readHere++;
        assert.deepEqual(fast, outcome(() => parsePfxAsn1(m)), `${name} mutant ${i} (seed ${1000 + n})`);
      }
    }
    assert.ok(readHere > 1000, `only ${readHere} mutants read as strict DER`);
  });

  it('gives the same bags or the same error as asn1js for mutated SafeContents', () => {
    let readHere = 0;
    const safes = strictFiles.flatMap(({ name, bytes }) =>
      parsePfx(bytes).parts.flatMap((p) => (p.kind === 'plain' && p.contents.length > 2 ? [{ name: `${name} ${p.location}`, contents: p.contents }] : [])),
    );
    assert.ok(safes.length >= 20, `${safes.length} plain safes`);
    for (const [n, { name, contents }] of safes.slice(0, 25).entries()) {
      for (const [i, m] of mutants(contents, 200, 5000 + n).entries()) {
        const fast = outcome(() => decodeSafeContentsDer(m, 'safe'));
        if ('value' in fast && fast.value === undefined) continue;
        readHere++;
        assert.deepEqual(fast, outcome(() => decodeSafeContentsAsn1(m, 'safe')), `${name} mutant ${i} (seed ${5000 + n})`);
      }
    }
    assert.ok(readHere > 1000, `only ${readHere} mutants read as strict DER`);
  });

  it('leaves BER to asn1js: indefinite lengths and pieced OCTET STRINGs open exactly as the DER original', async () => {
    // Outside the MAC'd bytes only, as Windows writes it, so the MAC still holds.
    const original = fixtureBytes('pkcs12', 'modern-ec.pfx');
    const ber = toBer(original, { chunk: 1000 });
    assert.notDeepEqual(ber, original);
    assert.equal(parsePfxDer(ber), undefined);
    assert.deepEqual(plain(parsePfx(ber)), plain(parsePfxAsn1(original)));
    const [a, b] = await Promise.all([readPkcs12(original, { password: 'Certbench-Test-1' }), readPkcs12(ber, { password: 'Certbench-Test-1' })]);
    assert.deepEqual(plain(b), plain(a));
    assert.ok(a.objects.some((o) => o.kind === 'privateKey'));
  });

  it('leaves BER SafeContents to asn1js too, inside a file without a MAC', async () => {
    const original = fixtureBytes('pkcs12', 'no-password.pfx');
    // The AuthenticatedSafe and the SafeContents inside it as BER as well, down to the bags (their keys and
    // certificates stay DER, as exporters write them).
    const safes = (contents: Uint8Array): Uint8Array => toBer(contents, { chunk: 200, maxDepth: 2 });
    const authSafe = (contents: Uint8Array): Uint8Array => toBer(contents, { chunk: 300, inside: safes, maxDepth: 3 });
    const ber = toBer(original, { chunk: 500, inside: (contents, depth) => (depth === 3 ? authSafe(contents) : contents) });
    const structure = parsePfx(ber);
    const safe = structure.parts.find((p) => p.kind === 'plain');
    assert.ok(safe && safe.kind === 'plain');
    assert.equal(decodeSafeContentsDer(safe.contents, safe.location), undefined);
    assert.ok(decodeSafeContents(safe.contents, safe.location).length > 0);
    const [a, b] = await Promise.all([readPkcs12(original, {}), readPkcs12(ber, {})]);
    assert.deepEqual(plain(b.objects), plain(a.objects));
    assert.ok(a.objects.length >= 2);
  });

  it('still checks the caps of limits.ts before reading', () => {
    // A SafeContents of 250,000 empty SEQUENCEs is past MAX_DER_ELEMENTS: refused in words by both readers.
    const pairs = new Uint8Array(250_000 * 2);
    for (let i = 0; i < pairs.length; i += 2) pairs[i] = 0x30;
    const many = tlv(0x30, pairs);
    const tooLarge = (e: unknown) => e instanceof PkiError && e.code === 'TOO_LARGE';
    assert.throws(() => decodeSafeContentsDer(many, 'safe'), tooLarge);
    assert.throws(() => decodeSafeContents(many, 'safe'), tooLarge);
    assert.throws(() => decodeSafeContentsAsn1(many, 'safe'), tooLarge);
  });
});

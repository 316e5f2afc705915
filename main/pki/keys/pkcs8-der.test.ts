/**
 * keys/pkcs8-der.ts against the asn1js readers it stands in for: fromPkcs8, the PKCS#8 shape check and
 * looksLikePkcs8 give the same answers (or the same errors) for every PKCS#8 key made by openssl and pyca,
 * and for thousands of mutants of them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { mutants } from '../../../test/helpers/der-variants';
import * as a from '../der/asn1';
import { PkiError } from '../errors';
import { parsePemBlocks } from '../formats/pem-blocks';
import { looksLikePkcs8, pkcs8ShapedAsn1 } from '../pbe/index';
import { isPkcs8PrivateKeyInfo } from './index';
import { fromPkcs8, fromPkcs8Asn1 } from './private-key';
import { keyShape } from './shapes';

/** Unencrypted PKCS#8 keys: Certbench's openssl fixtures and pyca's vectors. */
function pkcs8Keys(): { name: string; der: Uint8Array }[] {
  const out: { name: string; der: Uint8Array }[] = [];
  const dirs = [fixture('keys'), fixture('corpus', 'pyca', 'asymmetric', 'PKCS8'), fixture('corpus', 'pyca', 'asymmetric', 'Ed25519')];
  for (const dir of dirs) {
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(`${dir}/${f}`);
      if (f.endsWith('.der') && /pkcs8/.test(f) && !/aes|enc/.test(f)) out.push({ name: f, der: new Uint8Array(bytes) });
      if (/\.pem$/.test(f)) for (const b of parsePemBlocks(bytes.toString('latin1'))) if (b.label === 'PRIVATE KEY') out.push({ name: f, der: b.der });
    }
  }
  return out;
}

const how = { encrypted: true, encoding: 'jks', protection: 'test' };

function outcome(read: () => unknown): unknown {
  try {
    const v = read() as Record<string, unknown> | boolean;
    return typeof v === 'object' ? { ...v, pkcs8: 'pkcs8' in v ? Buffer.from(v.pkcs8 as Uint8Array).toString('hex') : undefined } : v;
  } catch (e) {
    if (e instanceof PkiError) return { code: e.code, message: e.message };
    throw e;
  }
}

const shapeIsPkcs8 = (der: Uint8Array) => {
  const node = a.tryParse(der);
  try {
    return !!node && keyShape(node) === 'pkcs8';
  } catch {
    return false;
  }
};

describe('PKCS#8 in strict DER without asn1js', () => {
  const keys = pkcs8Keys();

  it('reads every openssl and pyca PKCS#8 key as the asn1js reader does', () => {
    assert.ok(keys.length >= 15, `${keys.length} keys`);
    for (const { name, der } of keys) {
      assert.deepEqual(outcome(() => fromPkcs8(der, name, how)), outcome(() => fromPkcs8Asn1(der, name, how)), name);
      assert.deepEqual(outcome(() => isPkcs8PrivateKeyInfo(der)), outcome(() => shapeIsPkcs8(der)), name);
      assert.deepEqual(outcome(() => looksLikePkcs8(der)), outcome(() => pkcs8ShapedAsn1(der)), name);
    }
  });

  it('gives the same answers for 6,000 mutants', () => {
    let n = 0;
    for (const [k, { name, der }] of keys.slice(0, 20).entries()) {
      for (const [i, m] of mutants(der, 300, 7000 + k).entries()) {
        const where = `${name} mutant ${i} (seed ${7000 + k})`;
        assert.deepEqual(outcome(() => fromPkcs8(m, 'key', how)), outcome(() => fromPkcs8Asn1(m, 'key', how)), where);
        // Both throw the same PkiError for input past a cap of limits.ts (an OID of 143 arcs ...).
        assert.deepEqual(outcome(() => isPkcs8PrivateKeyInfo(m)), outcome(() => shapeIsPkcs8(m)), where);
        assert.deepEqual(outcome(() => looksLikePkcs8(m)), outcome(() => pkcs8ShapedAsn1(m)), where);
        n++;
      }
    }
    assert.ok(n >= 3000, `${n} mutants`);
  });
});

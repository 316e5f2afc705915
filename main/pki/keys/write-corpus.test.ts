/**
 * The key writers over pyca/cryptography's key vectors (test/fixtures/corpus/pyca/asymmetric): every distinct
 * private key Certbench reads is written as encrypted PKCS#8 PEM, plain PKCS#8 DER and, where it has one, the
 * encrypted traditional form; OpenSSL derives from each the public key OpenSSL recorded for the vector.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fixture } from '../../../test/helpers/fixtures';
import { digest, privateKeyFacts } from '../crypto';
import type { RawPrivateKey } from '../model';
import { readBytes } from '../read';
import { writePrivateKey, type KeyOutputFormat } from './write';

const DIR = fixture('corpus', 'pyca', 'asymmetric');
const dir = mkdtempSync(join(tmpdir(), 'key-write-corpus-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const PASSWORD = 'ünïcødé-pass';
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const canonical = (pkcs8: Uint8Array) => hex(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }).export({ format: 'der', type: 'pkcs8' }));

const rows = readFileSync(join(DIR, 'manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .map(([path, password, spki]) => ({ path, password: password === '-' ? undefined : password, spki }));

function opensslSpki(bytes: Uint8Array, der: boolean, password: string | undefined): string {
  const file = join(dir, 'k');
  writeFileSync(file, bytes);
  const args = ['pkey', '-in', file, '-pubout', '-outform', 'DER', '-passin', `pass:${password ?? 'unused'}`, ...(der ? ['-inform', 'DER'] : [])];
  return hex(digest('sha256', execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OPENSSL_CONF: '/dev/null' } })));
}

test('every distinct pyca private key Certbench reads: written three ways, OpenSSL finds the same public key, our reader the same key', async () => {
  const seen = new Set<string>();
  const written: string[] = [];
  for (const row of rows) {
    if (row.spki === '-' || seen.has(row.spki)) continue;
    let keys: RawPrivateKey[];
    try {
      const r = await readBytes(new Uint8Array(readFileSync(join(DIR, row.path))), { password: row.password });
      keys = r.objects.filter((o): o is RawPrivateKey => o.kind === 'privateKey');
    } catch {
      continue; // must-fail vectors: the reader's own suite checks those
    }
    if (keys.length !== 1) continue;
    const key = keys[0];
    const facts = privateKeyFacts(key.pkcs8);
    assert.equal(hex(digest('sha256', facts.spki)), row.spki, `${row.path}: the key read matches OpenSSL's`);
    seen.add(row.spki);
    const outputs: [KeyOutputFormat, string | undefined][] = [['pkcs8', PASSWORD], ['pkcs8-der', undefined]];
    if (facts.keyAlgorithm === 'RSA' || facts.keyAlgorithm === 'EC') outputs.push(['pkcs1', PASSWORD]);
    for (const [format, password] of outputs) {
      const out = await writePrivateKey(key.pkcs8, format, { password });
      assert.equal(opensslSpki(out, format.endsWith('-der'), password), row.spki, `${row.path} → ${format}`);
      const back = (await readBytes(out, { password })).objects[0] as RawPrivateKey;
      assert.equal(canonical(back.pkcs8), canonical(key.pkcs8), `${row.path} → ${format}: read back`);
    }
    written.push(`${row.path} (${facts.keyAlgorithm}${facts.curve ? ' ' + facts.curve : ''})`);
  }
  // pyca's vectors hold RSA, EC P-256 and Ed25519 keys (P-384/P-521 are covered by write.test.ts); the count
  // guards against a corpus that silently shrank.
  assert.ok(written.length >= 10, written.join('\n'));
  for (const kind of ['RSA', 'P-256', 'Ed25519']) assert.ok(written.some((w) => w.includes(kind)), `no ${kind} key in ${written.join(', ')}`);
});

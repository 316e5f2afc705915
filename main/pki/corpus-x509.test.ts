/** pyca/cryptography's X.509 vectors: everything OpenSSL reads, we read to the same DER; nothing crashes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixture, fixtureBytes } from '../../test/helpers/fixtures';
import { describeObject } from './describe';
import { isPkiError } from './errors';
import { readBytes } from './read';

const rows = readFileSync(fixture('corpus', 'pyca', 'x509-manifest.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map(([path, kind, sha256]) => ({ path, kind, sha256 }));

test('the pyca x509 manifest covers certificates, CSRs and CRLs', () => {
  assert.ok(rows.filter((r) => r.kind === 'certificate').length >= 100);
  assert.ok(rows.filter((r) => r.kind === 'csr').length >= 20);
  assert.ok(rows.filter((r) => r.kind === 'crl').length >= 20);
});

for (const row of rows) {
  test(`pyca ${row.path}`, async () => {
    const bytes = fixtureBytes('corpus', 'pyca', row.path);
    if (row.kind === 'certificate' || row.kind === 'crl' || row.kind === 'csr') {
      const result = await readBytes(bytes);
      const first = result.objects.find((o) => o.kind === row.kind);
      assert.ok(first && 'der' in first, `no ${row.kind} found`);
      const dto = describeObject(first, { id: 'x', now: new Date() });
      assert.equal((dto as { sha256?: string }).sha256, row.sha256);
      const undecoded = ('extensions' in dto ? dto.extensions : []).filter((e) => e.error);
      assert.deepEqual(undecoded, [], 'every extension decodes');
      return;
    }
    // Files OpenSSL does not read as X.509: a typed error or objects, never anything else.
    try {
      await readBytes(bytes);
    } catch (e) {
      assert.ok(isPkiError(e), `untyped error: ${String(e)}`);
    }
  });
}

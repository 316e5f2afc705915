/** The convert command's inputs: the same objects, rows and errors as the session gives the Convert page. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture } from '../../test/helpers/fixtures';
import { createWorkbench } from '../workbench';
import { readConvertInputs } from './convert-inputs';

const NOW = new Date('2026-06-01T00:00:00Z');

async function throughSession(paths: string[], password?: string) {
  const wb = createWorkbench({ now: () => NOW });
  wb.grants.grant(paths);
  const state = await wb.handlers['documents.openPaths']({ paths, password });
  return { state, objects: wb.session.collect({ documentIds: state.documents.map((d) => d.id) }) };
}

test('a keystore and PEM files: the same raw objects, ids and rows as the session collects', async () => {
  const paths = [fixture('keystores', 'server.jks'), fixture('x509', 'leaf.key'), fixture('x509', 'chain.pem'), fixture('x509', 'host.csr')];
  const { objects: expected } = await throughSession(paths, 'changeit-store');
  const objects = await readConvertInputs(paths, 'changeit-store', undefined, NOW);
  assert.equal(objects.length, expected.length);
  assert.ok(objects.length >= 7);
  objects.forEach((o, i) => {
    assert.equal(o.id, expected[i].id);
    assert.equal(o.documentId, expected[i].documentId);
    assert.deepEqual(o.raw, expected[i].raw);
    // The session links rows across documents; the plan reads none of those fields.
    assert.deepEqual({ ...o.row, hasPrivateKey: false, matchGroup: null, duplicateOf: null }, { ...expected[i].row, hasPrivateKey: false, matchGroup: null, duplicateOf: null });
  });
});

test('a keystore without its password lists its certificates and locked keys, as the session does', async () => {
  const paths = [fixture('keystores', 'server.jks')];
  const { objects: expected } = await throughSession(paths);
  const objects = await readConvertInputs(paths, undefined, undefined, NOW);
  assert.deepEqual(objects.map((o) => [o.raw.kind, o.row.label]), expected.map((o) => [o.raw.kind, o.row.label]));
  assert.ok(objects.some((o) => o.raw.kind === 'unsupported' && o.raw.code === 'PASSWORD_REQUIRED'));
});

test('the first file that cannot be read is the error, named by its file, with the code and hint the session records', async () => {
  const cases: { paths: string[]; password?: string; code: string }[] = [
    { paths: [fixture('x509', 'leaf.pem'), fixture('keystores', 'server.jks')], password: 'wrong-password', code: 'WRONG_PASSWORD' },
    { paths: [fixture('keystores', 'tampered.jks')], password: 'changeit-store', code: 'INTEGRITY_FAILED' },
    { paths: [fixture('keystores', 'truncated.jks'), fixture('keystores', 'tampered.jks')], password: 'changeit-store', code: 'CORRUPT' },
    { paths: [fixture('x509', 'no-such-file.pem')], code: 'NOT_FOUND' },
    { paths: [fixture('keystores')], code: 'INVALID_ARGUMENT' },
  ];
  for (const { paths, password, code } of cases) {
    const { state } = await throughSession(paths, password);
    const failed = state.documents.find((d) => d.status !== 'ready')!;
    const info = failed.error ?? { code: failed.lock!.reason, message: failed.lock!.message, hint: failed.lock!.hint };
    await assert.rejects(readConvertInputs(paths, password), (e: { code: string; message: string; hint: string }) => {
      assert.equal(e.code, code);
      assert.equal(info.code, code);
      assert.equal(e.message, `${failed.name}: ${info.message}`);
      assert.equal(e.hint, info.hint);
      return true;
    });
  }
});

test('a path nobody could have chosen (NUL in it) is refused before anything is read', async () => {
  await assert.rejects(readConvertInputs(['bad\0name.pem'], undefined), { code: 'INVALID_ARGUMENT', message: /only files you chose/ });
});

/** settings.rememberKeys / settings.setRememberKeys through the dispatcher, as the Settings page calls them. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import type { CsrSpecDto } from '../api/dto';
import { createDispatcher } from '../rpc/dispatcher';
import { createWorkbench } from './index';
import { PassphraseFileSealer } from './passphrase-sealer';
import { RememberedKeys, SEALED_KEYS_NAME } from './remembered-keys';
import { ManualTimers } from './testing/manual-timers';

test('desktop with a sealer: off by default, turned on and off; off wipes the sealed keys', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'remember-handlers-'));
  writeFileSync(join(dir, 'pass'), 'p\n');
  const wb = createWorkbench({ dataDir: join(dir, 'data'), sealer: new PassphraseFileSealer(join(dir, 'pass'), { N: 1024, r: 8, p: 1 }) });
  const call = createDispatcher(wb.handlers).dispatch;
  assert.deepEqual(await call('settings.rememberKeys', {}), { ok: true, value: { available: true, enabled: false, protectedBy: 'a passphrase file' } });
  assert.deepEqual((await call('settings.setRememberKeys', { enabled: true })) as unknown, { ok: true, value: { available: true, enabled: true, protectedBy: 'a passphrase file' } });
  const key = readFileSync(join(__dirname, '..', '..', 'test/fixtures/keys/ec-p-256.pkcs8.pem'));
  await call('documents.openText', { name: 'k.pem', text: key.toString() });
  await wb.keyMemory!.persistAndWipe();
  assert.ok(existsSync(join(dir, 'data', SEALED_KEYS_NAME)));
  const off = await call('settings.setRememberKeys', { enabled: false });
  assert.deepEqual(off, { ok: true, value: { available: true, enabled: false, protectedBy: 'a passphrase file' } });
  assert.ok(!existsSync(join(dir, 'data', SEALED_KEYS_NAME)), 'turning it off removed the sealed keys');
  const bad = await call('settings.setRememberKeys', { enabled: 'yes' } as never);
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.error.code, 'INVALID_ARGUMENT');
  rmSync(dir, { recursive: true, force: true });
});

test('the browser host (no sealer): not available, and turning it on is refused with a reason', async () => {
  const call = createDispatcher(createWorkbench({}).handlers).dispatch;
  assert.deepEqual(await call('settings.rememberKeys', {}), { ok: true, value: { available: false, enabled: false, protectedBy: null } });
  const on = await call('settings.setRememberKeys', { enabled: true });
  assert.equal(on.ok, false);
  assert.match(!on.ok ? on.error.message : '', /only by the desktop app/);
});

test('through the handlers the sealed file follows the keys (setting turned on, a CSR\'s new key, a close), and a fresh workbench after a crash reopens them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'remember-follow-'));
  writeFileSync(join(dir, 'pass'), 'p\n');
  const sealer = new PassphraseFileSealer(join(dir, 'pass'), { N: 1024, r: 8, p: 1 });
  const data = join(dir, 'data');
  const sealedPath = join(data, SEALED_KEYS_NAME);
  const timers = new ManualTimers();
  const wb = createWorkbench({ dataDir: data, sealer, keyMemory: { timers, onProblem: (p) => assert.fail(p.message) } });
  const call = createDispatcher(wb.handlers).dispatch;
  const settled = async () => {
    timers.fireAll();
    await wb.keyMemory!.flush();
  };
  const stored = async () => (await new RememberedKeys(data, sealer).load()).map((d) => d.name);

  const keyPem = readFileSync(join(__dirname, '..', '..', 'test/fixtures/keys/ec-p-256.pkcs8.pem'), 'utf8');
  const opened = await wb.handlers['documents.openText']({ name: 'k.pem', text: keyPem });
  await settled();
  assert.ok(!existsSync(sealedPath), 'off: nothing is written');

  await call('settings.setRememberKeys', { enabled: true });
  await settled();
  assert.deepEqual(await stored(), ['k.pem'], 'turning it on seals the keys already open');

  const spec: CsrSpecDto = { subject: [{ type: 'CN', value: 'follow.example.com' }], san: [], cnAsSan: true, keyUsage: ['digitalSignature'], extendedKeyUsage: ['serverAuth'], signatureHash: 'sha256' };
  const created = await wb.handlers['csr.create']({ spec, key: { generate: 'ec:P-256' } });
  await settled();
  assert.deepEqual(await stored(), ['k.pem', 'follow.example.com (not saved)'], 'a generated key is sealed');

  await call('documents.close', { documentId: opened.documents[0].id });
  await settled();
  assert.deepEqual(await stored(), ['follow.example.com (not saved)'], 'a closed document leaves the file');

  // Crash: no persistAndWipe. The next start gets the CSR's key back: openssl finds the same public key in both.
  const next = createWorkbench({ dataDir: data, sealer, keyMemory: { timers: new ManualTimers() } });
  assert.equal(await next.keyMemory!.restore(), 1);
  const [entry] = [...next.session.vault.entries()];
  const restoredPublic = execFileSync('openssl', ['pkey', '-inform', 'DER', '-pubout'], { input: entry.pkcs8, encoding: 'utf8' });
  const csrPublic = execFileSync('openssl', ['req', '-pubkey', '-noout'], { input: created.csrPem, encoding: 'utf8' });
  assert.equal(restoredPublic, csrPublic);
  rmSync(dir, { recursive: true, force: true });
});

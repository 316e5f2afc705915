/** settings.rememberKeys / settings.setRememberKeys through the dispatcher, as the Settings page calls them. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDispatcher } from '../rpc/dispatcher';
import { createWorkbench } from './index';
import { PassphraseFileSealer } from './passphrase-sealer';
import { SEALED_KEYS_NAME } from './remembered-keys';

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

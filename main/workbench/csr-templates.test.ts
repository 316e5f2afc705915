/** User CSR templates through the api: saved in the data folder, listed after the built-in ones, a damaged file survives. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { rejectsWith } from '../../test/helpers/pki-errors';
import type { CsrSpecDto } from '../api/dto';
import { BUILT_IN_TEMPLATES } from '../pki/x509/openssl-config';
import { createWorkbench } from '.';
import { TEMPLATES_FILE } from './csr-templates-store';

const SPEC: CsrSpecDto = {
  subject: [
    { type: 'O', value: 'Example' },
    { type: 'CN', value: 'intranet.example' },
  ],
  san: [{ type: 'DNS', value: 'intranet.example' }],
  cnAsSan: true,
  keyUsage: ['digitalSignature'],
  extendedKeyUsage: ['serverAuth'],
  signatureHash: 'sha256',
};

function workbench() {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'csr-templates-')), 'data');
  return { wb: createWorkbench({ dataDir }), file: join(dataDir, TEMPLATES_FILE), dataDir };
}

test('a saved template is listed after the built-in ones, kept in the data folder, and comes back in a new session', async () => {
  const { wb, file, dataDir } = workbench();
  const before = await wb.handlers['csr.templates']({});
  assert.deepEqual(before.templates.map((t) => t.id), BUILT_IN_TEMPLATES.map((t) => t.id));
  const { templates } = await wb.handlers['csr.saveTemplate']({ name: 'Intranet servers', description: 'Our LAN', spec: SPEC, key: 'ec:P-256' });
  const mine = templates.at(-1)!;
  assert.deepEqual({ id: mine.id, name: mine.name, builtIn: mine.builtIn, key: mine.key, description: mine.description }, { id: 'user:intranet-servers', name: 'Intranet servers', builtIn: false, key: 'ec:P-256', description: 'Our LAN' });
  assert.deepEqual(mine.spec, SPEC);
  assert.equal(templates.length, BUILT_IN_TEMPLATES.length + 1);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).templates[0].name, 'Intranet servers');
  const again = await createWorkbench({ dataDir }).handlers['csr.templates']({});
  assert.deepEqual(again.templates.at(-1), mine);
  assert.ok(statSync(file).isFile());
});

test('saving the same name again replaces the template; delete removes it', async () => {
  const { wb } = workbench();
  await wb.handlers['csr.saveTemplate']({ name: 'Intranet servers', spec: SPEC, key: 'ec:P-256' });
  await wb.handlers['csr.saveTemplate']({ name: 'Lab', spec: SPEC, key: 'rsa:2048' });
  const { templates } = await wb.handlers['csr.saveTemplate']({ name: 'intranet  SERVERS', spec: { ...SPEC, cnAsSan: false }, key: 'rsa:3072' });
  const users = templates.filter((t) => !t.builtIn);
  assert.deepEqual(users.map((t) => [t.id, t.key, t.spec.cnAsSan]), [
    ['user:lab', 'rsa:2048', true],
    ['user:intranet-servers', 'rsa:3072', false],
  ]);
  const after = await wb.handlers['csr.deleteTemplate']({ id: 'user:lab' });
  assert.deepEqual(after.templates.filter((t) => !t.builtIn).map((t) => t.id), ['user:intranet-servers']);
  await rejectsWith(wb.handlers['csr.deleteTemplate']({ id: 'user:lab' }), 'NOT_FOUND');
});

test('two saves at once both land (writes are queued, the file is replaced atomically)', async () => {
  const { wb, file } = workbench();
  await Promise.all([
    wb.handlers['csr.saveTemplate']({ name: 'One', spec: SPEC, key: 'rsa:2048' }),
    wb.handlers['csr.saveTemplate']({ name: 'Two', spec: SPEC, key: 'rsa:2048' }),
  ]);
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).templates.map((t: { name: string }) => t.name).sort(), ['One', 'Two']);
});

test('a file that is not JSON: the built-in templates are still listed, saving says CORRUPT and leaves the file as it was', async () => {
  const { wb, file, dataDir } = workbench();
  await wb.handlers['csr.saveTemplate']({ name: 'Keep me', spec: SPEC, key: 'rsa:2048' });
  const damaged = readFileSync(file, 'utf8').slice(0, 40);
  writeFileSync(file, damaged);
  const listed = await wb.handlers['csr.templates']({});
  assert.deepEqual(listed.templates.map((t) => t.id), BUILT_IN_TEMPLATES.map((t) => t.id));
  const e = await rejectsWith(wb.handlers['csr.saveTemplate']({ name: 'New', spec: SPEC, key: 'rsa:2048' }), 'CORRUPT');
  assert.match(e.message, /csr-templates\.json is damaged \(it is not JSON\)/);
  assert.match(e.hint, /Fix or move that file away/);
  assert.equal(readFileSync(file, 'utf8'), damaged);
  await rejectsWith(createWorkbench({ dataDir }).handlers['csr.deleteTemplate']({ id: 'user:keep-me' }), 'CORRUPT');
});

test('an entry that is not a template is skipped when listing and kept when the file is rewritten', async () => {
  const { wb, file } = workbench();
  await wb.handlers['csr.saveTemplate']({ name: 'Good', spec: SPEC, key: 'rsa:2048' });
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  stored.templates.push({ name: 'Broken', spec: { subject: 'not a list' }, key: 'rsa:1024' });
  writeFileSync(file, JSON.stringify(stored));
  const listed = await wb.handlers['csr.templates']({});
  assert.deepEqual(listed.templates.filter((t) => !t.builtIn).map((t) => t.name), ['Good']);
  await wb.handlers['csr.saveTemplate']({ name: 'Other', spec: SPEC, key: 'rsa:2048' });
  assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).templates.map((t: { name: string }) => t.name), ['Good', 'Broken', 'Other']);
});

test('built-in templates cannot be deleted; without a data folder saving says where to set one', async () => {
  const { wb } = workbench();
  const noData = createWorkbench();
  await rejectsWith(noData.handlers['csr.saveTemplate']({ name: 'X', spec: SPEC, key: 'rsa:2048' }), 'INVALID_ARGUMENT');
  assert.deepEqual((await noData.handlers['csr.templates']({})).templates.map((t) => t.id), BUILT_IN_TEMPLATES.map((t) => t.id));
  for (const t of BUILT_IN_TEMPLATES) await rejectsWith(wb.handlers['csr.deleteTemplate']({ id: t.id }), 'INVALID_ARGUMENT');
});

/** Every documents.openPaths that reads a file reaches recent files; failures and other methods do not. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDispatcher } from '../rpc/dispatcher';
import { createWorkbench } from '../workbench';
import { PathGrants } from '../workbench/path-grants';
import { recordOpens } from './record-opens';

const x509 = (name: string) => join(__dirname, '..', '..', 'test/fixtures/x509', name);
const pkcs12 = join(__dirname, '..', '..', 'test/fixtures/pkcs12');

test('opened and password-locked files are reported; unreadable, missing and refused ones are not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'record-opens-'));
  const junk = join(dir, 'junk.pem');
  writeFileSync(junk, 'not a certificate');
  const locked = join(pkcs12, readdirSync(pkcs12).find((n) => n.endsWith('.p12') || n.endsWith('.pfx'))!);
  const grants = new PathGrants();
  const heard: string[][] = [];
  const dispatcher = recordOpens(createDispatcher(createWorkbench({ grants }).handlers), (p) => heard.push(p));
  const paths = [x509('leaf.pem'), junk, join(dir, 'missing.pem'), locked];
  grants.grant(paths);
  const r = await dispatcher.dispatch('documents.openPaths', { paths });
  assert.equal(r.ok, true);
  assert.deepEqual(heard, [[x509('leaf.pem'), locked]]);
  // A path nobody chose: the whole request is refused, nothing is heard.
  const refused = await dispatcher.dispatch('documents.openPaths', { paths: [x509('root.pem')] });
  assert.equal(refused.ok, false);
  await dispatcher.dispatch('documents.openText', { name: 'p', text: 'x' });
  await dispatcher.dispatch('documents.openPaths', { paths: 'bad' });
  assert.equal(heard.length, 1);
  rmSync(dir, { recursive: true, force: true });
});

/** Chosen paths: what counts as the same file, and 'documents.openPaths' reading nothing that was not chosen. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fixture } from '../../test/helpers/fixtures';
import { nodeFiles, type FilePort } from './file-port';
import { createWorkbench } from './index';
import { PathGrants } from './path-grants';

/** The real file port, recording every path it is asked to read. */
function spyFiles(): FilePort & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: (path) => {
      reads.push(path);
      return nodeFiles.read(path);
    },
  };
}

test('a granted path is granted however it is spelled; its neighbours are not', () => {
  const grants = new PathGrants();
  const leaf = fixture('x509', 'leaf.pem');
  assert.deepEqual(grants.grant([leaf]), [leaf]);
  assert.equal(grants.isGranted(leaf), true);
  assert.equal(grants.isGranted(relative(process.cwd(), leaf)), true, 'relative to the working directory');
  assert.equal(grants.isGranted(join(leaf, '..', 'x', '..', 'leaf.pem')), true, 'dot segments that land on the same file');
  assert.equal(grants.isGranted(join(leaf, '..', 'leaf.key')), false, 'a sibling');
  assert.equal(grants.isGranted(join(leaf, '..')), false, 'its folder');
  assert.equal(grants.isGranted(join(leaf, '..', '..', '..', '..', 'etc', 'passwd')), false, '.. out of the chosen folder');
  assert.equal(grants.isGranted('/etc/passwd'), false);
  assert.equal(grants.size, 1);
});

test('empty, overlong and NUL-containing names are never granted', () => {
  const grants = new PathGrants();
  const leaf = fixture('x509', 'leaf.pem');
  assert.deepEqual(grants.grant(['', `${leaf}\0.png`, '/' + 'a'.repeat(5000)]), []);
  assert.equal(grants.size, 0);
  assert.equal(grants.isGranted(`${leaf}\0.png`), false);
  assert.equal(grants.isGranted(''), false);
});

test('requireAll: one typed error that names no path', () => {
  const grants = new PathGrants();
  grants.grant([fixture('x509', 'leaf.pem')]);
  assert.doesNotThrow(() => grants.requireAll([fixture('x509', 'leaf.pem')]));
  assert.throws(
    () => grants.requireAll([fixture('x509', 'leaf.pem'), '/etc/passwd']),
    (e: any) => e.name === 'PkiError' && e.code === 'INVALID_ARGUMENT' && !e.message.includes('passwd') && /chose/.test(e.message) && e.hint.length > 10,
  );
});

test('openPaths: an unchosen path is refused before anything is read, with the same answer whether or not it exists', async () => {
  const files = spyFiles();
  const wb = createWorkbench({ files });
  wb.grants.grant([fixture('x509', 'leaf.pem')]);
  const answers: string[] = [];
  for (const paths of [
    ['/etc/passwd'],
    ['/proc/self/environ'],
    ['/etc/shadow'],
    ['/no/such/file.pem'],
    [fixture('x509', 'leaf.key')],
    [join(fixture('x509', 'leaf.pem'), '..', '..', '..', '..', 'package.json')],
    [fixture('x509', 'leaf.pem'), '/etc/passwd'],
  ]) {
    await assert.rejects(wb.handlers['documents.openPaths']({ paths }), (e: any) => {
      answers.push(JSON.stringify([e.code, e.message, e.hint]));
      return e.code === 'INVALID_ARGUMENT';
    });
  }
  assert.deepEqual(files.reads, [], 'nothing was read');
  assert.equal(new Set(answers).size, 1, 'every refusal reads the same');
  assert.equal((await wb.handlers['documents.list']({})).documents.length, 0, 'no document, not even an error document');
});

test('openPaths: chosen paths open, under the name they were chosen by', async () => {
  const files = spyFiles();
  const wb = createWorkbench({ files });
  const key = relative(process.cwd(), fixture('x509', 'leaf.key'));
  wb.grants.grant([key, fixture('x509', 'leaf.pem')]);
  const state = await wb.handlers['documents.openPaths']({ paths: [resolve(key), fixture('x509', 'leaf.pem')] });
  assert.deepEqual(files.reads, [resolve(key), fixture('x509', 'leaf.pem')]);
  assert.deepEqual(state.documents.map((d) => [d.name, d.status]), [['leaf.key', 'ready'], ['leaf.pem', 'ready']]);
  assert.equal(state.documents[1].objects[0].kind, 'certificate');
});

test('a chosen file that is not a certificate still has its start quoted (it helps the user)', async () => {
  const wb = createWorkbench();
  const path = join(__dirname, 'path-grants.test.ts');
  wb.grants.grant([path]);
  const state = await wb.handlers['documents.openPaths']({ paths: [path] });
  const doc = state.documents[0];
  assert.equal(doc.error?.code, 'UNRECOGNIZED_FORMAT');
  const firstWords = readFileSync(path, 'utf8').split('\n')[0].slice(0, 12);
  assert.ok(doc.error?.message.includes(firstWords), doc.error?.message);
});

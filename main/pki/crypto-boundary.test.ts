/** Only main/pki/crypto.ts may import node:crypto: everything else must work on Electron's BoringSSL too. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../test/helpers/fixtures';

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

test('no module but main/pki/crypto.ts imports node:crypto', () => {
  const offenders = ['main', 'renderer', 'app']
    .flatMap((d) => sources(join(ROOT, d)))
    .filter((p) => /(from\s+|require\()\s*['"](node:)?crypto['"]/.test(readFileSync(p, 'utf8')))
    .map((p) => relative(ROOT, p));
  assert.deepEqual(offenders, ['main/pki/crypto.ts']);
});

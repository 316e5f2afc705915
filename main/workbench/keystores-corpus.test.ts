/**
 * The pyjks keystores (test/fixtures/corpus/pyjks; passwords in ../shared/corpus/README.md) through the keystore editor: opened, keys with their
 * own passwords unlocked, saved as the same kind; keytool lists the saved file exactly as it lists the original
 * (aliases, entry types, certificates), and Java opens the unlocked keys with their own passwords.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { probeKeystore } from '../../test/helpers/java-probe';
import { fixture } from '../../test/helpers/fixtures';
import { kit } from '../../test/helpers/keystore-kit';
import { keytoolView } from '../../test/helpers/peer-view';
import { rejectsWith } from '../../test/helpers/pki-errors';

const PYJKS = fixture('corpus', 'pyjks');

interface Case {
  file: string;
  password: string;
  /** Keys protected by a password of their own (pyjks custom_entry_passwords). */
  keyPasswords?: Record<string, string>;
  /** Sealed secret keys with their own password: written back verbatim, Java opens them with it. */
  secretPasswords?: Record<string, string>;
}

const CASES: Case[] = [
  { file: 'jks/3certs.jks', password: '12345678' },
  { file: 'jks/DSA2048.jks', password: '12345678' },
  { file: 'jks/RSA2048_3certs.jks', password: '12345678' },
  { file: 'jks/non_ascii_password.jks', password: 'ლ(ಠ益ಠლ)' },
  { file: 'jks/custom_entry_passwords.jks', password: 'store_password', keyPasswords: { private: 'private_password' } },
  { file: 'jceks/AES256.jceks', password: '12345678' },
  { file: 'jceks/DESede.jceks', password: '12345678' },
  { file: 'jceks/RSA2048_3certs.jceks', password: '12345678' },
  { file: 'jceks/PBKDF2WithHmacSHA1.jceks', password: '12345678' },
  { file: 'jceks/custom_entry_passwords.jceks', password: 'store_password', keyPasswords: { private: 'private_password' }, secretPasswords: { secret: 'secret_password' } },
];

for (const c of CASES) {
  test(`pyjks ${c.file}: opened, saved again, listed by keytool as the original`, async () => {
    const { h, open, out } = kit(() => new Date());
    const source = join(PYJKS, c.file);
    const [doc] = await open([source]);
    const kind = c.file.endsWith('.jceks') ? 'jceks' : 'jks';
    let ks = await h['keystores.open']({ documentId: doc.id, password: c.password });
    assert.equal(ks.kind, kind);
    for (const [alias, keyPassword] of Object.entries(c.keyPasswords ?? {})) {
      assert.equal(ks.entries.find((e) => e.alias === alias)?.locked, true, `'${alias}' is locked until its password is given`);
      ks = await h['keystores.unlockEntry']({ keystoreId: ks.id, alias, keyPassword });
    }
    assert.ok(ks.entries.every((e) => !e.locked));
    const name = c.file.split('/')[1];
    const saved = await h['keystores.save']({ keystoreId: ks.id, kind, storePassword: c.password, destination: { folder: out, fileName: name } });
    const storeType = kind === 'jks' ? 'JKS' : 'JCEKS';
    const sortByAlias = (l: Awaited<ReturnType<typeof keytoolView>>) => [...l].sort((a, b) => a.alias.localeCompare(b.alias));
    assert.deepEqual(sortByAlias(await keytoolView(saved.written[0].path, storeType, c.password)), sortByAlias(await keytoolView(source, storeType, c.password)));
    if (c.keyPasswords) {
      const probed = await probeKeystore(storeType, saved.written[0].path, c.password, { ...c.keyPasswords, ...c.secretPasswords });
      for (const alias of Object.keys(c.keyPasswords)) assert.equal(probed.find((p) => p.alias === alias)?.keyMatchesLeaf, true);
    }
  });
}

test('pyjks keystores that must fail (an alias twice) are refused with CORRUPT, nothing opened', async () => {
  const { h, open } = kit();
  for (const file of ['jks/duplicate_aliases.jks', 'jceks/duplicate_aliases.jceks']) {
    const [doc] = await open([join(PYJKS, file)]);
    const e = await rejectsWith(h['keystores.open']({ documentId: doc.id, password: '12345678' }), 'CORRUPT');
    assert.match(e.message, /appears twice/);
  }
  assert.deepEqual((await h['keystores.list']({})).keystores, []);
});

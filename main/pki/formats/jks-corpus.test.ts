/**
 * pyjks's JKS and JCEKS keystores (test/fixtures/corpus/pyjks; passwords from its test sources, see
 * /work/shared/corpus/README.md) read as models and written back, judged by keytool, Java's KeyStore and our
 * reader (jks-test-helpers.ts judgeRoundTrip). The malformed ones are the reader's tests (jks.test.ts).
 */
import { join } from 'node:path';
import { after, it } from 'node:test';
import { FIXTURES } from '../../../test/helpers/fixtures';
import { type StoreUnderTest, judgeRoundTrip, scratch } from './jks-test-helpers';

const PYJKS = join(FIXTURES, 'corpus', 'pyjks');
const tmp = scratch('jks-corpus');
after(() => tmp.done());

const store = (file: string, storePassword: string, keyPasswords: Record<string, string> = {}): StoreUnderTest => ({
  name: `pyjks ${file}`,
  path: join(PYJKS, file),
  kind: file.endsWith('.jceks') ? 'jceks' : 'jks',
  storePassword,
  keyPasswords,
});

const STORES: StoreUnderTest[] = [
  ...['3certs', 'DSA2048', 'RSA1024', 'RSA2048_3certs'].flatMap((n) => [store(`jks/${n}.jks`, '12345678'), store(`jceks/${n}.jceks`, '12345678')]),
  ...['AES128', 'AES256', 'DES', 'DESede', 'PBKDF2WithHmacSHA1'].map((n) => store(`jceks/${n}.jceks`, '12345678')),
  store('jks/custom_entry_passwords.jks', 'store_password', { private: 'private_password' }),
  store('jceks/custom_entry_passwords.jceks', 'store_password', { private: 'private_password', secret: 'secret_password' }),
  store('jks/empty.jks', ''),
  store('jceks/empty.jceks', ''),
  store('jks/non_ascii_password.jks', 'ლ(ಠ益ಠლ)'),
];

for (const s of STORES) {
  it(`${s.name}: read as a model, written back, and keytool, Java and our reader see the same keystore`, () => judgeRoundTrip(s, tmp));
}

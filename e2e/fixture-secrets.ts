/**
 * The audit's answer key: e2e/fixtures/secrets.json, the secret components of every private key in the
 * fixtures the e2e flows open, extracted by OpenSSL and keytool (e2e/fixtures/make-secrets.sh). Loading it
 * fails loudly when it is stale (a fixture changed since), incomplete (a fixture it never looked at, a key a
 * fixture manifest lists that it lacks) or malformed: an audit that silently knows fewer keys proves nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const SECRETS_FILE = join(ROOT, 'e2e', 'fixtures', 'secrets.json');
const REMAKE = 'run `bash e2e/fixtures/make-secrets.sh` after changing fixtures';

/** Component names as `openssl pkey -text` prints them. */
export type ComponentName = 'privateExponent' | 'prime1' | 'prime2' | 'exponent1' | 'exponent2' | 'coefficient' | 'priv' | 'secret';
export const RSA_COMPONENTS: ComponentName[] = ['privateExponent', 'prime1', 'prime2', 'exponent1', 'exponent2', 'coefficient'];

export interface FixtureKey {
  source: string;
  location: string;
  /** The first line of `openssl pkey -text` ("Private-Key: (2048 bit, 2 primes)", "ED25519 Private-Key"), or "secret key (OID)". */
  type: string;
  /** SPKI SHA-256 of a private key; "secret-" + SHA-256 of a secret key's bytes. */
  spkiSha256: string;
  /** Lowercase hex, no sign byte. */
  secrets: Partial<Record<ComponentName, string>>;
}

export interface SecretsSource {
  /** Project-relative; `file#alias` for one entry of a Java keystore. */
  path: string;
  sha256: string;
  keys: number;
  note: string;
}

export interface FixtureSecrets {
  keyCount: number;
  keys: FixtureKey[];
  sources: SecretsSource[];
}

class StaleSecrets extends Error {
  constructor(problems: string[]) {
    super(`e2e/fixtures/secrets.json does not describe the fixtures (${REMAKE}):\n  ${problems.join('\n  ')}`);
  }
}

const fileSha256 = (path: string) => createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');
const json = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
const list = (dir: string, keep: (name: string) => boolean) => (existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)).filter(keep).map((n) => `${dir}/${n}`) : []);

/** Every file (or keystore entry) that may hold a private or secret key in the fixtures the e2e flows open. */
export function expectedSources(): string[] {
  const pkcs12 = json<{ files: Record<string, { expect: string }> }>('test/fixtures/pkcs12/manifest.json');
  const stores = json<{ stores: Record<string, { entries: { alias: string; type: string }[] }> }>('test/fixtures/keystores/manifest.json');
  return [
    ...list('e2e/fixtures', (n) => /\.(key|pfx|p12)$/.test(n)),
    'e2e/fixtures/keystore.jks#shop',
    ...list('test/fixtures/keys', (n) => n !== 'manifest.json'),
    ...list('test/fixtures/x509', (n) => readFileSync(join(ROOT, 'test/fixtures/x509', n)).includes('PRIVATE KEY')),
    ...Object.entries(pkcs12.files).filter(([, f]) => f.expect === 'ok').map(([n]) => `test/fixtures/pkcs12/${n}`),
    ...list('test/fixtures/pkcs12/pkcs8', (n) => n.endsWith('.der')),
    ...Object.entries(stores.stores).flatMap(([n, s]) => s.entries.filter((e) => e.type !== 'trustedCertEntry').map((e) => `test/fixtures/keystores/${n}#${e.alias}`)),
  ];
}

/** The SPKI SHA-256 of every private key the fixture manifests (made by other scripts) say exists. */
export function manifestKeySpkis(): string[] {
  const keys = json<{ keys: Record<string, { spkiSha256: string }> }>('test/fixtures/keys/manifest.json');
  const pkcs12 = json<{ pkcs8Spki: string; files: Record<string, { expect: string; keys: string[] }> }>('test/fixtures/pkcs12/manifest.json');
  const stores = json<{ keySpkiSha256: Record<string, string> }>('test/fixtures/keystores/manifest.json');
  const publicOnly = /\.(pub|rsapub)\./;
  return [
    ...Object.entries(keys.keys).filter(([n]) => !publicOnly.test(n)).map(([, k]) => k.spkiSha256),
    ...Object.values(pkcs12.files).filter((f) => f.expect === 'ok').flatMap((f) => f.keys),
    pkcs12.pkcs8Spki,
    ...Object.values(stores.keySpkiSha256),
  ].map((s) => s.toLowerCase());
}

function validKey(k: FixtureKey): string | null {
  const names = Object.keys(k.secrets) as ComponentName[];
  const want: ComponentName[] = /primes\)$/.test(k.type) ? RSA_COMPONENTS : k.type.startsWith('secret key') ? ['secret'] : ['priv'];
  const missing = want.filter((n) => !names.includes(n));
  if (missing.length) return `${k.source} (${k.location}): no ${missing.join(', ')} for a ${k.type}`;
  for (const n of names) {
    const hex = k.secrets[n] ?? '';
    if (!/^[0-9a-f]+$/.test(hex) || hex.length % 2 !== 0 || hex.length < 32) return `${k.source} (${k.location}): ${n} is not a usable hex value`;
  }
  return null;
}

/** Loads and checks secrets.json against the fixtures on disk; throws naming everything that is off. */
export function loadFixtureSecrets(): FixtureSecrets {
  if (!existsSync(SECRETS_FILE)) throw new StaleSecrets(['the file is missing']);
  const secrets = JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as FixtureSecrets;
  const problems: string[] = [];
  if (secrets.keyCount !== secrets.keys.length) problems.push(`keyCount says ${secrets.keyCount}, the file lists ${secrets.keys.length} keys`);
  for (const k of secrets.keys) {
    const bad = validKey(k);
    if (bad) problems.push(bad);
  }
  const known = new Map(secrets.sources.map((s) => [s.path, s]));
  for (const path of expectedSources()) if (!known.has(path)) problems.push(`${path} may hold a key but was never extracted`);
  for (const store of list('e2e/fixtures', (n) => /\.(jks|jceks)$/.test(n))) {
    if (!secrets.sources.some((s) => s.path.startsWith(`${store}#`))) problems.push(`${store} is a keystore whose keys were never extracted`);
  }
  for (const s of secrets.sources) {
    const file = s.path.split('#')[0];
    if (!existsSync(join(ROOT, file))) problems.push(`${file} is gone`);
    else if (fileSha256(file) !== s.sha256) problems.push(`${file} changed since its keys were extracted`);
    const found = secrets.keys.filter((k) => k.source === file && (!s.path.includes('#') || k.location.includes(`'${s.path.split('#')[1]}'`))).length;
    if (found !== s.keys) problems.push(`${s.path}: ${s.keys} keys recorded, ${found} listed`);
  }
  const spkis = new Set(secrets.keys.map((k) => k.spkiSha256));
  for (const spki of manifestKeySpkis()) if (!spkis.has(spki)) problems.push(`the key with SPKI SHA-256 ${spki} (in a fixture manifest) is not in secrets.json`);
  if (problems.length) throw new StaleSecrets(problems);
  return secrets;
}

/**
 * Remember keys, end to end through the session, with real files and the passphrase sealer: the sealed file
 * follows the vault while the app runs (so a crash loses nothing), writes are debounced and one at a time, off
 * leaves no file, a failing sealer is reported typed and retried; the vault is zeroed at quit.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mock, test } from 'node:test';
import { PkiError } from '../pki/errors';
import { KeyMemory, RESEAL_DELAY_MS } from './key-memory';
import { PassphraseFileSealer } from './passphrase-sealer';
import { REMEMBER_SETTING_NAME, RememberedKeys, SEALED_KEYS_NAME } from './remembered-keys';
import type { SecretSealer } from './secret-sealer';
import { Session } from './session';
import { gate, ManualTimers, settle } from './testing/manual-timers';

const fixture = (...p: string[]) => join(__dirname, '..', '..', 'test/fixtures', ...p);
const publicOfDer = (pkcs8: Uint8Array) => execFileSync('openssl', ['pkey', '-inform', 'DER', '-pubout'], { input: pkcs8, encoding: 'utf8' });
const publicOfFile = (path: string) => execFileSync('openssl', ['pkey', '-in', path, '-pubout'], { encoding: 'utf8' });

const EC = fixture('keys', 'ec-p-256.pkcs8.pem');
const ED = fixture('keys', 'ed25519.pkcs8.pem');
const LEAF = fixture('x509', 'leaf-with-key.pem');

/** The passphrase sealer with hooks: counts seals, can hold one open or make it fail. */
class ObservedSealer implements SecretSealer {
  readonly description = 'a passphrase file';
  seals = 0;
  hold: Promise<void> | null = null;
  failWith: Error | null = null;
  constructor(private readonly inner: SecretSealer) {}
  available() {
    return this.inner.available();
  }
  async seal(plaintext: Uint8Array) {
    this.seals++;
    if (this.hold) await this.hold;
    if (this.failWith) throw this.failWith;
    return this.inner.seal(plaintext);
  }
  open(sealed: Uint8Array) {
    return this.inner.open(sealed);
  }
}

/** A data folder that outlives "processes": start() is a fresh Session + KeyMemory on it, as after a restart or a crash. */
function restartable() {
  const dir = mkdtempSync(join(tmpdir(), 'key-memory-'));
  writeFileSync(join(dir, 'passphrase'), 'pass\n');
  const sealer = new ObservedSealer(new PassphraseFileSealer(join(dir, 'passphrase'), { N: 2 ** 10, r: 8, p: 1 }));
  const dataDir = join(dir, 'data');
  const sealedPath = join(dataDir, SEALED_KEYS_NAME);
  const start = () => {
    const session = new Session();
    const timers = new ManualTimers();
    const problems: PkiError[] = [];
    const memory = new KeyMemory(session, new RememberedKeys(dataDir, sealer), { timers, onProblem: (p) => problems.push(p) });
    return { session, memory, timers, problems };
  };
  /** What the sealed file holds now, read by a store of its own: document names with their keys' public halves (openssl). */
  const stored = async () => {
    const docs = await new RememberedKeys(dataDir, sealer).load();
    return docs.map((d) => [d.name, d.keys.map(publicOfDer)] as const);
  };
  return { dir, sealer, sealedPath, start, stored, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const open = (session: Session, path: string) => session.open(path.split('/').pop()!, new Uint8Array(readFileSync(path)), path);

/** Waits, a bounded number of event-loop turns (the real scrypt and file writes take some), until `done()`. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 5000 && !done(); i++) await new Promise((r) => setTimeout(r, 1));
}

async function sealsReach(sealer: ObservedSealer, count: number): Promise<void> {
  await until(() => sealer.seals >= count);
  assert.equal(sealer.seals, count, 'the seal was reached');
}

/** Lets the debounce timer fire and waits for the write it starts. */
async function elapse(run: { timers: ManualTimers; memory: KeyMemory }): Promise<void> {
  await settle();
  run.timers.fireAll();
  await run.memory.flush();
}

test('with the setting on, an opened key is sealed without quitting, and a start after a crash reopens it', async () => {
  const t = restartable();
  const first = t.start();
  await first.memory.setEnabled(true);
  await elapse(first);
  assert.equal(existsSync(t.sealedPath), false, 'no keys open: no file');
  await open(first.session, EC);
  assert.deepEqual(first.timers.waiting, [RESEAL_DELAY_MS], 'the write waits for the debounce');
  assert.equal(existsSync(t.sealedPath), false);
  await elapse(first);
  assert.ok(existsSync(t.sealedPath), 'sealed without quitting');
  if (process.platform !== 'win32') assert.equal(statSync(t.sealedPath).mode & 0o777, 0o600);
  assert.deepEqual(await t.stored(), [['ec-p-256.pkcs8.pem', [publicOfFile(EC)]]]);
  assert.ok(!readFileSync(t.sealedPath).toString('latin1').includes('PRIVATE KEY'), 'sealed, not plain PEM');

  // The process dies here: no persistAndWipe.
  const second = t.start();
  assert.equal(await second.memory.restore(), 1);
  const docs = second.session.state().documents;
  assert.deepEqual(docs.map((d) => [d.name, d.status]), [['ec-p-256.pkcs8.pem', 'ready']]);
  assert.deepEqual([...second.session.vault.entries()].map((e) => publicOfDer(e.pkcs8)), [publicOfFile(EC)]);
  t.cleanup();
});

test('closing a document takes its keys out of the sealed file; closing the last one deletes it', async () => {
  const t = restartable();
  const run = t.start();
  await run.memory.setEnabled(true);
  const a = await open(run.session, EC);
  const b = await open(run.session, LEAF);
  await open(run.session, fixture('x509', 'chain.pem')); // no key: not remembered
  await elapse(run);
  assert.deepEqual(await t.stored(), [
    ['ec-p-256.pkcs8.pem', [publicOfFile(EC)]],
    ['leaf-with-key.pem', [publicOfFile(LEAF)]],
  ]);
  run.session.close(a.id);
  await elapse(run);
  assert.deepEqual(await t.stored(), [['leaf-with-key.pem', [publicOfFile(LEAF)]]]);
  run.session.close(b.id);
  await elapse(run);
  assert.equal(existsSync(t.sealedPath), false, 'no keys left: the file is gone');
  t.cleanup();
});

test('keys unlocked in a password-protected PKCS#12 are sealed too', async () => {
  const t = restartable();
  const run = t.start();
  await run.memory.setEnabled(true);
  const pfx = await open(run.session, fixture('pkcs12', 'key-only.pfx'));
  assert.equal(run.session.state().documents[0].status, 'locked');
  await elapse(run);
  assert.equal(existsSync(t.sealedPath), false, 'locked: no key yet');
  await run.session.unlock(pfx.id, 'Certbench-Test-1');
  await elapse(run);
  const [[name, keys]] = await t.stored();
  assert.equal(name, 'key-only.pfx');
  const expected = execFileSync('openssl', ['pkcs12', '-in', fixture('pkcs12', 'key-only.pfx'), '-nocerts', '-nodes', '-passin', 'pass:Certbench-Test-1'], { encoding: 'utf8' });
  const expectedPublic = execFileSync('openssl', ['pkey', '-pubout'], { input: expected, encoding: 'utf8' });
  assert.deepEqual(keys, [expectedPublic]);
  t.cleanup();
});

test('a burst of changes makes one write with the final state; a change during a write makes exactly one more', async () => {
  const t = restartable();
  const run = t.start();
  await run.memory.setEnabled(true);
  await elapse(run);
  const before = t.sealer.seals;
  const paths = [EC, ED, LEAF, fixture('keys', 'ec-p-384.pkcs8.pem'), fixture('keys', 'ec-p-521.pkcs8.pem')];
  const docs = [];
  for (const p of paths) docs.push(await open(run.session, p));
  run.session.close(docs[1].id);
  run.session.close(docs[3].id);
  assert.equal(run.timers.waiting.length, 1, 'one timer for the whole burst');
  await elapse(run);
  assert.equal(t.sealer.seals - before, 1, 'one write');
  assert.deepEqual((await t.stored()).map(([name]) => name), ['ec-p-256.pkcs8.pem', 'leaf-with-key.pem', 'ec-p-521.pkcs8.pem']);

  // A slow seal: changes meanwhile wait for it, then go in one more write.
  const slow = gate();
  t.sealer.hold = slow.promise;
  run.session.close(docs[0].id);
  await settle();
  run.timers.fireAll();
  await sealsReach(t.sealer, before + 2); // the second write is in flight
  run.session.close(docs[2].id);
  await open(run.session, ED);
  assert.deepEqual(run.timers.waiting, [], 'nothing starts while a write is in flight');
  t.sealer.hold = null;
  slow.open();
  await until(() => run.timers.waiting.length > 0);
  assert.deepEqual(run.timers.waiting, [RESEAL_DELAY_MS], 'one more write is due once the first is done');
  await elapse(run);
  assert.equal(t.sealer.seals - before, 3);
  assert.deepEqual((await t.stored()).map(([name]) => name), ['ec-p-521.pkcs8.pem', 'ed25519.pkcs8.pem'], 'the last state won');
  t.cleanup();
});

test('turning the setting off with a write pending or in flight leaves no file afterwards', async () => {
  const t = restartable();
  const run = t.start();
  await run.memory.setEnabled(true);
  await open(run.session, EC);
  await elapse(run);
  assert.ok(existsSync(t.sealedPath));

  // Pending: the debounce has not fired yet.
  await open(run.session, ED);
  assert.equal(run.timers.waiting.length, 1);
  await run.memory.setEnabled(false);
  assert.equal(existsSync(t.sealedPath), false, 'off wiped the file');
  await elapse(run);
  assert.equal(existsSync(t.sealedPath), false, 'the pending write did not bring it back');

  // In flight: a seal under way when the setting goes off, and another change after.
  const seals = t.sealer.seals;
  await run.memory.setEnabled(true);
  const slow = gate();
  t.sealer.hold = slow.promise;
  await settle();
  run.timers.fireAll();
  await sealsReach(t.sealer, seals + 1);
  const off = run.memory.setEnabled(false);
  // Were "off" not to wait for the write in flight, it would wipe now and the seal would land after it.
  const settingSaysOff = () => readFileSync(join(t.sealedPath, '..', REMEMBER_SETTING_NAME), 'utf8').includes('false');
  const started = Date.now();
  await until(() => settingSaysOff() || Date.now() - started > 200);
  t.sealer.hold = null;
  slow.open();
  await off;
  await run.memory.flush();
  assert.equal(existsSync(t.sealedPath), false, 'the write in flight did not leave a file');
  await open(run.session, LEAF);
  await elapse(run);
  assert.equal(existsSync(t.sealedPath), false, 'nor did a later change');
  assert.equal(await run.memory.store.enabled(), false);
  assert.deepEqual(run.problems, []);
  const after = t.start();
  assert.equal(await after.memory.restore(), 0);
  t.cleanup();
});

test('a sealer that fails: a typed problem without key material, the session carries on, the next change retries', async () => {
  const t = restartable();
  const run = t.start();
  await run.memory.setEnabled(true);
  const keyPem = readFileSync(EC, 'utf8');
  // A foreign error that echoes what it was given: none of it may reach the problem.
  t.sealer.failWith = new Error(`keyring locked while sealing ${keyPem}`);
  await open(run.session, EC);
  await elapse(run);
  assert.equal(run.problems.length, 1);
  const [problem] = run.problems;
  assert.ok(problem instanceof PkiError);
  assert.equal(problem.code, 'INTERNAL');
  assert.match(problem.message, /could not be saved: a passphrase file did not seal them/);
  assert.match(problem.hint, /tries again/);
  const keyBody = keyPem.split('\n')[1];
  assert.ok(!JSON.stringify({ ...problem, message: problem.message }).includes(keyBody), 'no key text in the problem');
  assert.equal(existsSync(t.sealedPath), false);
  assert.equal(run.session.state().documents[0].status, 'ready', 'the session still has the key');
  assert.equal(run.session.vault.size, 1);
  assert.deepEqual(run.timers.waiting, [], 'no retry loop of its own');

  t.sealer.failWith = null;
  await open(run.session, ED);
  await elapse(run);
  assert.equal(run.problems.length, 1);
  assert.deepEqual((await t.stored()).map(([name]) => name), ['ec-p-256.pkcs8.pem', 'ed25519.pkcs8.pem']);
  t.cleanup();
});

test('by default a failed write is logged once, as code and message, without key material', async () => {
  const t = restartable();
  const session = new Session();
  const timers = new ManualTimers();
  const memory = new KeyMemory(session, new RememberedKeys(join(t.dir, 'data'), t.sealer), { timers });
  await memory.setEnabled(true);
  const keyPem = readFileSync(EC, 'utf8');
  t.sealer.failWith = new Error(keyPem);
  const logged = mock.method(console, 'error', () => {});
  try {
    await open(session, EC);
    await elapse({ timers, memory });
  } finally {
    logged.mock.restore();
  }
  assert.equal(logged.mock.callCount(), 1);
  const line = logged.mock.calls[0].arguments.join(' ');
  assert.match(line, /^certbench: INTERNAL: The keys Certbench remembers could not be saved/);
  assert.ok(!line.includes(keyPem.split('\n')[1]));
  t.cleanup();
});

test('quit seals what is open after any write in flight, zeroes the vault, and nothing afterwards touches the file', async () => {
  const t = restartable();
  const run = t.start();
  await run.memory.setEnabled(true);
  await open(run.session, EC);
  const slow = gate();
  t.sealer.hold = slow.promise;
  await settle();
  run.timers.fireAll();
  await sealsReach(t.sealer, 1);
  await open(run.session, ED); // waiting behind the write in flight
  const [key] = [...run.session.vault.entries()].map((e) => e.pkcs8);
  const quit = run.memory.persistAndWipe();
  t.sealer.hold = null;
  slow.open();
  await quit;
  assert.equal(run.session.vault.size, 0);
  assert.ok(key.every((b) => b === 0), 'the key bytes in memory are zeroed');
  await elapse(run); // anything left over would write the now-empty vault, deleting the file
  assert.deepEqual((await t.stored()).map(([name]) => name), ['ec-p-256.pkcs8.pem', 'ed25519.pkcs8.pem']);
  t.cleanup();
});

test('with the setting off (the default), nothing is written while running, quit zeroes the vault and nothing comes back', async () => {
  const t = restartable();
  const first = t.start();
  await open(first.session, EC);
  await elapse(first);
  assert.equal(t.sealer.seals, 0, 'nothing was sealed');
  const [key] = [...first.session.vault.entries()].map((e) => e.pkcs8);
  await first.memory.persistAndWipe();
  assert.ok(key.every((b) => b === 0), 'the key bytes in memory are zeroed');
  assert.equal(existsSync(t.sealedPath), false);
  const second = t.start();
  assert.equal(await second.memory.restore(), 0);
  assert.deepEqual(second.session.state().documents, []);
  t.cleanup();
});

test('restore writes nothing midway, then once with everything back', async () => {
  const t = restartable();
  const first = t.start();
  await first.memory.setEnabled(true);
  await open(first.session, EC);
  await open(first.session, LEAF);
  await first.memory.persistAndWipe();
  const seals = t.sealer.seals;

  const second = t.start();
  // After each document restore reopens: is a write already due?
  const dueMidway: number[] = [];
  const reopen = second.session.open.bind(second.session);
  second.session.open = async (...args) => {
    const doc = await reopen(...args);
    dueMidway.push(second.timers.waiting.length);
    return doc;
  };
  assert.equal(await second.memory.restore(), 2);
  assert.deepEqual(dueMidway, [0, 0], 'no write is asked for while restoring (a crash then would keep only part)');
  assert.equal(t.sealer.seals, seals);
  assert.deepEqual(second.timers.waiting, [RESEAL_DELAY_MS], 'one write asked for at the end');
  await elapse(second);
  assert.equal(t.sealer.seals, seals + 1);
  assert.deepEqual(await t.stored(), [
    ['ec-p-256.pkcs8.pem', [publicOfFile(EC)]],
    ['leaf-with-key.pem', [publicOfFile(LEAF)]],
  ]);
  t.cleanup();
});

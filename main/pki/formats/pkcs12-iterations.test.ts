/**
 * High iteration counts (files made by test/fixtures/make-pkcs12-iterations.sh): fast unlocking, asking for
 * the password at once when trying the empty one is costly, telling rounds and time first, and Stop that
 * leaves no worker and no CPU burning.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixture, fixtureBytes, fixtureJson } from '../../../test/helpers/fixtures';
import type { ProgressEvent } from '../../api/contract';
import { createWorkbench } from '../../workbench';
import { digest, privateKeyFacts } from '../crypto';
import { PkiError, type ErrorCode } from '../errors';
import { liveEvalWorkers } from '../eval-worker';
import type { ReadOptions } from '../model';
import { readPkcs12 } from './pkcs12';

interface Manifest {
  password: string;
  certificate: string;
  keySpki: string;
  files: Record<string, { macHash: string | null; macIterations: number }>;
}
const manifest = fixtureJson<Manifest>('pkcs12-iterations', 'manifest.json');
const file = (name: string) => fixtureBytes('pkcs12-iterations', name);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<PkiError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof PkiError, `expected PkiError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected ${code}`);
}

async function workersGone(withinMs = 1000): Promise<number> {
  const until = performance.now() + withinMs;
  while (liveEvalWorkers() > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
  return liveEvalWorkers();
}

/** CPU time (user + system, ms) this process spends over the next `ms` milliseconds of wall time. */
async function cpuDuring(ms: number): Promise<number> {
  const before = process.cpuUsage();
  await new Promise((r) => setTimeout(r, ms));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('PKCS#12 with high iteration counts (made by openssl pkcs12 -iter)', () => {
  it('the manifest matches the files (what openssl -info reported)', () => {
    assert.deepEqual(manifest.files['mac-sha1-10m.pfx'], { macHash: 'sha1', macIterations: 10_000_000 });
    assert.deepEqual(manifest.files['pbes2-2m.pfx'], { macHash: 'sha256', macIterations: 2_000_000 });
    assert.deepEqual(manifest.files['nomac-300k.pfx'], { macHash: null, macIterations: 0 });
  });

  for (const name of ['mac-sha1-10m.pfx', 'pbes2-2m.pfx', 'legacy-300k.pfx', 'nomac-300k.pfx']) {
    it(`${name}: opens with its password and yields openssl's certificate and key`, async () => {
      const started = performance.now();
      const r = await readPkcs12(file(name), { password: manifest.password });
      const elapsed = performance.now() - started;
      const { macHash, macIterations } = manifest.files[name];
      if (macHash) {
        assert.ok(r.notes.includes(`MAC: ${macHash === 'sha1' ? 'SHA-1' : 'SHA-256'}, ${macIterations} iterations`), r.notes.join('; '));
        assert.equal(r.integrity, 'verified');
      } else {
        assert.equal(r.integrity, 'absent');
      }
      const cert = r.objects.find((o) => o.kind === 'certificate');
      const key = r.objects.find((o) => o.kind === 'privateKey');
      assert.ok(cert?.kind === 'certificate' && key?.kind === 'privateKey');
      assert.equal(hex(digest('sha256', cert.der)), manifest.certificate);
      assert.equal(hex(digest('sha256', privateKeyFacts(key.pkcs8).spki)), manifest.keySpki);
      // OpenSSL needs ~1.4 s for the 10M SHA-1 MAC here; the old per-call hashing took 11.5 s. Loose bound for
      // a loaded machine; `npm run bench` measures it properly.
      assert.ok(elapsed < 8000, `took ${elapsed.toFixed(0)} ms`);
    });
  }

  it('without a password, a costly file is PASSWORD_REQUIRED at once, saying how many rounds and about how long', async () => {
    assert.equal(await workersGone(), 0);
    // Rounds: the MAC, plus PBKDF2 (one SHA-256 block per AES-256 key) or the legacy KDF (3DES key: 2 SHA-1
    // blocks, RC2-40 key: 1, each IV: 1) for every encrypted part and key.
    const cases = [
      ['mac-sha1-10m.pfx', '10,000,000'],
      ['pbes2-2m.pfx', '6,000,000'],
      ['pbes2-300k.pfx', '900,000'],
      ['legacy-300k.pfx', '1,800,000'],
      ['nomac-300k.pfx', '300,000'],
    ] as const;
    for (const [name, rounds] of cases) {
      const started = performance.now();
      const e = await rejectsWith(readPkcs12(file(name), {}), 'PASSWORD_REQUIRED');
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 250, `${name}: ${elapsed.toFixed(0)} ms before asking`);
      assert.match(e.message, new RegExp(`asks for ${rounds} rounds of key derivation, about \\d+(\\.\\d)? s`), name);
      assert.match(e.hint, /empty password/);
      assert.equal(liveEvalWorkers(), 0);
    }
  });

  it('the empty password is still tried on a cheap file (OpenSSL default 2048 rounds)', async () => {
    const r = await readPkcs12(fixtureBytes('pkcs12', 'empty-password.pfx'), {});
    assert.ok(r.notes.includes('Opened without a password: it uses the empty password'), r.notes.join('; '));
  });

  it('a wrong password on a 300,000-round file is WRONG_PASSWORD', async () => {
    await rejectsWith(readPkcs12(file('pbes2-300k.pfx'), { password: 'not-it' }), 'WRONG_PASSWORD');
  });

  it('before long work, progress says how many rounds the file asks for and about how long', async () => {
    const phases: string[] = [];
    const fractions: number[] = [];
    await readPkcs12(file('pbes2-300k.pfx'), {
      password: manifest.password,
      onProgress: (f, phase) => {
        phases.push(phase);
        fractions.push(f);
      },
    });
    // 300,000 for the MAC and for each of the two PBKDF2 derivations (one SHA-256 block for AES-256 each).
    assert.match(phases[0], /^Checking the password: this file asks for 900,000 rounds of key derivation, about \d+\.\d s$/);
    assert.equal(fractions[0], 0);
    assert.equal(fractions.at(-1), 1);
    // The MAC (worker), the certificates' and the key's PBKDF2 (native) all count: the bar is full before "Done".
    assert.ok((fractions.at(-2) ?? 0) >= 0.95, fractions.join());
    assert.ok(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]), fractions.join());
  });
});

describe('Stop really stops', () => {
  const slowRead = (signal: AbortSignal, onProgress?: ReadOptions['onProgress']) =>
    readPkcs12(file('pbes2-2m.pfx'), { password: manifest.password, signal, onProgress });

  it('cancelling mid-derivation rejects with CANCELLED at once, terminates the workers and burns no more CPU', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const work = slowRead(controller.signal, (f) => {
      if (f > 0.05 && !abortedAt) {
        abortedAt = performance.now();
        controller.abort();
      }
    });
    await rejectsWith(work, 'CANCELLED');
    assert.ok(abortedAt > 0, 'no progress was reported');
    assert.ok(performance.now() - abortedAt < 200, `CANCELLED came ${(performance.now() - abortedAt).toFixed(0)} ms after abort`);
    assert.equal(await workersGone(), 0);
    // The MAC and both PBKDF2 derivations ran in workers; had any kept going, ~1 s of CPU would follow.
    const cpu = await cpuDuring(600);
    assert.ok(cpu < 120, `${cpu.toFixed(0)} ms of CPU in the 600 ms after cancelling`);
  });

  it('open-then-cancel ten times leaves no worker running', async () => {
    for (let i = 0; i < 10; i++) {
      const controller = new AbortController();
      const work = slowRead(controller.signal);
      setTimeout(() => controller.abort(), 30 + i * 10);
      await rejectsWith(work, 'CANCELLED');
    }
    assert.equal(await workersGone(), 0);
    assert.ok((await cpuDuring(400)) < 100);
  });

  it('through the workbench: Stop on an unlock leaves the file locked and no worker behind', async () => {
    const wb = createWorkbench();
    const paths = [fixture('pkcs12-iterations', 'pbes2-2m.pfx')];
    wb.grants.grant(paths);
    let state = await wb.handlers['documents.openPaths']({ paths });
    const doc = state.documents[0];
    assert.equal(doc.status, 'locked');
    assert.match(doc.lock?.message ?? '', /6,000,000 rounds/);
    let stopped = false;
    wb.events.on((event, payload) => {
      const p = payload as ProgressEvent;
      if (event === 'progress' && !p.done && (p.fraction ?? 0) > 0.05 && !stopped) {
        stopped = true;
        void wb.handlers['operations.cancel']({ operationId: p.operationId });
      }
    });
    state = await wb.handlers['documents.unlock']({ documentId: doc.id, password: manifest.password });
    assert.ok(stopped);
    assert.equal(state.documents[0].status, 'locked');
    assert.equal(await workersGone(), 0);
    assert.ok((await cpuDuring(500)) < 100);
  });
});

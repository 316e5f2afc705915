/** Test kit for the keystore editor tests: a workbench with a granted output folder, files opened as the user would. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { ROOT, fixture } from './fixtures';
import type { DocumentDto, KeystoreDto, KeystoreEntryDto } from '../../main/api/dto';
import { createWorkbench, type Workbench } from '../../main/workbench';

export const E2E = (name: string) => join(ROOT, 'e2e', 'fixtures', name);
export const X509 = (name: string) => fixture('x509', name);
export const KEYSTORES = (name: string) => fixture('keystores', name);

/** The moment the tests count expiry from. */
export const NOW = new Date('2026-11-27T12:00:00Z');

export interface Kit {
  wb: Workbench;
  h: Workbench['handlers'];
  /** The output folder the user chose. */
  out: string;
  /** Opens files as the user would (chosen first, then opened) and returns their documents. */
  open(paths: string[], password?: string): Promise<DocumentDto[]>;
}

/** `now`: NOW by default; the real clock for tests whose certificates are made while they run. */
export function kit(now: () => Date = () => NOW): Kit {
  const wb = createWorkbench({ now });
  const out = mkdtempSync(join(tmpdir(), 'certbench-ks-'));
  wb.folders.grant(out);
  const open = async (paths: string[], password?: string) => {
    wb.grants.grant(paths);
    const state = await wb.handlers['documents.openPaths']({ paths, password });
    return state.documents.slice(-paths.length);
  };
  return { wb, h: wb.handlers, out, open };
}

export const ids = (doc: DocumentDto, kind?: string) => doc.objects.filter((o) => !kind || o.kind === kind).map((o) => o.id);

export function entry(ks: KeystoreDto, alias: string): KeystoreEntryDto {
  const e = ks.entries.find((x) => x.alias === alias);
  assert.ok(e, `no entry '${alias}' in ${ks.entries.map((x) => x.alias).join(', ')}`);
  return e;
}

/** Private key material that must never appear in a response: base64 lines of each key file, and PEM labels. */
export function assertNoKeyBytes(response: unknown, keyFiles: string[]): void {
  const json = JSON.stringify(response);
  assert.ok(!/PRIVATE KEY/.test(json), 'a PEM private key label in a response');
  for (const file of keyFiles) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => /^[A-Za-z0-9+/]{40,}/.test(l));
    assert.ok(lines.length > 0, `no base64 lines in ${file}`);
    for (const line of lines) assert.ok(!json.includes(line.slice(0, 40)), `key bytes of ${file} in a response`);
  }
  assert.ok(!/"pkcs8"|"keyPassword"|"storePassword"/.test(json), 'a key or password field in a response');
}

export const filesIn = (dir: string) => readdirSync(dir).sort();

/** The Electronegativity gate: passes on the real app/, fails on a planted bad pattern, keeps its allowlist honest. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { judge, loadAllowlist, type Finding } from './electronegativity.mjs';

const root = join(__dirname, '..');
const gate = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'electronegativity.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });

/** A copy of app/ with `files` added, scanned by the gate with the real allowlist. */
function gateOnCopy(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-eg-'));
  try {
    cpSync(join(root, 'app'), join(dir, 'app'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'app', name), text);
    return gate('--input', join(dir, 'app'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the real app/ has no open Electronegativity finding', () => {
  const r = gate();
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\d+ checks over app: \d+ findings, \d+ allowlisted, 0 open, 0 unparsed, 0 stale/);
  assert.doesNotMatch(r.stdout + r.stderr, /Could not retrieve|tried to fetch/);
});

test('a window with nodeIntegration on and context isolation off fails the gate, named by check and file', () => {
  const r = gateOnCopy({
    'planted.ts':
      "import { BrowserWindow } from 'electron';\n" +
      'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n',
  });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /open finding NODE_INTEGRATION_JS_CHECK in planted\.ts:2:/);
  assert.match(r.stderr, /open finding CONTEXT_ISOLATION_JS_CHECK in planted\.ts:2:/);
});

test('an allowlisted check in another file is still an open finding', () => {
  const r = gateOnCopy({
    'second-window.ts':
      "import { BrowserWindow } from 'electron';\n" +
      "export const w = new BrowserWindow({ webPreferences: { preload: '/x.js', contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick' } });\n",
  });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /open finding PRELOAD_JS_CHECK in second-window\.ts:2:/);
  assert.doesNotMatch(r.stderr, /in window\.ts/);
});

test('a file the tool cannot parse fails the gate instead of being skipped', () => {
  const r = gateOnCopy({ 'broken.ts': 'export const = ;\n' });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /could not scan broken\.ts/);
});

const finding = (check: string, file: string): Finding => ({ check, file, line: 1, column: 0, severity: 'MEDIUM', confidence: 'FIRM', sample: '' });

test('judge: allowlist entries match by check and file; an entry that matches nothing is stale', () => {
  const allow = [
    { check: 'PRELOAD_JS_CHECK', file: 'window.ts', reason: 'r' },
    { check: 'AUXCLICK_JS_CHECK', file: 'window.ts', reason: 'r' },
  ];
  const { open, stale, allowed } = judge([finding('PRELOAD_JS_CHECK', 'window.ts'), finding('PRELOAD_JS_CHECK', 'other.ts')], allow);
  assert.deepEqual(open.map((f) => f.file), ['other.ts']);
  assert.deepEqual(stale.map((e) => e.check), ['AUXCLICK_JS_CHECK']);
  assert.equal(allowed, 1);
});

test('the allowlist is short and every entry says why', () => {
  const allow = loadAllowlist(join(root, 'scripts', 'electronegativity-allow.json'));
  assert.ok(allow.length > 0 && allow.length <= 5, `${allow.length} entries`);
  const dir = mkdtempSync(join(tmpdir(), 'certbench-eg-'));
  try {
    const bad = join(dir, 'allow.json');
    writeFileSync(bad, JSON.stringify([{ check: 'PRELOAD_JS_CHECK', file: 'window.ts', reason: ' ' }]));
    assert.throws(() => loadAllowlist(bad), /entry 0 has no reason/);
    writeFileSync(bad, JSON.stringify({ check: 'PRELOAD_JS_CHECK' }));
    assert.throws(() => loadAllowlist(bad), /expected a JSON array/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Static checks of the Electron shell's hardening. Electron cannot run on this machine, so these read the
 * sources: each rule in ARCHITECTURE.md's security section must be written where the shell sets it up.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { API_METHODS } from '../main/api/contract';

const root = join(__dirname, '..');
const src = (file: string) => readFileSync(join(root, file), 'utf8');
// Comments say what code does not; strip them so a commented-out line can't satisfy a check.
const code = (file: string) => src(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

test('the window sets every webPreferences hardening option', () => {
  const w = code('app/window.ts');
  for (const option of [
    /contextIsolation:\s*true/,
    /sandbox:\s*true/,
    /nodeIntegration:\s*false/,
    /nodeIntegrationInWorker:\s*false/,
    /nodeIntegrationInSubFrames:\s*false/,
    /webSecurity:\s*true/,
    /allowRunningInsecureContent:\s*false/,
    /webviewTag:\s*false/,
    /spellcheck:\s*false/,
    /preload:\s*options\.preload/,
  ]) {
    assert.match(w, option);
  }
  assert.doesNotMatch(w, /enableRemoteModule|experimentalFeatures|enableBlinkFeatures/);
  assert.match(w, /loadURL\(APP_ENTRY_URL\)/);
  assert.doesNotMatch(code('app/main.ts') + w, /loadFile\(|file:\/\//);
});

test('new windows, navigation, webviews and permissions are denied for every web contents', () => {
  const g = code('app/guards.ts');
  assert.match(g, /setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
  assert.match(g, /on\('will-navigate', \(event\) => event\.preventDefault\(\)\)/);
  assert.match(g, /on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
  assert.match(g, /on\('will-redirect', \(event\) => event\.preventDefault\(\)\)/);
  assert.match(g, /app\.on\('web-contents-created', \(_event, contents\) => guardWebContents\(contents\)\)/);
  assert.match(g, /setPermissionRequestHandler\([\s\S]*?callback\(isPermissionAllowed\(/);
  assert.match(g, /setPermissionCheckHandler\([\s\S]*?isPermissionAllowed\(/);
  assert.match(g, /setDevicePermissionHandler\(\(\) => false\)/);
  const m = code('app/main.ts');
  assert.match(m, /guardAllWebContents\(\)/);
  assert.match(m, /denyPermissions\(session\.defaultSession\)/);
  assert.match(m, /app\.enableSandbox\(\)/);
  assert.match(m, /requestSingleInstanceLock\(\)/);
});

test('the renderer comes from the app:// protocol with the CSP, registered as standard and secure', () => {
  const p = code('app/protocol.ts');
  assert.match(p, /registerSchemesAsPrivileged\(\[\s*\{ scheme: APP_SCHEME, privileges: \{ standard: true, secure: true/);
  assert.match(p, /session\.protocol\.handle\(APP_SCHEME, createRendererHandler\(rendererDir, readFile\)\)/);
  const m = code('app/main.ts');
  assert.match(m, /registerAppScheme\(\)/);
  assert.match(m, /serveRenderer\(session\.defaultSession, rendererDir\)/);
});

test('IPC: one channel per API method, every handler checks the sender first', () => {
  const i = code('app/ipc.ts');
  assert.match(i, /for \(const method of API_METHODS\)\s*\{\s*ipcMain\.handle\(methodChannel\(method\)/);
  const handles = i.match(/ipcMain\.handle\(/g) ?? [];
  const checked = i.match(/ipcMain\.handle\([^;]*?isTrustedSender\(event, getWindow\(\)\)/g) ?? [];
  assert.equal(handles.length, 5);
  assert.equal(checked.length, handles.length, 'every ipcMain.handle must check isTrustedSender');
  assert.doesNotMatch(i, /ipcMain\.on\(/, 'no fire-and-forget channels');
  assert.match(i, /ALLOWED_EVENTS\.has\(event\)/);
  assert.match(i, /'multiSelections'/);
  assert.equal(new Set(API_METHODS).size, API_METHODS.length);
});

test('main reads only chosen paths: the workbench gets the grants that the dialog, drops, argv and open-file fill', () => {
  const m = code('app/main.ts');
  assert.match(m, /const grants = new PathGrants\(\)/);
  assert.match(m, /createWorkbench\(\{[^}]*\bgrants, folders \}\)/);
  assert.match(m, /registerFolderPicker\(folders, getWindow\)/);
  assert.match(m, /registerWatchFolderPicker\(grants, getWindow\)/);
  assert.match(m, /new FileOpener\(grants\)/);
  assert.match(m, /registerIpc\(dispatcher, grants, getWindow\)/);
  const i = code('app/ipc.ts');
  assert.match(i, /grants\.grant\(await showOpenDialog\(getWindow\(\)\)\)/);
  assert.match(i, /grants\.grant\(droppedPaths\(paths\)\)/);
  assert.match(code('app/file-opens.ts'), /this\.grants\.grant\(paths\)/);
  // Writes go only to folders chosen in the save dialog.
  assert.match(i, /const folder = await showFolderDialog\(getWindow\(\)\);\s*if \(folder\) folders\.grant\(folder\);/);
});

test('the preload exposes named methods only, each checked against the contract', () => {
  const p = code('app/preload.ts');
  assert.equal((p.match(/exposeInMainWorld\(/g) ?? []).length, 1);
  assert.match(p, /exposeInMainWorld\(BRIDGE_KEY, bridge\)/);
  assert.match(p, /!METHODS\.has\(method\)/);
  assert.match(p, /!EVENTS\.has\(event\)/);
  assert.match(p, /webUtils\.getPathForFile\(file as File\)/);
  // The bridge must not hand out ipcRenderer itself or a generic send/invoke.
  const bridge = p.slice(p.indexOf('const bridge'), p.indexOf('contextBridge.exposeInMainWorld'));
  const keys = [...bridge.matchAll(/^  (?:async )?(\w+)\(/gm)].map((m) => m[1]);
  assert.deepEqual(keys, ['call', 'on', 'pickFiles', 'grantFiles', 'pickFolder', 'pickWatchFolder']);
  assert.doesNotMatch(bridge, /ipcRenderer[,}\s]*$|: ipcRenderer|\.send\(|sendSync/m);
});

function filesUnder(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name)) out.push(p);
  }
  return out;
}

// A value import of 'electron' (import ... from, import 'electron', require, dynamic import); `import type` is fine.
const VALUE_IMPORT = /^\s*import\s+(?!type\b)[^;]*?from\s*['"]electron['"]|^\s*import\s*['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;

test('no file outside app/ imports electron as a value', () => {
  const offenders = ['main', 'renderer', 'e2e', 'scripts', 'test', 'bin']
    .flatMap((d) => filesUnder(join(root, d)))
    .filter((f) => !f.endsWith('scripts/start.mjs')) // it resolves the binary's path, guarded (see its tests)
    .filter((f) => VALUE_IMPORT.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')))
    .map((f) => relative(root, f));
  assert.deepEqual(offenders, []);
});

test('the pure app/ modules (tested under Node) do not import electron', () => {
  for (const f of ['app/serve.ts', 'app/origin.ts', 'app/argv.ts', 'app/sender.ts', 'app/channels.ts', 'app/file-types.ts', 'main/api/preload-bridge.ts']) {
    assert.doesNotMatch(src(f), /['"]electron['"]/, f);
  }
});

test('the import check itself tells value imports from type imports', () => {
  assert.ok(VALUE_IMPORT.test("import { app } from 'electron';"));
  assert.ok(VALUE_IMPORT.test("import * as e from \"electron\";"));
  assert.ok(VALUE_IMPORT.test("import 'electron';"));
  assert.ok(VALUE_IMPORT.test("const e = require('electron');"));
  assert.ok(VALUE_IMPORT.test("await import('electron')"));
  assert.equal(VALUE_IMPORT.test("import type { BrowserWindow } from 'electron';"), false);
  assert.equal(VALUE_IMPORT.test("import { x } from 'electron-builder';"), false);
});

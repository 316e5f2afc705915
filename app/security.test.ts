/**
 * Static checks of the Electron shell's hardening. Electron cannot run on this machine, so these read the
 * sources: each rule in ARCHITECTURE.md's security section must be written where the shell sets it up.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
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
    /disableBlinkFeatures:\s*'Auxclick'/,
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
  // Both deny unconditionally; an allowlisted link from our page goes to the system browser instead.
  assert.match(g, /setWindowOpenHandler\(\(\{ url \}\) => \{\s*openIfAllowed\(contents, url\);\s*return \{ action: 'deny' \};\s*\}\)/);
  assert.match(g, /on\('will-navigate', \(event\) => \{\s*event\.preventDefault\(\);\s*openIfAllowed\(contents, event\.url\);\s*\}\)/);
  assert.match(g, /isAppUrl\(contents\.getURL\(\)\) \? externalLinkTarget\(url\) : null/);
  const opens = filesUnder(join(root, 'app'))
    .filter((f) => !/\.test\.ts$|[\\/]testing[\\/]/.test(f))
    .flatMap((f) => (code(relative(root, f)).match(/openExternal\(/g) ?? []).map(() => relative(root, f)));
  assert.deepEqual(opens, ['app/guards.ts'], 'one shell.openExternal, behind the allowlist');
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

/** Every module a source file names: import/export ... from, import x = require(), import(), require(). */
function moduleReferences(file: string, text: string): { specifier: string; typeOnly: boolean; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { specifier: string; typeOnly: boolean; line: number }[] = [];
  const add = (spec: ts.Expression | undefined, typeOnly: boolean, node: ts.Node) => {
    if (spec && ts.isStringLiteralLike(spec)) {
      out.push({ specifier: spec.text, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly === true, node);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, node);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0], false, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * What the bundled renderer may name: packages and its own files, and main/api for types only (`import type`,
 * `export type`); never other main/ modules, electron or Node built-ins. Its tests run under Node and may use
 * the real workbench, so they are not part of the bundle and not checked.
 */
function rendererImportProblems(file: string, text = readFileSync(file, 'utf8')): string[] {
  const problems: string[] = [];
  for (const ref of moduleReferences(file, text)) {
    const where = `${relative(root, file)}:${ref.line} '${ref.specifier}'`;
    if (ref.specifier === 'electron' || ref.specifier.startsWith('electron/')) problems.push(`${where}: electron`);
    else if (ref.specifier.startsWith('node:')) problems.push(`${where}: Node built-in`);
    else if (ref.specifier.startsWith('.')) {
      const target = relative(root, join(dirname(file), ref.specifier)).split(sep).join('/');
      if (target.startsWith('../') || target.startsWith('/')) problems.push(`${where}: outside the project`);
      else if (target === 'main' || target.startsWith('main/')) {
        if (!target.startsWith('main/api/')) problems.push(`${where}: main/ outside main/api`);
        else if (!ref.typeOnly) problems.push(`${where}: value import from main/api (use import type)`);
      } else if (!target.startsWith('renderer/')) problems.push(`${where}: outside renderer/`);
    }
  }
  return problems;
}

const rendererSources = () => filesUnder(join(root, 'renderer')).filter((f) => !/\.test\.tsx?$/.test(f));

test('the renderer reaches main only through main/api, and only for types', () => {
  const files = rendererSources();
  assert.ok(files.length > 20, `${files.length} renderer sources`);
  assert.deepEqual(files.flatMap((f) => rendererImportProblems(f)), []);
});

test('the renderer import check catches each way of reaching main', () => {
  // A file as if it were renderer/pages/probe.ts, so main/ is two levels up.
  const probe = (text: string) =>
    rendererImportProblems(join(root, 'renderer', 'pages', 'probe.ts'), text).map((p) => p.slice(p.indexOf(': ') + 2));
    assert.deepEqual(probe("import type { Dto } from '../../main/api/dto';\nexport type { X } from '../../main/api/contract';\n"), []);
    assert.deepEqual(probe("import { type Dto } from '../../main/api/dto';"), ['value import from main/api (use import type)']);
    assert.deepEqual(probe("import { API_METHODS } from '../../main/api/contract';"), ['value import from main/api (use import type)']);
    assert.deepEqual(probe("import type { Workbench } from '../../main/workbench';"), ['main/ outside main/api']);
    assert.deepEqual(probe('import {\n  createWorkbench,\n} from "../../main/workbench";'), ['main/ outside main/api']);
    assert.deepEqual(probe("export * from '../../main/pki/errors';"), ['main/ outside main/api']);
    assert.deepEqual(probe("const m = await import('../../main/cli');"), ['main/ outside main/api']);
    assert.deepEqual(probe("const m = require('../../main/cli');"), ['main/ outside main/api']);
    assert.deepEqual(probe("import { ipcRenderer } from 'electron';"), ['electron']);
    assert.deepEqual(probe("import { readFile } from 'node:fs/promises';"), ['Node built-in']);
    assert.deepEqual(probe("import { x } from '../../app/ipc';"), ['outside renderer/']);
    assert.deepEqual(probe("import { Button } from '@mui/material';\nimport { Page } from './x';"), []);
});

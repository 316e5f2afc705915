// Validates electron-builder.yml: electron-builder's own schema (app-builder-lib's validateConfiguration over its
// scheme.json), then Certbench's packaging rules (what goes into the app, fuses, file associations and the
// Windows installer script, targets, entitlements, pinned versions, icons).
//   node scripts/check-builder-config.mjs        prints the problems and exits 1, or one OK line
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pngSize, readIcns, readIco } from './icon-containers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

export const DOCUMENT_EXTENSIONS = ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c', 'pfx', 'p12', 'jks', 'jceks', 'key', 'csr', 'crl'];

// Paths the packaged app must contain, and paths it must never contain, relative to the project.
const MUST_INCLUDE = ['package.json', 'dist/app/main.js', 'dist/app/preload.js', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js'];
const MUST_EXCLUDE = [
  'e2e/web.ts', 'e2e/inspect.spec.ts', 'dist/e2e/web.js', 'test/fixtures/server.pem', 'test/interop.test.ts',
  'dist/renderer/fixtures/a.pem', 'dist/app/main.js.map', 'dist/app/main.test.js', 'dist/main/cli.js',
  'main/workbench/index.ts', 'app/main.ts', 'renderer/App.tsx', 'scripts/build.mjs', 'assets/icon.svg',
  'node_modules/react/index.js', 'dist/renderer/node_modules/x/index.js', 'test-results/e2e-report.json', 'out/x',
  '.ci/run', 'README.md', 'tsconfig.json',
];

export function loadBuilderConfig(root = ROOT) {
  const require = createRequire(join(root, 'package.json'));
  const yaml = require('js-yaml'); // ships with electron-builder
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
}

/** electron-builder semantics: patterns in order, the last that matches decides; `!` excludes. */
export function isPackaged(path, patterns, minimatch) {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

// What each platform gets (scripts/make-icons.mjs draws them).
export const ICO_EDGES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_EDGES = [128, 256, 512, 1024];
export const LINUX_EDGES = [16, 24, 32, 48, 64, 128, 256, 512];
export const DOCUMENT_ICON_KINDS = ['cert', 'p7b', 'pfx', 'jks', 'key', 'csr', 'crl'];

/** Entitlements the hardened runtime may grant Certbench: V8's JIT, nothing else. */
export const ALLOWED_ENTITLEMENTS = ['com.apple.security.cs.allow-jit'];

/** Problems in an icon container: missing, unreadable, or without one of the edges the platform wants. */
export function checkIconFile(file, read, edges) {
  if (!file) return ['not set'];
  if (!existsSync(file)) return [`${file} is missing`];
  let images;
  try {
    images = read(readFileSync(file));
  } catch (e) {
    return [`${file}: ${e.message}`];
  }
  const have = new Set(images.map((i) => i.width));
  return edges.filter((e) => !have.has(e)).map((e) => `${file} has no ${e}x${e} image`);
}

/** Problems in a plist of entitlements: anything granted beyond ALLOWED_ENTITLEMENTS, or JIT not granted. */
export function checkEntitlements(plist) {
  const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
  const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
  const problems = keys.filter((k) => !ALLOWED_ENTITLEMENTS.includes(k)).map((k) => `grants ${k}, which Certbench does not need`);
  if (!granted.includes('com.apple.security.cs.allow-jit')) problems.push('must grant com.apple.security.cs.allow-jit (V8 needs it under the hardened runtime)');
  return problems;
}

/** Problems in assets/installer.nsh: every document type added to "Open with" and removed again, no default taken. */
export function checkInstallerNsh(nsh) {
  const problems = [];
  const lines = nsh.split('\n').filter((l) => !/^\s*;/.test(l));
  // The default value of Software\Classes\.ext names the class that opens the file: writing it takes the type.
  const takesDefault = lines.filter((l) => /WriteRegStr\s+\S+\s+"Software\\Classes\\\.[^"]*"\s+""/.test(l) && !/OpenWithProgids/.test(l));
  for (const l of takesDefault) problems.push(`makes Certbench the default: ${l.trim()}`);
  const progIds = new Set([...nsh.matchAll(/^\s*!insertmacro certbenchProgId (\S+) /gm)].map((m) => m[1]));
  for (const ext of DOCUMENT_EXTENSIONS) {
    const add = nsh.match(new RegExp(`^\\s*!insertmacro certbenchOpenWith ${ext} (\\S+)\\s*$`, 'm'));
    if (!add) problems.push(`does not add Certbench to "Open with" for .${ext}`);
    else if (!progIds.has(add[1])) problems.push(`.${ext} opens with ${add[1]}, which no certbenchProgId registers`);
    if (!new RegExp(`^\\s*!insertmacro certbenchNoLongerOpens ${ext} \\S+\\s*$`, 'm').test(nsh)) problems.push(`the uninstaller leaves .${ext}'s "Open with" entry behind`);
  }
  if (!/OpenWithProgids/.test(nsh.match(/!macro certbenchOpenWith[\s\S]*?!macroend/)?.[0] ?? '')) problems.push('certbenchOpenWith must write OpenWithProgids');
  return problems;
}

/** Returns the problems found (empty when the config is good). `config` defaults to electron-builder.yml. */
export async function checkBuilderConfig({ root = ROOT, config = loadBuilderConfig(root) } = {}) {
  const problems = [];
  const fail = (m) => problems.push(m);
  const require = createRequire(join(root, 'package.json'));

  if (!config || typeof config !== 'object') return ['electron-builder.yml is empty or not a mapping'];

  // 1. electron-builder's own JSON schema (unknown keys, wrong types).
  try {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await validateConfiguration(structuredClone(config), new DebugLogger(false));
  } catch (e) {
    fail(`electron-builder schema: ${String(e.message).split('\n').slice(0, 3).join(' ')}`);
  }

  // 2. Identity and layout.
  if (config.appId !== 'dev.certbench.app') fail(`appId must be dev.certbench.app (is ${config.appId})`);
  if (config.productName !== 'Certbench') fail(`productName must be Certbench (is ${config.productName})`);
  if (config.directories?.buildResources !== 'assets') fail('directories.buildResources must be assets');
  if (config.directories?.output !== 'out') fail('directories.output must be out');
  if (config.asar !== true) fail('asar must be true');

  // 3. Files: what the packaged app holds, checked by matching sample paths the way electron-builder does.
  const files = config.files;
  if (!Array.isArray(files) || files.some((p) => typeof p !== 'string')) fail('files must be a list of glob strings');
  else {
    const { minimatch } = require('minimatch');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const p of [...MUST_INCLUDE, pkg.main]) if (!isPackaged(p, files, minimatch)) fail(`files must include ${p}`);
    for (const p of MUST_EXCLUDE) if (isPackaged(p, files, minimatch)) fail(`files must not include ${p}`);
    for (const dir of ['e2e', 'test', 'fixtures']) {
      if (!files.some((p) => p.startsWith('!') && p.includes(`/${dir}/`))) fail(`files must exclude **/${dir}/** explicitly`);
    }
  }

  // 4. Fuses.
  const fuses = config.electronFuses ?? {};
  for (const [name, value] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[name] !== value) fail(`electronFuses.${name} must be ${value} (is ${fuses[name]})`);
  }

  // 5. File associations: macOS and Linux from mac/linux.fileAssociations, each type offered (rank Alternate,
  // never the default); Windows only through assets/installer.nsh's "Open with" entries, because
  // electron-builder's own NSIS association writes the extension's default class.
  const resources = join(root, config.directories?.buildResources ?? 'assets');
  if (config.fileAssociations) fail('fileAssociations must not be top-level: electron-builder\'s NSIS installer would make Certbench the default for them (use mac/linux.fileAssociations and assets/installer.nsh)');
  if (config.win?.fileAssociations) fail('win.fileAssociations must not be set: NSIS would make Certbench the default (assets/installer.nsh adds it to "Open with")');
  for (const platform of ['mac', 'linux']) {
    const assoc = Array.isArray(config[platform]?.fileAssociations) ? config[platform].fileAssociations : [];
    const covered = new Set();
    for (const a of assoc) {
      const exts = (Array.isArray(a.ext) ? a.ext : [a.ext]).map((e) => String(e).replace(/^\./, '').toLowerCase());
      exts.forEach((e) => covered.add(e));
      const what = `${platform}.fileAssociations for ${exts.join(', ')}`;
      if (!a.name) fail(`${what} need a name`);
      if (a.role !== 'Viewer' && a.role !== 'Editor') fail(`${what} must have role Viewer or Editor (is ${a.role})`);
      if (a.rank !== 'Alternate') fail(`${what} must have rank Alternate, never taking the OS's own viewer (is ${a.rank})`);
      if (!a.mimeType) fail(`${what} need a mimeType (the Linux .desktop file lists it)`);
      if (!a.icon) fail(`${what} need a document icon`);
      else if (!existsSync(join(resources, `${a.icon}.icns`))) fail(`${what}: icon ${a.icon}.icns not found in ${resources}`);
    }
    for (const ext of DOCUMENT_EXTENSIONS) if (!covered.has(ext)) fail(`${platform}.fileAssociations must cover .${ext}`);
  }
  if (config.nsis?.include !== 'installer.nsh') fail('nsis.include must be installer.nsh (the Windows "Open with" registration)');
  const nsh = existsSync(join(resources, 'installer.nsh')) ? readFileSync(join(resources, 'installer.nsh'), 'utf8') : null;
  if (nsh === null) fail(`${join(resources, 'installer.nsh')} is missing`);
  else {
    for (const problem of checkInstallerNsh(nsh)) fail(`installer.nsh: ${problem}`);
    for (const icon of nsh.matchAll(/^\s*!insertmacro certbenchProgId \S+ "[^"]*" (\S+)$/gm)) {
      if (!existsSync(join(resources, icon[1]))) fail(`installer.nsh: document icon ${icon[1]} not found in ${resources}`);
    }
  }
  const shipsDocIcons = (config.win?.extraResources ?? []).some((r) => r?.to === 'icons' && [r.filter].flat().includes('doc-*.ico'));
  if (!shipsDocIcons) fail('win.extraResources must copy assets doc-*.ico to resources/icons (installer.nsh points there)');

  // 6. Targets.
  const targets = (t) => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x?.target));
  const win = targets(config.win?.target);
  for (const t of ['nsis', 'portable']) if (!win.includes(t)) fail(`win.target must include ${t}`);
  if (config.nsis?.perMachine !== true) fail('nsis.perMachine must be true (installed for every user)');
  if (config.nsis?.oneClick !== false) fail('nsis.oneClick must be false (the assisted installer that asks for elevation)');
  if (config.nsis?.allowElevation !== true) fail('nsis.allowElevation must be true');
  if (!targets(config.mac?.target).includes('dmg')) fail('mac.target must include dmg');
  if (config.mac?.hardenedRuntime !== true) fail('mac.hardenedRuntime must be true');
  if (config.mac?.category !== 'public.app-category.developer-tools') fail('mac.category must be public.app-category.developer-tools');
  for (const key of ['entitlements', 'entitlementsInherit']) {
    const file = config.mac?.[key];
    if (!file) fail(`mac.${key} must be set (hardened runtime)`);
    else if (!existsSync(join(root, file))) fail(`mac.${key} ${file} not found`);
    else for (const problem of checkEntitlements(readFileSync(join(root, file), 'utf8'))) fail(`mac.${key} ${file}: ${problem}`);
  }
  const linux = targets(config.linux?.target);
  for (const t of ['AppImage', 'deb']) if (!linux.includes(t)) fail(`linux.target must include ${t}`);
  if (!config.linux?.category) fail('linux.category must be set');
  if (!/^[^<>]+ <[^@\s<>]+@[^@\s<>]+>$/.test(config.linux?.maintainer ?? '')) fail('linux.maintainer must be "Name <email>" (the deb control file needs it)');

  // 7. Versions: electronVersion pinned to the installed electron; electron-builder pinned to its minor.
  const installed = (name) => {
    try {
      return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    } catch {
      return null;
    }
  };
  const electron = installed('electron');
  if (!config.electronVersion) fail('electronVersion must be pinned');
  else if (electron && config.electronVersion !== electron) fail(`electronVersion ${config.electronVersion} differs from installed electron ${electron}`);
  const builder = installed('electron-builder');
  if (builder && !builder.startsWith('26.17.')) fail(`electron-builder ${builder} installed; this config is checked against 26.17`);

  // 8. Icons in buildResources: the source PNG, then each platform's container, read back entry by entry.
  const icon = join(resources, 'icon.png');
  const size = existsSync(icon) ? pngSize(readFileSync(icon)) : null;
  if (!size || size.width < 1024 || size.width !== size.height) fail('assets/icon.png must be a square PNG of at least 1024x1024');
  const iconFile = (key, ext) => {
    const i = config[key]?.icon;
    if (!i || !i.endsWith(ext)) fail(`${key}.icon must be a ${ext} (is ${i})`);
    return i ? join(resources, i) : null;
  };
  for (const problem of checkIconFile(iconFile('win', '.ico'), readIco, ICO_EDGES)) fail(`win.icon: ${problem}`);
  for (const problem of checkIconFile(iconFile('mac', '.icns'), readIcns, ICNS_EDGES)) fail(`mac.icon: ${problem}`);
  for (const key of ['installerIcon', 'uninstallerIcon']) {
    const i = config.nsis?.[key];
    for (const problem of checkIconFile(i ? join(resources, i) : null, readIco, ICO_EDGES)) fail(`nsis.${key}: ${problem}`);
  }
  if (config.linux?.icon !== 'icons') fail('linux.icon must be the icons folder (one PNG per size)');
  for (const edge of LINUX_EDGES) {
    const file = join(resources, 'icons', `${edge}x${edge}.png`);
    const s = existsSync(file) ? pngSize(readFileSync(file)) : null;
    if (!s || s.width !== edge || s.height !== edge) fail(`${file} must be a ${edge}x${edge} PNG`);
  }
  for (const kind of DOCUMENT_ICON_KINDS) {
    for (const problem of checkIconFile(join(resources, `doc-${kind}.ico`), readIco, ICO_EDGES)) fail(`doc-${kind}.ico: ${problem}`);
    for (const problem of checkIconFile(join(resources, `doc-${kind}.icns`), readIcns, ICNS_EDGES)) fail(`doc-${kind}.icns: ${problem}`);
  }

  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  checkBuilderConfig().then((problems) => {
    if (problems.length) {
      console.error(`electron-builder.yml has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log('electron-builder.yml: OK (schema, files, fuses, file associations, targets, versions, icons)');
  });
}

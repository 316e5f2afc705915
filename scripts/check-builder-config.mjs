// Validates electron-builder.yml: electron-builder's own schema, then Certbench's packaging rules
// (what goes into the app, fuses, file associations, targets, pinned versions, icons).
//   node scripts/check-builder-config.mjs        prints the problems and exits 1, or one OK line
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
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

  // 5. File associations: every document type, each named, opened as a Viewer.
  const assoc = Array.isArray(config.fileAssociations) ? config.fileAssociations : [];
  const covered = new Set();
  for (const a of assoc) {
    const exts = Array.isArray(a.ext) ? a.ext : [a.ext];
    exts.forEach((e) => covered.add(String(e).replace(/^\./, '').toLowerCase()));
    if (!a.name) fail(`fileAssociations for ${exts.join(', ')} need a name`);
    if (a.role !== 'Viewer') fail(`fileAssociations for ${exts.join(', ')} must have role Viewer`);
  }
  for (const ext of DOCUMENT_EXTENSIONS) if (!covered.has(ext)) fail(`fileAssociations must cover .${ext}`);

  // 6. Targets.
  const targets = (t) => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x?.target));
  const win = targets(config.win?.target);
  for (const t of ['nsis', 'portable']) if (!win.includes(t)) fail(`win.target must include ${t}`);
  if (!targets(config.mac?.target).includes('dmg')) fail('mac.target must include dmg');
  if (config.mac?.hardenedRuntime !== true) fail('mac.hardenedRuntime must be true');
  if (config.mac?.category !== 'public.app-category.developer-tools') fail('mac.category must be public.app-category.developer-tools');
  if (!targets(config.linux?.target).includes('AppImage')) fail('linux.target must include AppImage');

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

  // 8. Icons in buildResources.
  const resources = join(root, config.directories?.buildResources ?? 'assets');
  const icon = join(resources, 'icon.png');
  if (!existsSync(icon)) fail(`${icon} is missing`);
  else {
    const size = pngSize(icon);
    if (!size || size.width < 512 || size.width !== size.height) fail('assets/icon.png must be a square PNG of at least 512x512');
  }
  for (const key of ['win', 'mac', 'linux']) {
    const i = config[key]?.icon;
    if (i && !existsSync(join(resources, i))) fail(`${key}.icon ${i} not found in ${resources}`);
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

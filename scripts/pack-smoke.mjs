// Pack smoke test: electron-builder packs the app for Linux (--dir) from electron-builder.yml, against a STUB
// Electron dist, offline; then the output is read back: the asar holds only package.json, dist/app and
// dist/renderer (no sources, tests, maps, e2e code or node_modules), and every fuse in the binary is as configured.
//   node scripts/pack-smoke.mjs        prints what it checked, or the problems and exits 1
//
// The stub dist is what electron-builder needs of an unpacked Electron: an `electron` executable holding the
// fuse wire (@electron/fuses' sentinel, wire version 1, length 8, then one byte per fuse, '0' or '1'), a
// resources/ folder and the side files. Each configured fuse starts in the state opposite to the config
// (Electron's defaults for most), so reading back the configured state proves electron-builder flipped it.
// The project is a temporary folder with the real package.json, lock file, electron-builder.yml, assets and a
// copy of the sources (so what must stay out is really there to be left out), node_modules linked, and a
// stub dist/ with decoys (maps, tests, fixtures, the CLI and web host bundles) beside the app's files.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, cpSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import dns from 'node:dns';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBuilderConfig, REQUIRED_FUSES } from './check-builder-config.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** @electron/fuses FuseV1Options order; the stub starts each one opposite to Certbench's config. */
const FUSE_NAMES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
const ELECTRON_DEFAULT_WIRE = '10110001'; // Electron's defaults, in FUSE_NAMES order
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

/** What the app is made of, and decoys that must never be packed. */
const APP_FILES = ['dist/app/main.js', 'dist/app/preload.js', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'dist/renderer/assets/index-abc.css'];
const DECOYS = [
  'dist/app/main.js.map', 'dist/app/main.test.js', 'dist/renderer/assets/index-abc.js.map', 'dist/renderer/fixtures/a.pem',
  'dist/main/cli.js', 'dist/main/bench.js', 'dist/e2e/web.js', 'dist/e2e/inspect.spec.js', 'dist/renderer/node_modules/x/index.js',
  'test-results/e2e-report.json', 'README.md', 'tsconfig.json',
  // test/ is 1,200 files: a few stand for it (copying and walking all of it made packing minutes slower).
  'test/interop.test.ts', 'test/fixtures/server.pem', 'test/fixtures/make-fixtures.sh',
];
/** Copied, not linked: electron-builder does not descend into a linked folder, so a link would hide them. */
const COPIED_SOURCES = ['app', 'main', 'renderer', 'e2e', 'scripts', 'bin', 'assets'];

function writeStubElectron(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'));
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1')]);
  // Padding on both sides, as in a real binary where the wire sits in the middle of the data section.
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('\x7fELF stub electron\n'), Buffer.alloc(8192), wire, Buffer.alloc(8192)]), { mode: 0o755 });
  for (const f of ['chrome_100_percent.pak', 'resources.pak', 'icudtl.dat', 'v8_context_snapshot.bin', 'locales/en-US.pak', 'LICENSE']) writeFileSync(join(dir, f), 'stub');
  writeFileSync(join(dir, 'version'), loadBuilderConfig().electronVersion);
}

function writeStubProject(dir, root) {
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(join(root, f), join(dir, f));
  for (const d of COPIED_SOURCES) if (existsSync(join(root, d))) cpSync(join(root, d), join(dir, d), { recursive: true });
  // node_modules only for electron-builder's dependency scan (npm ls); the config keeps it out of the asar.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const f of [...APP_FILES, ...DECOYS]) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), `// stub ${f}\n`);
  }
}

/** Why a packed path must not be there, or null when it may. */
export function forbiddenReason(path) {
  if (/\.(ts|tsx|mts|cts)$/.test(path)) return 'a TypeScript source';
  if (/\.map$/.test(path)) return 'a source map';
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(path)) return 'a test';
  if (/(^|\/)(e2e|test|tests|fixtures)(\/|$)/.test(path)) return 'test or e2e code';
  if (/(^|\/)node_modules(\/|$)/.test(path)) return 'node_modules (everything is bundled)';
  if (path !== '/package.json' && !path.startsWith('/dist/app/') && !path.startsWith('/dist/renderer/') && path !== '/dist' && path !== '/dist/app' && path !== '/dist/renderer') {
    return 'outside package.json, dist/app and dist/renderer';
  }
  return null;
}

/** While packing, any name lookup is a download attempt: refuse it and remember the host. */
function refuseNetwork() {
  const attempts = [];
  const original = { lookup: dns.lookup, promises: dns.promises.lookup };
  const refuse = (host) => {
    attempts.push(host);
    const e = new Error(`pack smoke is offline: refused to look up ${host}`);
    e.code = 'ENOTFOUND';
    return e;
  };
  dns.lookup = (host, options, callback) => (typeof options === 'function' ? options : callback)(refuse(host));
  dns.promises.lookup = async (host) => {
    throw refuse(host);
  };
  return { attempts, restore: () => Object.assign(dns, { lookup: original.lookup }) && (dns.promises.lookup = original.promises) };
}

/**
 * Packs and checks. `change` edits the config before packing (tests break it on purpose).
 * @returns {Promise<{ problems: string[], asar: string[], fuses: Record<string, boolean>, ms: number, downloads: string[] }>}
 */
export async function packSmoke({ root = ROOT, change = () => {}, quiet = true } = {}) {
  const require = createRequire(join(root, 'package.json'));
  const { build, Platform, Arch } = require('electron-builder');
  const { log } = require('builder-util');
  const asar = require('@electron/asar');
  const { getCurrentFuseWire } = require('@electron/fuses');

  const work = mkdtempSync(join(tmpdir(), 'certbench-pack-'));
  const started = Date.now();
  const problems = [];
  const network = refuseNetwork();
  const logStream = log.stream;
  if (quiet) log.stream = { write: () => true }; // electron-builder's progress lines, not needed in a test
  try {
    const project = join(work, 'project');
    const electronDist = join(work, 'electron-dist');
    mkdirSync(project);
    writeStubElectron(electronDist);
    writeStubProject(project, root);

    // The config is written back to the project's electron-builder.yml and read from there by electron-builder:
    // a config object passed to build() is merged over the file, so a deleted key would silently come back.
    const config = loadBuilderConfig(project);
    config.electronDist = electronDist;
    config.directories = { ...config.directories, output: join(work, 'out') };
    change(config);
    writeFileSync(join(project, 'electron-builder.yml'), require('js-yaml').dump(config));
    await build({ projectDir: project, targets: Platform.LINUX.createTarget('dir', Arch.x64), publish: 'never' });

    const appOut = join(work, 'out', 'linux-unpacked');
    const resources = readdirSync(join(appOut, 'resources')).sort();
    if (resources.join() !== 'app.asar') problems.push(`resources/ must hold only app.asar, holds ${resources.join(', ')}`);
    const archive = join(appOut, 'resources', 'app.asar');
    const listed = existsSync(archive) ? asar.listPackage(archive, { isPack: false }).map((p) => p.replaceAll('\\', '/')) : [];
    for (const p of listed) {
      const why = forbiddenReason(p);
      if (why) problems.push(`app.asar holds ${p}: ${why}`);
    }
    for (const f of ['package.json', ...APP_FILES]) if (!listed.includes(`/${f}`)) problems.push(`app.asar lacks /${f}`);
    if (listed.includes('/package.json')) {
      const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
      if (pkg.main !== 'dist/app/main.js') problems.push(`packed package.json main is ${pkg.main}, not dist/app/main.js`);
    }

    const executable = join(appOut, require(join(project, 'package.json')).name);
    const wire = await getCurrentFuseWire(executable);
    const fuses = {};
    FUSE_NAMES.forEach((name, i) => {
      fuses[name] = wire[i] === ON;
      if (wire[i] !== ON && wire[i] !== OFF) problems.push(`fuse ${name} reads ${wire[i]}, neither on nor off`);
    });
    // Certbench's required fuses whatever the config says, then any other fuse the config sets.
    for (const name of Object.keys(config.electronFuses ?? {})) if (!FUSE_NAMES.includes(name)) problems.push(`electronFuses.${name} is not a fuse of wire version 1`);
    for (const name of FUSE_NAMES) {
      const wanted = REQUIRED_FUSES[name] ?? config.electronFuses?.[name];
      if (wanted !== undefined && fuses[name] !== wanted) problems.push(`fuse ${name} is ${fuses[name] ? 'on' : 'off'} in the packed binary; it must be ${wanted ? 'on' : 'off'}`);
    }
    if (network.attempts.length) problems.push(`packing tried the network: ${[...new Set(network.attempts)].join(', ')}`);
    return { problems, asar: listed, fuses, ms: Date.now() - started, downloads: network.attempts };
  } finally {
    network.restore();
    log.stream = logStream;
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  packSmoke({ quiet: false }).then(({ problems, asar, fuses, ms }) => {
    if (problems.length) {
      console.error(`pack smoke: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      const on = Object.entries(fuses).filter(([, v]) => v).map(([k]) => k);
      console.log(`pack smoke: OK in ${ms} ms; app.asar holds ${asar.filter((p) => /\.[a-z]+$/.test(p)).length} files; fuses on: ${on.join(', ')}`);
    }
  }, (e) => {
    console.error(`pack smoke: electron-builder failed: ${e.message}`);
    process.exitCode = 1;
  });
}

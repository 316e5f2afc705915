// Pack smoke test: electron-builder packs the app (--dir, x64) from electron-builder.yml, against a STUB Electron
// dist, offline; then the output is read back: the asar holds only package.json, dist/app and dist/renderer (no
// sources, tests, maps, e2e code or node_modules), and every fuse in the binary is as configured.
//   node scripts/pack-smoke.mjs [--mac|--win]   prints what it checked, or the problems and exits 1
// Linux by default. --mac packs the macOS .app instead (electron-builder does that on Linux, unsigned) and also
// checks Info.plist. --win packs win-unpacked/Certbench.exe and reads the exe back with peers (file, icoutils'
// wrestool): version strings naming Certbench, its icon is assets/icon.ico, the manifest runs it asInvoker, the
// asar integrity resource holds the header's SHA-256 from OpenSSL, and resources/icons has the document icons
// assets/installer.nsh registers.
//
// The stub dist is what electron-builder needs of an unpacked Electron: an `electron` executable holding the
// fuse wire (@electron/fuses' sentinel, wire version 1, length 8, then one byte per fuse, '0' or '1'), a
// resources/ folder and the side files. Each configured fuse starts in the state opposite to the config
// (Electron's defaults for most), so reading back the configured state proves electron-builder flipped it.
// The project is a temporary folder with the real package.json, lock file, electron-builder.yml, assets and a
// copy of the sources (so what must stay out is really there to be left out), node_modules linked, and a
// stub dist/ with decoys (maps, tests, fixtures, the CLI and web host bundles) beside the app's files.
//
// Windows needs no config override: electron-builder 26 edits the exe's resources (version strings, icon, asar
// integrity) in JS with resedit, not with rcedit under wine, so the stub electron.exe is a real PE that resedit
// parses (stub-windows-exe.mjs); signing is skipped because no certificate is configured (nothing is downloaded).
// What is not checked: the NSIS and portable installers (makensis is a download), so assets/installer.nsh is never
// compiled here, nor the elevate.exe NSIS puts in the installer. app-update.yml is written only for NSIS targets
// with a publish provider; the config has none (and resources/ holding anything but app.asar and icons/ fails).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, cpSync, writeFileSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import dns from 'node:dns';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOCUMENT_EXTENSIONS, loadBuilderConfig, REQUIRED_FUSES } from './check-builder-config.mjs';
import { readIco } from './icon-containers.mjs';
import { stubWindowsExe } from './stub-windows-exe.mjs';
import { extractResource, parseVersionInfo } from './win-resources.mjs';

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

/** The fuse wire at Electron's defaults, padded on both sides as in a real binary where it sits in the data section. */
function paddedFuseWire() {
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1')]);
  return Buffer.concat([Buffer.alloc(8192), wire, Buffer.alloc(8192)]);
}

/** A binary holding the fuse wire. */
function stubBinary() {
  return Buffer.concat([Buffer.from('stub electron\n'), paddedFuseWire()]);
}

function writeStubElectron(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'electron'), stubBinary(), { mode: 0o755 });
  for (const f of ['chrome_100_percent.pak', 'resources.pak', 'icudtl.dat', 'v8_context_snapshot.bin', 'locales/en-US.pak', 'LICENSE']) writeFileSync(join(dir, f), 'stub');
  writeFileSync(join(dir, 'version'), loadBuilderConfig().electronVersion);
}

/** Electron's Windows dist: electron.exe (a real PE, see stub-windows-exe.mjs) and the side files beside it. */
function writeStubElectronWin(dir, require) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'));
  const version = loadBuilderConfig().electronVersion;
  writeFileSync(join(dir, 'electron.exe'), stubWindowsExe({ rdata: paddedFuseWire(), version, require }));
  for (const f of ['chrome_100_percent.pak', 'resources.pak', 'icudtl.dat', 'v8_context_snapshot.bin', 'ffmpeg.dll', 'locales/en-US.pak', 'LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(dir, f), 'stub');
  writeFileSync(join(dir, 'version'), version);
}

/** Electron.app as electron-builder expects it: Info.plist, the executable, the framework holding the fuse wire, helpers. */
function writeStubElectronMac(dir, plist) {
  const contents = join(dir, 'Electron.app', 'Contents');
  const info = (name, extra = {}) => plist.build({ CFBundleExecutable: name, CFBundleIdentifier: 'com.github.Electron', CFBundleName: name, CFBundleVersion: '45.4.1', CFBundleShortVersionString: '45.4.1', ...extra });
  const file = (path, data, mode = 0o644) => {
    mkdirSync(dirname(join(contents, path)), { recursive: true });
    writeFileSync(join(contents, path), data, { mode });
  };
  file('Info.plist', info('Electron', { CFBundleIconFile: 'electron.icns', CFBundlePackageType: 'APPL' }));
  file('MacOS/Electron', 'stub main executable', 0o755);
  file('Resources/electron.icns', 'stub');
  file('Frameworks/Electron Framework.framework/Electron Framework', stubBinary(), 0o755);
  for (const suffix of [' Helper', ' Helper (Renderer)', ' Helper (GPU)', ' Helper (Plugin)']) {
    file(`Frameworks/Electron${suffix}.app/Contents/Info.plist`, info(`Electron${suffix}`));
    file(`Frameworks/Electron${suffix}.app/Contents/MacOS/Electron${suffix}`, 'stub helper', 0o755);
  }
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
export function refuseNetwork() {
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
export async function packSmoke({ root = ROOT, platform = 'linux', change = () => {}, quiet = true } = {}) {
  const require = createRequire(join(root, 'package.json'));
  const { build, Platform, Arch } = require('electron-builder');
  const { log } = require('builder-util');
  const asar = require('@electron/asar');
  const plist = require('plist');
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
    if (platform === 'mac') writeStubElectronMac(electronDist, plist);
    else if (platform === 'win') writeStubElectronWin(electronDist, require);
    else writeStubElectron(electronDist);
    writeStubProject(project, root);

    // The config is written back to the project's electron-builder.yml and read from there by electron-builder:
    // a config object passed to build() is merged over the file, so a deleted key would silently come back.
    const config = loadBuilderConfig(project);
    config.electronDist = electronDist;
    config.directories = { ...config.directories, output: join(work, 'out') };
    change(config);
    writeFileSync(join(project, 'electron-builder.yml'), require('js-yaml').dump(config));
    const target = { mac: Platform.MAC, win: Platform.WINDOWS, linux: Platform.LINUX }[platform].createTarget('dir', Arch.x64);
    await build({ projectDir: project, targets: target, publish: 'never' });

    // Where the app landed: Linux linux-unpacked/{certbench, resources/}; macOS mac/Certbench.app/Contents;
    // Windows win-unpacked/{Certbench.exe, resources/}.
    const productName = config.productName;
    const appOut = { mac: join(work, 'out', 'mac', `${productName}.app`), win: join(work, 'out', 'win-unpacked'), linux: join(work, 'out', 'linux-unpacked') }[platform];
    const resourcesDir = platform === 'mac' ? join(appOut, 'Contents', 'Resources') : join(appOut, 'resources');
    const executable = { mac: appOut, win: join(appOut, `${productName}.exe`), linux: join(appOut, require(join(project, 'package.json')).name) }[platform];
    if (!existsSync(executable)) problems.push(`no executable ${executable.slice(work.length + 1)}; electron-builder wrote ${readdirSync(appOut).join(', ')}`);

    // Beside the asar: icons (macOS .icns; Windows the document icons in icons/, from win.extraResources).
    const resources = readdirSync(resourcesDir).filter((f) => !/\.icns$/.test(f) && !(platform === 'win' && f === 'icons')).sort();
    if (resources.join() !== 'app.asar') problems.push(`resources must hold only app.asar (and icons), hold ${resources.join(', ')}`);
    const archive = join(resourcesDir, 'app.asar');
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

    let infoPlist = null;
    if (platform === 'mac') {
      infoPlist = plist.parse(readFileSync(join(appOut, 'Contents', 'Info.plist'), 'utf8'));
      problems.push(...checkMacInfo(infoPlist, resourcesDir, archive));
    }
    let windows = null;
    if (platform === 'win' && existsSync(executable)) {
      const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
      windows = checkWindowsApp({ appOut, exe: executable, resourcesDir, archive, config, pkg, root: project, fuses });
      problems.push(...windows.problems);
    }
    if (network.attempts.length) problems.push(`packing tried the network: ${[...new Set(network.attempts)].join(', ')}`);
    return { problems, asar: listed, fuses, infoPlist, windows: windows && { versionStrings: windows.versionStrings, iconSizes: windows.iconSizes, asarIntegrity: windows.asarIntegrity, files: readdirSync(appOut).sort() }, ms: Date.now() - started, downloads: network.attempts };
  } finally {
    network.restore();
    log.stream = logStream;
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The packed Info.plist: every document type offered at rank Alternate with its icon in Resources, and the asar
 * integrity hash (what the EnableEmbeddedAsarIntegrityValidation fuse checks at start) equal to the SHA-256 of
 * the packed asar's header as OpenSSL computes it.
 */
function checkMacInfo(info, resourcesDir, archive) {
  const problems = [];
  const types = info.CFBundleDocumentTypes ?? [];
  const offered = new Set(types.flatMap((t) => t.CFBundleTypeExtensions ?? []));
  for (const ext of DOCUMENT_EXTENSIONS) if (!offered.has(ext)) problems.push(`Info.plist offers no document type for .${ext}`);
  for (const t of types) {
    const what = `Info.plist document type ${t.CFBundleTypeName}`;
    if (t.LSHandlerRank !== 'Alternate') problems.push(`${what} has LSHandlerRank ${t.LSHandlerRank}, not Alternate`);
    if (!['Viewer', 'Editor'].includes(t.CFBundleTypeRole)) problems.push(`${what} has role ${t.CFBundleTypeRole}`);
    if (!t.CFBundleTypeIconFile || !existsSync(join(resourcesDir, t.CFBundleTypeIconFile))) problems.push(`${what}: icon ${t.CFBundleTypeIconFile} is not in Resources`);
  }
  if (!existsSync(join(resourcesDir, info.CFBundleIconFile ?? '-'))) problems.push(`Info.plist app icon ${info.CFBundleIconFile} is not in Resources`);
  const integrity = info.ElectronAsarIntegrity?.['Resources/app.asar'];
  if (!integrity) problems.push('Info.plist has no ElectronAsarIntegrity for Resources/app.asar');
  else {
    const expected = asarHeaderSha256(archive, problems);
    if (expected && (integrity.algorithm !== 'SHA256' || integrity.hash !== expected)) problems.push(`ElectronAsarIntegrity ${integrity.algorithm} ${integrity.hash} is not the header's SHA-256 ${expected}`);
  }
  return problems;
}

/** The SHA-256 of the asar's header as OpenSSL computes it (what Electron checks at start), or null with a problem. */
function asarHeaderSha256(archive, problems) {
  const digest = spawnSync('openssl', ['dgst', '-sha256', '-r'], { input: asarHeader(archive) });
  if (digest.status === 0) return String(digest.stdout).split(' ')[0];
  problems.push(`openssl dgst failed: ${digest.stderr}`);
  return null;
}

/** The app must run with the user's rights: only the per-machine installer asks for elevation. */
const APP_EXECUTION_LEVEL = 'asInvoker';

/**
 * The packed Windows exe, read with peers (file, icoutils' wrestool) rather than resedit, which wrote it: still a
 * PE32+ GUI x64 image; version strings naming Certbench, not Electron; its icon is assets/icon.ico; the manifest
 * runs it as invoker; the asar integrity resource holds the header's SHA-256 from OpenSSL; and the document icons
 * assets/installer.nsh registers sit in resources/icons.
 * @returns {{ problems: string[], versionStrings: Record<string, string> | null, iconSizes: number[], asarIntegrity: unknown }}
 */
function checkWindowsApp({ appOut, exe, resourcesDir, archive, config, pkg, root, fuses }) {
  const problems = [];
  const name = basename(exe);
  const kind = spawnSync('file', ['-b', exe]);
  if (kind.error) problems.push(`file is needed to identify ${name}: ${kind.error.message}`);
  else if (!/^PE32\+ executable \(GUI\) x86-64, for MS Windows/.test(String(kind.stdout))) problems.push(`${name} is not a PE32+ GUI x64 image: file says ${String(kind.stdout).trim() || kind.stderr}`);
  if (existsSync(join(appOut, 'electron.exe'))) problems.push('electron.exe was left beside the app');

  let versionStrings = null;
  const read = (what, fn) => {
    try {
      return fn();
    } catch (e) {
      problems.push(`${name}: cannot read ${what}: ${e.message}`);
      return null;
    }
  };
  const info = read('the version resource', () => parseVersionInfo(extractResource(exe, 16, 1)));
  if (info) {
    const tables = Object.values(info.tables);
    if (tables.length !== 1) problems.push(`${name} has ${tables.length} version string tables, not 1`);
    versionStrings = tables[0] ?? {};
    const author = typeof pkg.author === 'string' ? pkg.author.replace(/\s*[<(].*$/, '') : pkg.author?.name;
    const wanted = { ProductName: config.productName, FileDescription: config.productName, InternalName: config.productName, LegalCopyright: config.copyright, FileVersion: pkg.version };
    for (const [key, value] of Object.entries(wanted)) if (versionStrings[key] !== value) problems.push(`${name} ${key} is ${JSON.stringify(versionStrings[key])}, not ${JSON.stringify(value)}`);
    if (!author) problems.push(`${name} CompanyName is ${JSON.stringify(versionStrings.CompanyName)}: package.json has no author for electron-builder to put there`);
    else if (versionStrings.CompanyName !== author) problems.push(`${name} CompanyName is ${JSON.stringify(versionStrings.CompanyName)}, not the package author ${JSON.stringify(author)}`);
    const numeric = `${pkg.version.split(/[-+]/)[0]}.0.0.0`.split('.').slice(0, 4).join('.');
    if (info.fileVersion !== numeric) problems.push(`${name} file version is ${info.fileVersion}, not ${numeric}`);
  }

  const icon = read('the icon group', () => readIco(extractResource(exe, 14, 1, { raw: false })));
  const appIcon = readIco(readFileSync(join(root, 'assets', 'icon.ico')));
  const iconSizes = (icon ?? []).map((i) => i.width);
  if (icon) {
    const differing = icon.filter((entry, i) => !appIcon[i]?.png.equals(entry.png)).length;
    if (icon.length !== appIcon.length || differing) problems.push(`${name}'s icon is not assets/icon.ico: it holds ${iconSizes.join(', ')} px images (${differing} unlike the app icon's), the app icon ${appIcon.map((i) => i.width).join(', ')} px`);
  }

  const manifest = read('the manifest', () => String(extractResource(exe, 24, 1)));
  const level = manifest && /<requestedExecutionLevel[^>]*\blevel="([^"]*)"/.exec(manifest)?.[1];
  if (manifest && level !== APP_EXECUTION_LEVEL) problems.push(`${name}'s manifest asks for ${level ?? 'no execution level'}; the app must run ${APP_EXECUTION_LEVEL} (only the installer elevates)`);

  let integrity = null;
  if (fuses.enableEmbeddedAsarIntegrityValidation) {
    // wrestool prints nothing (and exits 0) when no resource matches.
    const json = String(read('the asar integrity resource', () => extractResource(exe, 'INTEGRITY', 'ELECTRONASAR')) ?? '');
    if (!json) problems.push(`${name} has no INTEGRITY/ELECTRONASAR resource, yet its asar integrity fuse is on: Electron would refuse to start`);
    else integrity = read('the asar integrity resource', () => JSON.parse(json));
    const entry = integrity?.find?.((e) => e.file === 'resources\\app.asar');
    const expected = integrity && asarHeaderSha256(archive, problems);
    if (integrity && expected && (entry?.alg !== 'SHA256' || entry?.value !== expected)) {
      problems.push(`${name}'s asar integrity for resources\\app.asar is ${JSON.stringify(entry)}, not SHA256 ${expected}`);
    }
  }

  const nsis = readFileSync(join(root, 'assets', 'installer.nsh'), 'utf8');
  for (const ico of new Set(nsis.match(/doc-[a-z0-9]+\.ico/g) ?? [])) {
    const packed = join(resourcesDir, 'icons', ico);
    if (!existsSync(packed)) problems.push(`resources/icons/${ico} is missing: installer.nsh registers it as a document icon`);
    else if (!readFileSync(packed).equals(readFileSync(join(root, 'assets', ico)))) problems.push(`resources/icons/${ico} differs from assets/${ico}`);
  }
  return { problems, versionStrings, iconSizes, asarIntegrity: integrity };
}

/** The JSON header of an asar: a Pickle of (size) then a Pickle of (string), as Electron hashes it. */
function asarHeader(archive) {
  const bytes = readFileSync(archive);
  const headerPickleSize = bytes.readUInt32LE(4);
  const headerPickle = bytes.subarray(8, 8 + headerPickleSize);
  const length = headerPickle.readUInt32LE(4);
  return headerPickle.subarray(8, 8 + length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const platform = process.argv.includes('--mac') ? 'mac' : process.argv.includes('--win') ? 'win' : 'linux';
  packSmoke({ platform, quiet: false }).then(({ problems, asar, fuses, windows, ms }) => {
    if (problems.length) {
      console.error(`pack smoke: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
    } else {
      const on = Object.entries(fuses).filter(([, v]) => v).map(([k]) => k);
      console.log(`pack smoke (${platform}): OK in ${ms} ms; app.asar holds ${asar.filter((p) => /\.[a-z]+$/.test(p)).length} files; fuses on: ${on.join(', ')}`);
      if (windows) console.log(`  ${windows.files.find((f) => f.endsWith('.exe'))}: ${windows.versionStrings?.ProductName} ${windows.versionStrings?.FileVersion} by ${windows.versionStrings?.CompanyName}, icon ${windows.iconSizes.join('/')} px, asar integrity ${windows.asarIntegrity?.[0]?.value}`);
    }
  }, (e) => {
    console.error(`pack smoke: electron-builder failed: ${e.message}`);
    process.exitCode = 1;
  });
}

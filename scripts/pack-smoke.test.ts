/**
 * electron-builder really packs the app from electron-builder.yml (Linux, macOS and Windows --dir, stub Electron dist,
 * offline), and the packed output is read back with @electron/asar and @electron/fuses: only the built app, every fuse
 * as set; macOS's Info.plist, and Windows' exe resources with icoutils' wrestool.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import http from 'node:http';
import { REQUIRED_FUSES } from './check-builder-config.mjs';
import { forbiddenReason, packSmoke, refuseNetwork } from './pack-smoke.mjs';

/** What every pack's asar must hold: the built app and package.json, nothing else (the stub dist's file names). */
const PACKED_FILES = ['/dist/app/main.js', '/dist/app/preload.js', '/dist/renderer/assets/index-abc.css', '/dist/renderer/assets/index-abc.js', '/dist/renderer/index.html', '/package.json'];

/**
 * Every fuse after packing: the six Certbench requires, file-protocol privileges that electron-builder.yml also turns
 * off, and the V8 snapshot fuse left as Electron ships it. The stub binary starts each configured fuse opposite to
 * its setting, so those were written by electron-builder.
 */
const PACKED_FUSES = { ...REQUIRED_FUSES, loadBrowserProcessSpecificV8Snapshot: false, grantFileProtocolExtraPrivileges: false };

test('the packed app holds only package.json, dist/app and dist/renderer, with every fuse set, offline and quickly', async () => {
  const { problems, asar, fuses, ms, downloads } = await packSmoke();
  assert.deepEqual(problems, []);
  assert.deepEqual(downloads, []);
  assert.deepEqual(asar.filter((p) => /\.[a-z]+$/.test(p)).sort(), PACKED_FILES);
  // The stub binary starts from Electron's defaults: these were flipped by electron-builder, not left as found.
  assert.deepEqual(fuses, PACKED_FUSES);
  assert.ok(ms < 60_000, `packing took ${ms} ms`);
});

test('a config that packs e2e code, the CLI bundle and maps, or leaves a fuse open, fails the smoke test', async () => {
  const { problems } = await packSmoke({
    change: (c) => {
      // node_modules stays excluded: without that pattern electron-builder packs every production dependency
      // (MUI's icons alone are thousands of files) and this test takes minutes.
      c.files = ['package.json', 'dist/**', 'e2e/**', '!**/node_modules/**'];
      c.electronFuses.runAsNode = true;
      delete c.electronFuses.enableNodeCliInspectArguments; // left as Electron ships it: on
    },
  });
  for (const expected of [
    'app.asar holds /dist/main/cli.js: outside package.json, dist/app and dist/renderer',
    'app.asar holds /dist/app/main.js.map: a source map',
    'app.asar holds /dist/e2e/inspect.spec.js: a test',
    'app.asar holds /e2e/harness.ts: a TypeScript source',
    'app.asar holds /dist/renderer/fixtures/a.pem: test or e2e code',
  ]) {
    assert.ok(problems.includes(expected), `${expected}\n${problems.join('\n')}`);
  }
  assert.deepEqual(problems.filter((p) => p.startsWith('fuse ')), [
    'fuse runAsNode is on in the packed binary; it must be off',
    'fuse enableNodeCliInspectArguments is on in the packed binary; it must be off',
  ]);
});

test('the macOS .app: same asar and fuses, every document type at rank Alternate with its icon, asar integrity that OpenSSL agrees with', async () => {
  const { problems, asar, fuses, infoPlist } = await packSmoke({ platform: 'mac' });
  assert.deepEqual(problems, []);
  assert.deepEqual(asar.filter((p) => /\.[a-z]+$/.test(p)).sort(), PACKED_FILES);
  assert.deepEqual(fuses, PACKED_FUSES);
  const types = infoPlist.CFBundleDocumentTypes as { CFBundleTypeExtensions: string[]; CFBundleTypeIconFile: string; CFBundleTypeRole: string }[];
  assert.deepEqual(types.map((t) => t.CFBundleTypeIconFile).sort(), ['doc-cert.icns', 'doc-crl.icns', 'doc-csr.icns', 'doc-jks.icns', 'doc-key.icns', 'doc-p7b.icns', 'doc-pfx.icns']);
  assert.deepEqual(types.find((t) => t.CFBundleTypeExtensions.includes('jceks'))?.CFBundleTypeRole, 'Editor');
  assert.match(infoPlist.ElectronAsarIntegrity['Resources/app.asar'].hash, /^[0-9a-f]{64}$/);
  assert.equal(infoPlist.CFBundleIconFile, 'icon.icns');
});

test('a macOS association that would take the default is caught in the packed Info.plist', async () => {
  const { problems } = await packSmoke({
    platform: 'mac',
    change: (c) => {
      c.mac.fileAssociations = structuredClone(c.mac.fileAssociations);
      c.mac.fileAssociations[0].rank = 'Default';
      c.mac.fileAssociations = c.mac.fileAssociations.filter((a: { ext: unknown }) => a.ext !== 'crl');
    },
  });
  assert.deepEqual(problems, ['Info.plist offers no document type for .crl', 'Info.plist document type X.509 Certificate has LSHandlerRank Default, not Alternate']);
});

test('the Windows app: Certbench.exe with every fuse set, its own version strings, icon and asar integrity (read with wrestool), offline and quickly', async () => {
  const { problems, asar, fuses, windows, ms, downloads } = await packSmoke({ platform: 'win' });
  assert.deepEqual(problems, []);
  assert.deepEqual(downloads, []);
  assert.deepEqual(asar.filter((p) => /\.[a-z]+$/.test(p)).sort(), PACKED_FILES);
  // The stub exe starts with Electron's fuse defaults, version strings and icon: all of these were written by electron-builder.
  assert.deepEqual(fuses, PACKED_FUSES);
  assert.ok(windows);
  assert.deepEqual(windows.versionStrings, {
    CompanyName: 'Certbench',
    FileDescription: 'Certbench',
    FileVersion: '0.1.0',
    InternalName: 'Certbench',
    LegalCopyright: 'Copyright © Certbench',
    OriginalFilename: '',
    ProductName: 'Certbench',
    ProductVersion: '0.1.0.0',
  });
  assert.deepEqual(windows.iconSizes, [16, 24, 32, 48, 64, 128, 256]);
  // What Electron checks at start when the asar integrity fuse is on; the smoke test compared it with OpenSSL's digest of the header.
  assert.equal(windows.asarIntegrity?.length, 1);
  assert.equal(windows.asarIntegrity[0].file, 'resources\\app.asar');
  assert.equal(windows.asarIntegrity[0].alg, 'SHA256');
  assert.match(windows.asarIntegrity[0].value, /^[0-9a-f]{64}$/);
  assert.ok(windows.files.includes('Certbench.exe') && !windows.files.includes('electron.exe'), windows.files.join(', '));
  assert.ok(ms < 60_000, `packing took ${ms} ms`);
});

test('a Windows exe left as Electron shipped it, without asar integrity or the document icons, fails the smoke test', async () => {
  const { problems } = await packSmoke({
    platform: 'win',
    change: (c) => {
      c.win.signAndEditExecutable = false; // electron-builder leaves the exe's resources alone
      c.disableAsarIntegrity = true; // while the fuse that checks it stays on
      delete c.win.extraResources;
    },
  });
  assert.deepEqual(problems, [
    'Certbench.exe ProductName is "Electron", not "Certbench"',
    'Certbench.exe FileDescription is "Electron", not "Certbench"',
    'Certbench.exe InternalName is "electron_exe", not "Certbench"',
    'Certbench.exe LegalCopyright is "Copyright (C) 2015 GitHub, Inc. All rights reserved.", not "Copyright © Certbench"',
    'Certbench.exe FileVersion is "45.4.1.0", not "0.1.0"',
    'Certbench.exe CompanyName is "GitHub, Inc.", not the package author "Certbench"',
    'Certbench.exe file version is 45.4.1.0, not 0.1.0.0',
    "Certbench.exe's icon is not assets/icon.ico: it holds 32 px images (1 unlike the app icon's), the app icon 16, 24, 32, 48, 64, 128, 256 px",
    'Certbench.exe has no INTEGRITY/ELECTRONASAR resource, yet its asar integrity fuse is on: Electron would refuse to start',
    ...['cert', 'p7b', 'pfx', 'jks', 'key', 'csr', 'crl'].map((k) => `resources/icons/doc-${k}.ico is missing: installer.nsh registers it as a document icon`),
  ]);
});

test('a Windows app that asks for elevation itself, or wears another icon, is caught in the packed exe', async () => {
  const { problems } = await packSmoke({
    platform: 'win',
    change: (c) => {
      c.win.requestedExecutionLevel = 'requireAdministrator';
      c.win.icon = 'doc-cert.ico';
    },
  });
  assert.deepEqual(problems, [
    "Certbench.exe's icon is not assets/icon.ico: it holds 16, 24, 32, 48, 64, 128, 256 px images (7 unlike the app icon's), the app icon 16, 24, 32, 48, 64, 128, 256 px",
    "Certbench.exe's manifest asks for requireAdministrator; the app must run asInvoker (only the installer elevates)",
  ]);
});

test('what may be packed: the built app and package.json, nothing else', () => {
  for (const ok of ['/package.json', '/dist/app/main.js', '/dist/renderer/assets/index-abc.js', '/dist/renderer']) assert.equal(forbiddenReason(ok), null, ok);
  assert.equal(forbiddenReason('/app/main.ts'), 'a TypeScript source');
  assert.equal(forbiddenReason('/dist/renderer/App.tsx'), 'a TypeScript source');
  assert.equal(forbiddenReason('/dist/app/main.js.map'), 'a source map');
  assert.equal(forbiddenReason('/dist/app/vault.test.js'), 'a test');
  assert.equal(forbiddenReason('/dist/renderer/test/x.js'), 'test or e2e code');
  assert.equal(forbiddenReason('/dist/app/node_modules/zod/index.js'), 'node_modules (everything is bundled)');
  assert.equal(forbiddenReason('/dist/main/cli.js'), 'outside package.json, dist/app and dist/renderer');
  assert.equal(forbiddenReason('/README.md'), 'outside package.json, dist/app and dist/renderer');
});

test('while packing, a download cannot even look up its host', async () => {
  const network = refuseNetwork();
  try {
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => http.get('http://localhost:1/electron.zip', () => resolve(new Error('connected'))).on('error', resolve));
    assert.equal(error.code, 'ENOTFOUND');
    assert.match(error.message, /pack smoke is offline: refused to look up localhost/);
    assert.deepEqual(network.attempts, ['localhost']);
  } finally {
    network.restore();
  }
});

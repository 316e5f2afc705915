/** electron-builder.yml passes its schema and Certbench's packaging rules; each rule catches a broken config. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { checkBuilderConfig, checkEntitlements, checkInstallerNsh, DOCUMENT_EXTENSIONS, loadBuilderConfig } from './check-builder-config.mjs';

const mutate = (change: (c: any) => void) => {
  const config = loadBuilderConfig();
  change(config);
  return checkBuilderConfig({ config });
};

test('electron-builder.yml has no problems', async () => {
  assert.deepEqual(await checkBuilderConfig(), []);
});

test('the real config associates every document type on macOS and Linux, as an alternative handler', () => {
  const config = loadBuilderConfig();
  for (const platform of ['mac', 'linux']) {
    const assoc = config[platform].fileAssociations as { ext: string | string[]; rank: string; role: string }[];
    assert.deepEqual(assoc.flatMap((a) => a.ext).sort(), [...DOCUMENT_EXTENSIONS].sort());
    assert.ok(assoc.every((a) => a.rank === 'Alternate' && ['Viewer', 'Editor'].includes(a.role)), platform);
  }
  assert.equal(config.fileAssociations, undefined);
  assert.equal(config.win.fileAssociations, undefined);
});

test('a fuse left open is reported', async () => {
  const problems = await mutate((c) => (c.electronFuses.runAsNode = true));
  assert.ok(problems.some((p) => p.includes('electronFuses.runAsNode')), problems.join('\n'));
});

test('a missing fuse is reported', async () => {
  const problems = await mutate((c) => delete c.electronFuses.onlyLoadAppFromAsar);
  assert.ok(problems.some((p) => p.includes('electronFuses.onlyLoadAppFromAsar')), problems.join('\n'));
});

test('packaging e2e, tests or fixtures is reported', async () => {
  const problems = await mutate((c) => c.files.push('e2e/**', 'test/**', 'dist/**'));
  for (const p of ['e2e/web.ts', 'test/fixtures/server.pem', 'dist/e2e/web.js', 'dist/main/cli.js']) {
    assert.ok(problems.includes(`files must not include ${p}`), `${p}: ${problems.join('\n')}`);
  }
});

test('dropping the renderer from files is reported', async () => {
  const problems = await mutate((c) => (c.files = c.files.filter((p: string) => p !== 'dist/renderer/**')));
  assert.ok(problems.includes('files must include dist/renderer/index.html'), problems.join('\n'));
});

test('a missing association, a wrong role or rank, or a missing document icon is reported', async () => {
  const problems = await mutate((c) => {
    c.linux.fileAssociations = c.linux.fileAssociations.filter((a: { ext: unknown }) => a.ext !== 'csr');
    c.mac.fileAssociations = structuredClone(c.mac.fileAssociations);
    c.mac.fileAssociations[0].role = 'Shell';
    c.mac.fileAssociations[1].rank = 'Default';
    c.mac.fileAssociations[2].icon = 'doc-nothing';
  });
  assert.ok(problems.includes('linux.fileAssociations must cover .csr'), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('mac.fileAssociations for pem') && p.includes('role Viewer or Editor')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('mac.fileAssociations for p7b') && p.includes('rank Alternate')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('doc-nothing.icns not found')), problems.join('\n'));
});

test('associations that electron-builder would register on Windows (taking the default) are reported', async () => {
  const problems = await mutate((c) => {
    c.fileAssociations = c.mac.fileAssociations;
    c.win.fileAssociations = c.mac.fileAssociations;
  });
  assert.ok(problems.some((p) => p.startsWith('fileAssociations must not be top-level')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('win.fileAssociations must not be set')), problems.join('\n'));
});

test('the Windows installer script only adds Certbench to "Open with", for every type, and removes it again', () => {
  const nsh = readFileSync(new URL('../assets/installer.nsh', import.meta.url), 'utf8');
  assert.deepEqual(checkInstallerNsh(nsh), []);
  const stealing = nsh.replace('!macro customInstall\n', '!macro customInstall\n  WriteRegStr SHELL_CONTEXT "Software\\Classes\\.cer" "" "Certbench.Certificate"\n');
  assert.ok(checkInstallerNsh(stealing).some((p) => p.startsWith('makes Certbench the default')), checkInstallerNsh(stealing).join('\n'));
  const noCrl = nsh.replace(/^.*certbenchOpenWith crl .*$/m, '').replace(/^.*certbenchNoLongerOpens jks .*$/m, '');
  assert.deepEqual(checkInstallerNsh(noCrl), ["the uninstaller leaves .jks's \"Open with\" entry behind", 'does not add Certbench to "Open with" for .crl']);
});

test('entitlements beyond V8\'s JIT are reported', () => {
  const plist = readFileSync(new URL('../assets/entitlements.mac.plist', import.meta.url), 'utf8');
  assert.deepEqual(checkEntitlements(plist), []);
  const more = plist.replace('</dict>', '  <key>com.apple.security.cs.disable-library-validation</key>\n  <true/>\n</dict>');
  assert.deepEqual(checkEntitlements(more), ['grants com.apple.security.cs.disable-library-validation, which Certbench does not need']);
  assert.ok(checkEntitlements('<plist><dict></dict></plist>').some((p) => p.includes('allow-jit')));
});

test('unknown keys fail electron-builder’s own schema', async () => {
  const problems = await mutate((c) => (c.includeSubNodeModules = false));
  assert.ok(problems.some((p) => p.startsWith('electron-builder schema:')), problems.join('\n'));
});

test('targets, installer mode, hardened runtime and pinned electron version are checked', async () => {
  const problems = await mutate((c) => {
    c.win.target = ['nsis'];
    c.nsis.perMachine = false;
    c.nsis.oneClick = true;
    c.mac.hardenedRuntime = false;
    delete c.mac.entitlements;
    c.linux.target = 'deb';
    delete c.linux.maintainer;
    c.electronVersion = '44.0.0';
  });
  for (const m of [
    'win.target must include portable',
    'nsis.perMachine must be true (installed for every user)',
    'nsis.oneClick must be false (the assisted installer that asks for elevation)',
    'mac.hardenedRuntime must be true',
    'mac.entitlements must be set (hardened runtime)',
    'linux.target must include AppImage',
    'linux.maintainer must be "Name <email>" (the deb control file needs it)',
  ]) {
    assert.ok(problems.includes(m), `${m}: ${problems.join('\n')}`);
  }
  assert.ok(problems.some((p) => p.startsWith('electronVersion 44.0.0 differs')), problems.join('\n'));
});

test('icons: each platform’s container must be there with the sizes it wants', async () => {
  const problems = await mutate((c) => {
    c.win.icon = 'icon.png';
    c.mac.icon = 'doc-cert.ico';
    c.nsis.installerIcon = 'missing.ico';
  });
  assert.ok(problems.includes('win.icon must be a .ico (is icon.png)'), problems.join('\n'));
  assert.ok(problems.includes('mac.icon must be a .icns (is doc-cert.ico)'), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('nsis.installerIcon:') && p.endsWith('missing.ico is missing')), problems.join('\n'));
});

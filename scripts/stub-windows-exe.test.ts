/**
 * The Windows pack smoke test's stub electron.exe, checked with tools that did not write it: file and binutils'
 * objdump read it as a PE32+ GUI x64 image with the fuse wire inside .rdata, and icoutils' wrestool finds Electron's
 * version strings, its icon and an asInvoker manifest, as electron-builder expects of a real electron.exe.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIco } from './icon-containers.mjs';
import { STUB_ICON, stubWindowsExe } from './stub-windows-exe.mjs';
import { extractResource, parseVersionInfo } from './win-resources.mjs';

const MARK = Buffer.from('fuse wire stands here', 'latin1');

function withStub(run: (exe: string, bytes: Buffer) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'certbench-stub-exe-'));
  try {
    const bytes = stubWindowsExe({ rdata: Buffer.concat([Buffer.alloc(100), MARK, Buffer.alloc(100)]), version: '45.4.1' });
    const exe = join(dir, 'electron.exe');
    writeFileSync(exe, bytes);
    run(exe, bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tool = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

test('file and objdump read the stub as a PE32+ GUI x64 image whose .rdata holds the given bytes', () => {
  withStub((exe, bytes) => {
    assert.match(tool('file', ['-b', exe]), /^PE32\+ executable \(GUI\) x86-64, for MS Windows/);
    const headers = tool('objdump', ['-h', exe]);
    assert.match(headers, /file format pei-x86-64/);
    const sections = Object.fromEntries(
      [...headers.matchAll(/^\s*\d+\s+(\.\w+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/gm)].map((m) => [m[1], { size: parseInt(m[2], 16), offset: parseInt(m[3], 16) }]),
    );
    assert.deepEqual(Object.keys(sections), ['.text', '.rdata', '.rsrc']);
    const at = bytes.indexOf(MARK);
    assert.ok(at >= sections['.rdata'].offset && at + MARK.length <= sections['.rdata'].offset + sections['.rdata'].size, `mark at ${at}, .rdata ${JSON.stringify(sections['.rdata'])}`);
  });
});

test('wrestool finds what electron-builder edits in electron.exe: Electron version strings in one language, its icon, an asInvoker manifest', () => {
  withStub((exe) => {
    const info = parseVersionInfo(extractResource(exe, 16, 1));
    assert.equal(info.fileVersion, '45.4.1.0');
    assert.deepEqual(Object.keys(info.tables), ['040904b0']);
    assert.equal(info.tables['040904b0'].ProductName, 'Electron');
    assert.equal(info.tables['040904b0'].OriginalFilename, 'electron.exe');
    const icon = readIco(extractResource(exe, 14, 1, { raw: false }));
    assert.deepEqual(icon.map((i) => i.width), [32]);
    assert.ok(icon[0].png.equals(STUB_ICON));
    assert.match(String(extractResource(exe, 24, 1)), /<requestedExecutionLevel level="asInvoker"/);
    assert.equal(String(extractResource(exe, 'INTEGRITY', 'ELECTRONASAR')), '', 'no asar integrity until electron-builder adds it');
  });
});

test('a malformed version resource is refused, not looped over', () => {
  const node = (length: number, key: string, size = length) => {
    const b = Buffer.alloc(size);
    b.writeUInt16LE(length, 0);
    b.write(`${key}\0`, 6, 'utf16le');
    return b;
  };
  assert.throws(() => parseVersionInfo(node(32, 'NOT_VERSION')), /not a version resource: NOT_VERSION/);
  // 8 zero bytes after the key read as a child of length 0: before the bounds check this never ended.
  assert.throws(() => parseVersionInfo(node(64, 'VS_VERSION_INFO')), /node at 40 has length 0/);
  assert.throws(() => parseVersionInfo(node(400, 'VS_VERSION_INFO', 64)), /node at 0 has length 400, outside 6..64/);
  assert.throws(() => parseVersionInfo(node(38, 'VS_VERSION_INFO')), /VS_FIXEDFILEINFO signature missing/);
  assert.throws(() => parseVersionInfo(Buffer.alloc(0)), /node at 0 is cut short/);
});

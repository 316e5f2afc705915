// A stub electron.exe for the Windows pack smoke test: a real, minimal PE32+ (x64, GUI) image that electron-builder
// can edit as it edits Electron's. electron-builder 26 edits the exe in plain JS with `resedit`
// (app-builder-lib/out/electron/electronWin.js addWinAsarIntegrity, out/util/resEdit.js editWindowsResources), so
// the stub must be a PE that resedit parses, and it must hold what those two functions require of Electron's:
//  - exactly one VS_VERSIONINFO with exactly one string-table language (addWinAsarIntegrity throws otherwise);
//  - icon group 1 (editWindowsResources replaces its icons with win.icon);
//  - an RT_MANIFEST 1 with a requestedExecutionLevel (patched only when win.requestedExecutionLevel is set);
//  - the fuse wire in .rdata, where the linker puts it in Electron's exe (@electron/fuses finds it by its sentinel).
// The resources start as Electron ships them (ProductName "Electron", Electron's version, its own icon), so
// reading Certbench's values back proves electron-builder wrote them.
import { createRequire } from 'node:module';

const FILE_ALIGNMENT = 0x200;
const SECTION_ALIGNMENT = 0x1000;
const HEADERS_SIZE = 0x400;
const IMAGE_BASE = 0x1_4000_0000n;
const LANG_EN_US = 1033;
const CODEPAGE_UTF16 = 1200;

const alignTo = (n, a) => Math.ceil(n / a) * a;

/** The 32x32 icon the stub starts with: a PNG entry, as Electron's icon group holds PNGs at 256 px. */
const STUB_ICON_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAL0lEQVR42u3OIQEAAAgDMNpRjBSUhRg3E/Ornr2kEhAQEBAQEBAQEBAQEBAQSAceGJeQiHUP9XMAAAAASUVORK5CYII=',
  'base64',
);

const MANIFEST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"></requestedExecutionLevel>
      </requestedPrivileges>
    </security>
  </trustInfo>
</assembly>
`;

/** DOS header, PE signature, COFF header, PE32+ optional header and the section table for .text and .rdata. */
function imageWithoutResources(rdata) {
  const text = Buffer.from([0x31, 0xc0, 0xc3]); // xor eax, eax; ret
  const sections = [
    { name: '.text', data: text, characteristics: 0x6000_0020 }, // code, execute, read
    { name: '.rdata', data: rdata, characteristics: 0x4000_0040 }, // initialized data, read
  ];
  let raw = HEADERS_SIZE;
  let virtual = SECTION_ALIGNMENT;
  for (const s of sections) {
    Object.assign(s, { rawAddress: raw, rawSize: alignTo(s.data.length, FILE_ALIGNMENT), virtualAddress: virtual });
    raw += s.rawSize;
    virtual += alignTo(s.data.length, SECTION_ALIGNMENT);
  }
  const image = Buffer.alloc(raw);
  image.write('MZ', 0, 'latin1');
  image.writeUInt32LE(0x40, 0x3c); // e_lfanew
  image.write('PE\0\0', 0x40, 'latin1');
  const coff = 0x44;
  image.writeUInt16LE(0x8664, coff); // AMD64
  image.writeUInt16LE(sections.length, coff + 2);
  image.writeUInt16LE(240, coff + 16); // SizeOfOptionalHeader (PE32+ with 16 data directories)
  image.writeUInt16LE(0x0022, coff + 18); // EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE
  const opt = coff + 20;
  image.writeUInt16LE(0x20b, opt); // PE32+
  image.writeUInt8(14, opt + 2); // linker 14.0
  image.writeUInt32LE(sections[0].rawSize, opt + 4); // SizeOfCode
  image.writeUInt32LE(sections[1].rawSize, opt + 8); // SizeOfInitializedData
  image.writeUInt32LE(sections[0].virtualAddress, opt + 16); // AddressOfEntryPoint
  image.writeUInt32LE(sections[0].virtualAddress, opt + 20); // BaseOfCode
  image.writeBigUInt64LE(IMAGE_BASE, opt + 24);
  image.writeUInt32LE(SECTION_ALIGNMENT, opt + 32);
  image.writeUInt32LE(FILE_ALIGNMENT, opt + 36);
  image.writeUInt16LE(10, opt + 40); // OS 10.0
  image.writeUInt16LE(10, opt + 48); // subsystem 10.0
  image.writeUInt32LE(virtual, opt + 56); // SizeOfImage
  image.writeUInt32LE(HEADERS_SIZE, opt + 60);
  image.writeUInt16LE(2, opt + 68); // IMAGE_SUBSYSTEM_WINDOWS_GUI
  image.writeUInt16LE(0x8160, opt + 70); // HIGH_ENTROPY_VA | DYNAMIC_BASE | NX_COMPAT | TERMINAL_SERVER_AWARE
  image.writeBigUInt64LE(0x10_0000n, opt + 72); // stack reserve
  image.writeBigUInt64LE(0x1000n, opt + 80); // stack commit
  image.writeBigUInt64LE(0x10_0000n, opt + 88); // heap reserve
  image.writeBigUInt64LE(0x1000n, opt + 96); // heap commit
  image.writeUInt32LE(16, opt + 108); // NumberOfRvaAndSizes
  let header = opt + 240;
  for (const s of sections) {
    image.write(s.name, header, 'latin1');
    image.writeUInt32LE(s.data.length, header + 8); // VirtualSize
    image.writeUInt32LE(s.virtualAddress, header + 12);
    image.writeUInt32LE(s.rawSize, header + 16);
    image.writeUInt32LE(s.rawAddress, header + 20);
    image.writeUInt32LE(s.characteristics, header + 36);
    s.data.copy(image, s.rawAddress);
    header += 40;
  }
  return image;
}

/** The ICO file holding STUB_ICON_PNG: one 32x32 entry. */
function stubIco() {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(32, 0);
  entry.writeUInt8(32, 1);
  entry.writeUInt16LE(1, 4); // planes
  entry.writeUInt16LE(32, 6); // bit count
  entry.writeUInt32LE(STUB_ICON_PNG.length, 8);
  entry.writeUInt32LE(6 + 16, 12);
  return Buffer.concat([Buffer.from([0, 0, 1, 0, 1, 0]), entry, STUB_ICON_PNG]);
}

/**
 * electron.exe as Electron `version` ships it, with `rdata` (the fuse wire among padding) in .rdata.
 * `require` resolves resedit from the project packing (the copy electron-builder itself uses).
 */
export function stubWindowsExe({ rdata, version, require = createRequire(import.meta.url) }) {
  const { NtExecutable, NtExecutableResource, Resource, Data } = require('resedit');
  const exe = NtExecutable.from(imageWithoutResources(rdata));
  const res = NtExecutableResource.from(exe);
  const info = Resource.VersionInfo.createEmpty();
  info.lang = LANG_EN_US;
  const lang = { lang: LANG_EN_US, codepage: CODEPAGE_UTF16 };
  info.setStringValues(lang, {
    CompanyName: 'GitHub, Inc.',
    FileDescription: 'Electron',
    FileVersion: version,
    InternalName: 'electron_exe',
    LegalCopyright: 'Copyright (C) 2015 GitHub, Inc. All rights reserved.',
    OriginalFilename: 'electron.exe',
    ProductName: 'Electron',
    ProductVersion: version,
  });
  info.setFileVersion(version);
  info.setProductVersion(version);
  info.outputToResourceEntries(res.entries);
  Resource.IconGroupEntry.replaceIconsForResource(res.entries, 1, LANG_EN_US, Data.IconFile.from(stubIco()).icons.map((i) => i.data));
  const manifest = Buffer.from(MANIFEST, 'utf8');
  res.entries.push({ type: 24, id: 1, lang: LANG_EN_US, codepage: 0, bin: manifest.buffer.slice(manifest.byteOffset, manifest.byteOffset + manifest.length) });
  res.outputResource(exe);
  return Buffer.from(exe.generate());
}

/** The stub's own icon, so a test can tell it apart from the one electron-builder put in. */
export const STUB_ICON = STUB_ICON_PNG;

// Reads a Windows executable's resources with icoutils' wrestool (a peer: not resedit, which wrote them), and
// decodes the VS_VERSIONINFO tree it extracts. Used by the Windows pack smoke test.
import { spawnSync } from 'node:child_process';

/** Runs wrestool; its stdout as bytes, or throws with what it said. */
function wrestool(args) {
  const run = spawnSync('wrestool', args, { maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`wrestool (icoutils) is needed to read the packed exe: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`wrestool ${args.join(' ')} failed: ${String(run.stderr).trim()}`);
  return run.stdout;
}

/**
 * A resource's bytes. Numeric ids as numbers, string ids (INTEGRITY, ELECTRONASAR) as strings. `raw: false`
 * makes wrestool rebuild an .ico file from an icon group.
 */
export function extractResource(exe, type, name, { raw = true } = {}) {
  const id = (v) => (typeof v === 'number' ? `-${v}` : `+${v}`);
  return wrestool(['-x', ...(raw ? ['-R'] : []), `--type=${id(type)}`, `--name=${id(name)}`, exe]);
}

/**
 * VS_VERSIONINFO: the fixed file and product versions and the string table of each language. Every node is
 * { wLength, wValueLength, wType, szKey (UTF-16, NUL), padding to 4, value, padding to 4, children }.
 */
export function parseVersionInfo(bytes) {
  const align = (n) => (n + 3) & ~3;
  const node = (at, limit) => {
    if (at + 6 > limit) throw new Error(`version resource node at ${at} is cut short`);
    const length = bytes.readUInt16LE(at);
    // Each node must hold its own header and fit in its parent: a zero length would loop forever.
    if (length < 6 || at + length > limit) throw new Error(`version resource node at ${at} has length ${length}, outside 6..${limit - at}`);
    const valueLength = bytes.readUInt16LE(at + 2);
    const isText = bytes.readUInt16LE(at + 4) === 1;
    let end = at + 6;
    while (end + 2 <= at + length && bytes.readUInt16LE(end) !== 0) end += 2;
    if (end + 2 > at + length) throw new Error(`version resource node at ${at} has an unterminated key`);
    const key = bytes.subarray(at + 6, end).toString('utf16le');
    const valueAt = align(end + 2);
    const valueBytes = isText ? valueLength * 2 : valueLength;
    const value = bytes.subarray(valueAt, valueAt + valueBytes);
    const children = [];
    for (let child = align(valueAt + valueBytes); child < at + length; ) {
      const c = node(child, at + length);
      children.push(c);
      child = align(child + c.length);
    }
    return { key, value, isText, length, children };
  };
  const root = node(0, bytes.length);
  if (root.key !== 'VS_VERSION_INFO') throw new Error(`not a version resource: ${root.key}`);
  const fixed = root.value;
  if (fixed.length < 52 || fixed.readUInt32LE(0) !== 0xfeef04bd) throw new Error('VS_FIXEDFILEINFO signature missing');
  const version = (hi, lo) => [fixed.readUInt32LE(hi) >>> 16, fixed.readUInt32LE(hi) & 0xffff, fixed.readUInt32LE(lo) >>> 16, fixed.readUInt32LE(lo) & 0xffff].join('.');
  /** @type {Record<string, Record<string, string>>} language-codepage (e.g. 040904b0) to its strings */
  const tables = {};
  for (const table of root.children.find((c) => c.key === 'StringFileInfo')?.children ?? []) {
    tables[table.key] = Object.fromEntries(table.children.map((s) => [s.key, s.value.toString('utf16le').replace(/\0+$/, '')]));
  }
  return { fileVersion: version(8, 12), productVersion: version(16, 20), tables };
}

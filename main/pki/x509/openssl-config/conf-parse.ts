/**
 * OpenSSL's config syntax (NCONF, `man 5 config`), read the way crypto/conf/conf_def.c reads it: lines joined
 * on a trailing backslash, `#` comments outside quotes and escapes, `[ section ]`, `name = value` (and
 * `section::name = value`), values with quotes, backslash escapes and `$var` / `${var}` / `$(var)` /
 * `$section::var` expanded while the file is read (so a variable must be defined above its use), `.pragma`,
 * and `.include` refused (Certbench reads one file). A later `name` replaces an earlier one and moves to the
 * end of its section, as in OpenSSL.
 */
import { configError, MAX_CONFIG_BYTES, MAX_EXPANDED_TOTAL, MAX_VALUE_LENGTH } from './conf-errors';

/** One `name = value` as openssl keeps it, with the line it came from (for errors and warnings). */
export interface ConfEntry {
  name: string;
  value: string;
  line: number;
}

export interface ConfFile {
  /** Sections in first-seen order; 'default' holds what comes before the first `[section]`. */
  sections: Map<string, ConfEntry[]>;
  /** The same entries by section and name, so lookups stay cheap in a big file. */
  index: Map<string, Map<string, ConfEntry>>;
  /** Things openssl accepts silently but that are probably mistakes (an unterminated quote). */
  notes: string[];
}

const DEFAULT_SECTION = 'default';

const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_]$/.test(c);
const isAlnumPunct = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_!.%&*+,/;?@^~|-]$/.test(c);
const isQuote = (c: string | undefined) => c === '"' || c === "'" || c === '`';

/** The value of `name` in `section`, else in the default section, as NCONF_get_string looks it up. */
export function lookup(conf: Pick<ConfFile, 'index'>, section: string, name: string): ConfEntry | undefined {
  return conf.index.get(section)?.get(name) ?? conf.index.get(DEFAULT_SECTION)?.get(name);
}

interface LogicalLine {
  text: string;
  /** The physical line it ends on: openssl's line number in its errors. */
  line: number;
}

/** Physical lines joined where one ends in a single backslash (conf_def.c drops the backslash and the newline). */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const physical = text.split('\n');
  let buf = '';
  physical.forEach((raw, i) => {
    const line = raw.replace(/\r+$/, '');
    if (line.endsWith('\\') && !line.endsWith('\\\\')) {
      buf += line.slice(0, -1);
      return;
    }
    buf += line;
    out.push({ text: buf, line: i + 1 });
    buf = '';
  });
  if (buf) out.push({ text: buf, line: physical.length });
  return out;
}

/** Index just past the quote that closes the one at `i`, or the end of the line (openssl does not mind). */
function skipQuote(s: string, i: number): { end: number; closed: boolean } {
  const q = s[i];
  let p = i + 1;
  while (p < s.length && s[p] !== q) p += s[p] === '\\' && p + 1 < s.length ? 2 : 1;
  return p < s.length ? { end: p + 1, closed: true } : { end: p, closed: false };
}

/** The line without its comment (a `#` outside quotes and escapes), and whether a quote was left open. */
function stripComment(s: string): { text: string; openQuote: boolean } {
  let i = 0;
  let openQuote = false;
  while (i < s.length) {
    const c = s[i];
    if (c === '#') return { text: s.slice(0, i), openQuote };
    if (isQuote(c)) {
      const q = skipQuote(s, i);
      if (!q.closed) openQuote = true;
      i = q.end;
    } else if (c === '\\') i += 2;
    else i++;
  }
  return { text: s, openQuote };
}

function eatWs(s: string, i: number): number {
  while (i < s.length && isWs(s[i])) i++;
  return i;
}

function eatName(s: string, i: number, dollarId: boolean): number {
  for (;;) {
    if (s[i] === '\\') {
      i += i + 1 < s.length ? 2 : 1;
      continue;
    }
    if (!(isAlnumPunct(s[i]) || (dollarId && s[i] === '$'))) return i;
    i++;
  }
}

const trimEnd = (s: string) => s.replace(/[ \t\r\n]+$/, '');

class Reader {
  /** Entries in file order; a replaced one becomes null (removing it from the middle would make big files quadratic). */
  private readonly lists = new Map<string, (ConfEntry | null)[]>();
  private readonly positions = new Map<string, Map<string, number>>();
  readonly index = new Map<string, Map<string, ConfEntry>>();
  readonly notes: string[] = [];
  dollarId = false;
  expandedTotal = 0;

  constructor(readonly fileName: string) {
    this.section(DEFAULT_SECTION);
  }

  section(name: string): void {
    if (this.lists.has(name)) return;
    this.lists.set(name, []);
    this.positions.set(name, new Map());
    this.index.set(name, new Map());
  }

  sections(): Map<string, ConfEntry[]> {
    return new Map([...this.lists].map(([name, list]) => [name, list.filter((e): e is ConfEntry => e !== null)]));
  }

  /** conf_def.c str_copy: quotes, escapes and variables → the stored value. */
  copy(raw: string, section: string, line: number): string {
    let out = '';
    let i = 0;
    let expanded = false;
    while (i < raw.length) {
      const c = raw[i];
      if (isQuote(c)) {
        i++;
        while (i < raw.length && raw[i] !== c) {
          if (raw[i] === '\\') {
            i++;
            if (i >= raw.length) break;
          }
          out += raw[i++];
        }
        if (raw[i] === c) i++;
      } else if (c === '\\') {
        const n = raw[i + 1];
        i += 2;
        if (n === undefined) break;
        out += n === 'r' ? '\r' : n === 'n' ? '\n' : n === 'b' ? '\b' : n === 't' ? '\t' : n;
      } else if (c === '$' && (!this.dollarId || raw[i + 1] === '{' || raw[i + 1] === '(')) {
        const v = this.variable(raw, i, section, line);
        out += v.value;
        i = v.end;
        expanded = true;
      } else out += raw[i++];
      if (out.length > MAX_VALUE_LENGTH) throw this.tooLong(line, expanded);
    }
    this.expandedTotal += out.length;
    if (this.expandedTotal > MAX_EXPANDED_TOTAL) throw this.tooLong(line, true);
    return out;
  }

  /** openssl caps expanded values at 64 KiB too; Certbench also caps plain ones, and the whole file once expanded. */
  private tooLong(line: number, expanded: boolean) {
    const what = this.expandedTotal > MAX_EXPANDED_TOTAL ? `the values grow past ${MAX_EXPANDED_TOTAL / 1024 / 1024} MiB in all once their variables are filled in` : `a value is longer than ${MAX_VALUE_LENGTH / 1024} KiB${expanded ? ' once its variables are filled in' : ''}`;
    return configError(this.fileName, line, what, expanded ? 'variable expansion too long' : null, 'Shorten the value or the variables it uses; a req config needs nothing that long.');
  }

  private variable(raw: string, start: number, section: string, line: number): { value: string; end: number } {
    let s = start + 1;
    const close = raw[s] === '{' ? '}' : raw[s] === '(' ? ')' : null;
    if (close) s++;
    const nameChar = (ch: string | undefined) => isAlnum(ch) || (this.dollarId && ch === '$');
    let e = s;
    while (nameChar(raw[e])) e++;
    let where = section;
    let name = raw.slice(s, e);
    if (raw[e] === ':' && raw[e + 1] === ':') {
      where = name;
      const n = e + 2;
      e = n;
      while (nameChar(raw[e])) e++;
      name = raw.slice(n, e);
    }
    if (close) {
      if (raw[e] !== close) {
        throw configError(this.fileName, line, `"${raw.slice(start, e + 1)}" has no closing "${close}"`, 'no close brace', `Write \${name} or $(name), or escape a literal dollar sign as \\$.`);
      }
      e++;
    }
    const shown = raw.slice(start, e);
    if (where === 'ENV' && !this.index.get('ENV')?.has(name)) {
      throw configError(this.fileName, line, `${shown} reads the environment variable ${name}, and Certbench does not pass its own environment into a file`, null, `Write the value of ${name} into the file instead of ${shown}.`);
    }
    const found = lookup(this, where, name);
    if (!found) {
      const what = name ? `the variable ${shown}` : 'a "$" that starts no variable name';
      throw configError(this.fileName, line, `${what} has no value`, 'variable has no value', name ? `Define ${name} above line ${line} (in [ ${where} ] or at the top of the file), or escape a literal dollar sign as \\$.` : 'Escape a literal dollar sign as \\$.');
    }
    return { value: found.value, end: e };
  }

  add(section: string, entry: ConfEntry): void {
    this.section(section);
    const list = this.lists.get(section)!;
    const at = this.positions.get(section)!;
    const old = at.get(entry.name);
    if (old !== undefined) list[old] = null;
    at.set(entry.name, list.length);
    list.push(entry);
    this.index.get(section)!.set(entry.name, entry);
  }

  pragma(rest: string, line: number): void {
    let p = rest.trimStart();
    if (p.startsWith('=')) p = p.slice(1).trimStart();
    p = trimEnd(p);
    const colon = p.indexOf(':');
    if (colon <= 0 || colon === p.length - 1) {
      throw configError(this.fileName, line, `".pragma ${p}" is not of the form keyword:value`, 'invalid pragma', 'Write for example ".pragma dollarid:on", or remove the line.');
    }
    const keyword = trimEnd(p.slice(0, colon));
    const value = p.slice(colon + 1).trimStart();
    if (keyword !== 'dollarid') return; // abspath and includedir only matter for .include; openssl ignores unknown pragmas.
    if (value === 'on' || value === 'true') this.dollarId = true;
    else if (value === 'off' || value === 'false') this.dollarId = false;
    else throw configError(this.fileName, line, `".pragma dollarid:${value}" needs on, off, true or false`, 'invalid pragma value', 'Write ".pragma dollarid:on" or ".pragma dollarid:off".');
  }
}

/** Reads OpenSSL config text; INVALID_ARGUMENT naming the file, the line and what openssl would say. */
export function parseConf(text: string, fileName: string): ConfFile {
  if (text.length > MAX_CONFIG_BYTES) {
    throw configError(fileName, null, `the file is ${Math.ceil(text.length / 1024)} KiB; an openssl req config is a few KiB`, null, 'Open the config file itself, not a bundle or log that contains it.');
  }
  const r = new Reader(fileName);
  let section = DEFAULT_SECTION;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (const { text: logical, line } of logicalLines(body)) {
    const { text: s, openQuote } = stripComment(logical);
    const start = eatWs(s, 0);
    if (start >= s.length) continue;
    if (openQuote) r.notes.push(`Line ${line} has a quote that is never closed; openssl reads the value to the end of the line, and so does Certbench.`);
    if (s[start] === '[') {
      section = sectionName(r, s, start + 1, line);
      r.section(section);
      continue;
    }
    let nameEnd = eatName(s, start, r.dollarId);
    let target = section;
    let nameStart = start;
    if (s[nameEnd] === ':' && s[nameEnd + 1] === ':') {
      target = s.slice(start, nameEnd);
      nameStart = nameEnd + 2;
      nameEnd = eatName(s, nameStart, r.dollarId);
    }
    const name = s.slice(nameStart, nameEnd);
    const p = eatWs(s, nameEnd);
    if (name.startsWith('.pragma') && (p !== nameStart + 7 || s[p] === '=')) {
      r.pragma(s.slice(nameStart + 7), line);
      continue;
    }
    if (name.startsWith('.include') && (p !== nameStart + 8 || s[p] === '=')) {
      throw configError(fileName, line, `".include" pulls in another file, and Certbench reads only the one you opened`, null, 'Paste the settings the included file holds into this file (or open that file instead), then import it again.');
    }
    if (s[p] !== '=') {
      throw configError(fileName, line, `"${trimEnd(s.slice(start)).slice(0, 80)}" is not a [section] or a name = value line`, 'missing equal sign', 'Write name = value, or start the line with # to make it a comment.');
    }
    const raw = trimEnd(s.slice(eatWs(s, p + 1)));
    r.add(target, { name, value: r.copy(raw, target, line), line });
  }
  return { sections: r.sections(), index: r.index, notes: r.notes };
}

function sectionName(r: Reader, s: string, from: number, line: number): string {
  const start = eatWs(s, from);
  let ss = start;
  for (;;) {
    const end = eatName(s, ss, r.dollarId);
    const p = eatWs(s, end);
    if (s[p] === ']') return r.copy(s.slice(start, end), DEFAULT_SECTION, line);
    if (p < s.length && ss !== p) {
      ss = p;
      continue;
    }
    throw configError(r.fileName, line, `the section name "${trimEnd(s.slice(start)).slice(0, 60)}" has no closing "]"`, 'missing close square bracket', 'Write section names as [ name ], with letters, digits and _ . - only.');
  }
}

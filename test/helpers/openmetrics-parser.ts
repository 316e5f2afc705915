/**
 * A strict OpenMetrics 1.0 text parser for tests (the ABNF of the OpenMetrics specification, gauges and
 * unknowns only): every line must be a descriptor (# TYPE / # HELP / # UNIT), a sample or the final "# EOF";
 * families are contiguous, descriptors come before samples and once each, a UNIT is the name's suffix, sample
 * names equal their family's, label sets are unique, escapes are only \\ \" \n. Throws on anything else.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: string | null;
  help: string | null;
  unit: string | null;
  samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const NUMBER = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN)$/;

function unescape(text: string, allowQuote: boolean, where: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') throw new Error(`${where}: raw line feed`);
    if (c === '"' && !allowQuote) throw new Error(`${where}: unescaped double quote`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    if (next === '\\') out += '\\';
    else if (next === '"') out += '"';
    else if (next === 'n') out += '\n';
    else throw new Error(`${where}: bad escape \\${next ?? '(end)'}`);
  }
  return out;
}

/** Reads `{a="x",b="y"}` from text[start]; returns the labels and the index after "}". */
function readLabels(text: string, start: number, where: string): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start + 1;
  if (text[i] === '}') return { labels, end: i + 1 };
  for (;;) {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`${where}: label without =`);
    const name = text.slice(i, eq);
    if (!LABEL_NAME.test(name)) throw new Error(`${where}: bad label name "${name}"`);
    if (name in labels) throw new Error(`${where}: label ${name} twice`);
    if (text[eq + 1] !== '"') throw new Error(`${where}: label value not quoted`);
    let j = eq + 2;
    let raw = '';
    while (j < text.length && text[j] !== '"') {
      if (text[j] === '\\') {
        raw += text.slice(j, j + 2);
        j += 2;
      } else raw += text[j++];
    }
    if (j >= text.length) throw new Error(`${where}: unterminated label value`);
    labels[name] = unescape(raw, false, where);
    i = j + 1;
    if (text[i] === '}') return { labels, end: i + 1 };
    if (text[i] !== ',') throw new Error(`${where}: expected , or } after a label`);
    i++;
  }
}

export function parseOpenMetrics(text: string): Map<string, MetricFamily> {
  if (!text.endsWith('# EOF\n') && !text.endsWith('# EOF')) throw new Error('does not end with # EOF');
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.pop() !== '# EOF') throw new Error('# EOF is not the last line');
  const families = new Map<string, MetricFamily>();
  const seenKeys = new Map<string, Set<string>>();
  let current: MetricFamily | null = null;
  const family = (name: string, where: string): MetricFamily => {
    if (current?.name === name) return current;
    if (families.has(name)) throw new Error(`${where}: family ${name} is not contiguous`);
    current = { name, type: null, help: null, unit: null, samples: [] };
    families.set(name, current);
    seenKeys.set(name, new Set());
    return current;
  };
  lines.forEach((line, n) => {
    const where = `line ${n + 1}`;
    if (line === '') throw new Error(`${where}: empty line`);
    if (line.includes('\r')) throw new Error(`${where}: carriage return`);
    if (line.startsWith('#')) {
      const m = /^# (TYPE|HELP|UNIT) ([^ ]+) (.*)$/.exec(line) ?? /^# (UNIT) ([^ ]+)()$/.exec(line);
      if (!m) throw new Error(`${where}: a comment that is not a descriptor: ${line}`);
      const [, kind, name, rest] = m;
      if (!METRIC_NAME.test(name)) throw new Error(`${where}: bad metric name ${name}`);
      const f = family(name, where);
      if (f.samples.length) throw new Error(`${where}: descriptor after samples of ${name}`);
      if (kind === 'TYPE') {
        if (f.type !== null) throw new Error(`${where}: second TYPE for ${name}`);
        if (!['gauge', 'counter', 'stateset', 'info', 'histogram', 'gaugehistogram', 'summary', 'unknown'].includes(rest)) throw new Error(`${where}: bad type ${rest}`);
        f.type = rest;
      } else if (kind === 'HELP') {
        if (f.help !== null) throw new Error(`${where}: second HELP for ${name}`);
        f.help = unescape(rest, true, where);
      } else {
        if (f.unit !== null) throw new Error(`${where}: second UNIT for ${name}`);
        if (rest && !name.endsWith(`_${rest}`)) throw new Error(`${where}: unit ${rest} is not the suffix of ${name}`);
        f.unit = rest;
      }
      return;
    }
    const nameEnd = line.search(/[{ ]/);
    if (nameEnd <= 0) throw new Error(`${where}: not a sample: ${line}`);
    const name = line.slice(0, nameEnd);
    if (!METRIC_NAME.test(name)) throw new Error(`${where}: bad metric name ${name}`);
    let labels: Record<string, string> = {};
    let i = nameEnd;
    let labelText = '{}';
    if (line[i] === '{') {
      const r = readLabels(line, i, where);
      labelText = line.slice(i, r.end);
      labels = r.labels;
      i = r.end;
    }
    if (line[i] !== ' ') throw new Error(`${where}: no space before the value`);
    const parts = line.slice(i + 1).split(' ');
    if (parts.length > 2 || !NUMBER.test(parts[0]) || (parts[1] !== undefined && !NUMBER.test(parts[1]))) throw new Error(`${where}: bad value "${line.slice(i + 1)}"`);
    // Gauges and unknowns have no sample suffixes: a sample with another name starts (or breaks) a family.
    const f = family(name, where);
    const key = JSON.stringify(Object.entries(labels).sort());
    if (seenKeys.get(name)!.has(key)) throw new Error(`${where}: duplicate series ${name}${labelText}`);
    seenKeys.get(name)!.add(key);
    f.samples.push({ name, labels, value: Number(parts[0]) });
  });
  return families;
}

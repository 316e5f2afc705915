/** A value written into an OpenSSL config (a file, or an `openssl req -addext` line) so that it reads back unchanged. */

/** Characters the config reader treats specially in a value: comments, variables, quotes and escapes. */
const SPECIAL: Record<string, string> = { '\\': '\\\\', '#': '\\#', $: '\\$', '"': '\\"', "'": "\\'", '`': '\\`', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b' };

/** A value the config reader gives back unchanged: specials escaped, leading spaces escaped, trailing ones quoted. */
export function confValue(v: string): string {
  const trailing = /( +)$/.exec(v)?.[1] ?? '';
  const body = v.slice(0, v.length - trailing.length);
  const escaped = body.replace(/[\\#$"'`\n\r\t\b]/g, (c) => SPECIAL[c]).replace(/^ +/, (s) => '\\ '.repeat(s.length));
  return escaped + (trailing ? `"${trailing}"` : '');
}

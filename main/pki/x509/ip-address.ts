/** IP address text → the 4 or 16 bytes an iPAddress GeneralName holds (RFC 5280 4.2.1.6). */

/** Dotted-quad IPv4, decimal parts 0-255 without leading zeros (which some tools read as octal). */
function ipv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return Uint8Array.from(parts.map(Number));
}

/** RFC 4291 2.2 text: eight groups, one `::` for a run of zeros, an optional dotted-quad tail. */
function ipv6(text: string): Uint8Array | null {
  let head = text;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // An IPv4 tail ("::ffff:192.0.2.1") is the last two groups.
    const v4 = ipv4(text.slice(lastColon + 1));
    if (!v4) return null;
    head = text.slice(0, lastColon + 1) + ((v4[0] << 8) | v4[1]).toString(16) + ':' + ((v4[2] << 8) | v4[3]).toString(16);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  if (![...left, ...right].every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => parseInt(g, 16));
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

/** The address bytes, or null when `text` is neither an IPv4 nor an IPv6 address. */
export function parseIpAddress(text: string): Uint8Array | null {
  return text.includes(':') ? ipv6(text) : ipv4(text);
}

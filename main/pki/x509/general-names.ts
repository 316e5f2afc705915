/** GeneralName (RFC 5280 4.2.1.6) as OpenSSL prints it: DNS:, IP:, email:, URI:, DirName:, othername:. */
import { children, contextNumber, hex, oidOf, stringOf, value, readTlv, type Tlv } from '../der/der';
import { readName } from './name';
import { problem, type Problem } from './problems';

const OTHER_NAMES: Record<string, string> = {
  '1.3.6.1.4.1.311.20.2.3': 'UPN',
  '1.3.6.1.5.5.7.8.9': 'SmtpUTF8Mailbox',
};

/** Where a GeneralName appears: an IP in a name constraint is address + mask, elsewhere an address. */
export type NameContext = 'name' | 'constraint';

function address(v: Uint8Array): string {
  if (v.length === 4) return Array.from(v).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((v[i] << 8) | v[i + 1]).toString(16).toUpperCase());
  return groups.join(':');
}

/** A mask is some ones then only zeros. */
function contiguous(mask: Uint8Array): boolean {
  let zero = false;
  for (const b of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const one = (b >> bit) & 1;
      if (one && zero) return false;
      if (!one) zero = true;
    }
  }
  return true;
}

function ipText(v: Uint8Array, context: NameContext, sink: Problem[]): string {
  const invalid = () => '<invalid ' + (hex(v, ':') || 'empty') + '>';
  if (context === 'name') {
    if (v.length === 4 || v.length === 16) return address(v);
    sink.push(problem('BAD_IP_LENGTH', 'error', `An IP address is ${v.length} bytes long (${hex(v, ':') || 'empty'}); it must be 4 (IPv4) or 16 (IPv6).${v.length === 8 || v.length === 32 ? ' Address and mask belong in name constraints only.' : ''}`));
    return invalid();
  }
  if (v.length === 8 || v.length === 32) {
    const half = v.length / 2;
    const mask = v.subarray(half);
    if (!contiguous(mask)) sink.push(problem('BAD_IP_MASK', 'warning', `The name constraint mask ${address(mask)} is not contiguous (ones then zeros).`));
    return `${address(v.subarray(0, half))}/${address(mask)}`;
  }
  sink.push(problem('BAD_IP_LENGTH', 'error', `An IP name constraint is ${v.length} bytes long (${hex(v, ':') || 'empty'}); it must be 8 (IPv4 address + mask) or 32 (IPv6).`));
  return invalid();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An IA5String (dNSName, rfc822Name, URI). Non-ASCII bytes are a problem, and are shown as the UTF-8 they
 * probably are (else as \xNN), never as Latin-1 mojibake.
 */
function ia5(v: Uint8Array, what: 'DNS' | 'EMAIL' | 'URI', sink: Problem[]): string {
  let ascii = true;
  let s = '';
  for (let i = 0; i < v.length; i++) {
    if (v[i] > 0x7f) ascii = false;
    s += String.fromCharCode(v[i]);
  }
  if (ascii) return s;
  let shown: string;
  try {
    shown = utf8.decode(v);
  } catch {
    shown = Array.from(v, (b) => (b > 0x7f ? '\\x' + hex(Uint8Array.of(b)) : String.fromCharCode(b))).join('');
  }
  const label = what === 'DNS' ? 'DNS name' : what === 'EMAIL' ? 'email address' : 'URI';
  const fix = what === 'URI' ? 'non-ASCII characters must be percent-encoded' : 'internationalized names must use their ASCII (xn--) form';
  sink.push(problem(`NON_ASCII_${what}`, 'error', `The ${label} "${shown}" holds non-ASCII bytes; it must be ASCII (IA5String): ${fix}.`));
  return shown;
}

export function generalName(t: Tlv, sink: Problem[] = [], context: NameContext = 'name'): string {
  const n = contextNumber(t);
  switch (n) {
    case 0: {
      const [type, val] = children(t, 'otherName');
      const oid = type ? oidOf(type) : '?';
      let text = '<unsupported>';
      if (val) {
        const inner = readTlv(val.bytes, val.valueStart, val.end, 'otherName value');
        text = inner.tag < 0x20 ? stringOf(inner) : hex(value(inner), ':');
      }
      return `othername: ${OTHER_NAMES[oid] ?? oid}:${text}`;
    }
    case 1:
      return 'email:' + ia5(value(t), 'EMAIL', sink);
    case 2:
      return 'DNS:' + ia5(value(t), 'DNS', sink);
    case 3:
      return 'X400Name:<unsupported>';
    case 4: {
      const inner = readTlv(t.bytes, t.valueStart, t.end, 'directoryName');
      return 'DirName:' + readName(inner).text;
    }
    case 5:
      return 'EdiPartyName:<unsupported>';
    case 6:
      return 'URI:' + ia5(value(t), 'URI', sink);
    case 7:
      return 'IP:' + ipText(value(t), context, sink);
    case 8:
      return 'Registered ID:' + oidOf(t);
    default:
      sink.push(problem('BAD_GENERAL_NAME', 'error', `A name has the unknown tag 0x${t.tag.toString(16)}.`));
      return `<unknown tag 0x${t.tag.toString(16)}>`;
  }
}

export function generalNames(seq: Tlv, sink: Problem[] = []): string[] {
  return children(seq, 'GeneralNames').map((g) => generalName(g, sink));
}

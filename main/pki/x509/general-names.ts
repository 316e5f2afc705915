/** GeneralName (RFC 5280 4.2.1.6) as OpenSSL prints it: DNS:, IP:, email:, URI:, DirName:, othername:. */
import { children, contextNumber, hex, oidOf, stringOf, value, readTlv, type Tlv } from '../der/der';
import { formatName, nameParts } from './name';

const OTHER_NAMES: Record<string, string> = {
  '1.3.6.1.4.1.311.20.2.3': 'UPN',
  '1.3.6.1.5.5.7.8.9': 'SmtpUTF8Mailbox',
};

function ipText(v: Uint8Array): string {
  if (v.length === 4) return Array.from(v).join('.');
  if (v.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((v[i] << 8) | v[i + 1]).toString(16).toUpperCase());
    return groups.join(':');
  }
  // Name constraints carry address + mask (8 or 32 bytes).
  if (v.length === 8) return `${ipText(v.subarray(0, 4))}/${ipText(v.subarray(4))}`;
  if (v.length === 32) return `${ipText(v.subarray(0, 16))}/${ipText(v.subarray(16))}`;
  return '<invalid ' + hex(v, ':') + '>';
}

const latin = (v: Uint8Array) => String.fromCharCode(...v);

export function generalName(t: Tlv): string {
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
      return 'email:' + latin(value(t));
    case 2:
      return 'DNS:' + latin(value(t));
    case 3:
      return 'X400Name:<unsupported>';
    case 4: {
      const inner = readTlv(t.bytes, t.valueStart, t.end, 'directoryName');
      return 'DirName:' + formatName(nameParts(inner));
    }
    case 5:
      return 'EdiPartyName:<unsupported>';
    case 6:
      return 'URI:' + latin(value(t));
    case 7:
      return 'IP:' + ipText(value(t));
    case 8:
      return 'Registered ID:' + oidOf(t);
    default:
      return `<unknown tag 0x${t.tag.toString(16)}>`;
  }
}

export function generalNames(seq: Tlv): string[] {
  return children(seq, 'GeneralNames').map(generalName);
}

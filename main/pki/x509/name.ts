/** Distinguished names: decode the RDN sequence and format it as RFC 4514 text (OpenSSL -nameopt RFC2253). */
import type { NamePart } from '../../api/dto';
import { children, oidOf, stringOf, hex, whole, type Tlv } from '../der/der';
import { NAME_ATTRIBUTES } from './oids';

/** Parts in encoded order (C first, CN last, usually). Multi-valued RDNs contribute each value. */
export function nameParts(name: Tlv): NamePart[] {
  const parts: NamePart[] = [];
  for (const rdn of children(name, 'name')) {
    for (const atv of children(rdn, 'name attribute')) {
      const [type, val] = children(atv, 'name attribute');
      if (!type || !val) continue;
      const oid = oidOf(type);
      const isString = val.tag < 0x20 && val.tag !== 0x04 && val.tag !== 0x03;
      parts.push({ name: NAME_ATTRIBUTES[oid] ?? oid, oid, value: isString ? stringOf(val) : '#' + hex(whole(val)) });
    }
  }
  return parts;
}

function escapeValue(v: string): string {
  let s = v.replace(/[\\,+"<>;=]/g, (c) => '\\' + c);
  if (s.startsWith(' ') || s.startsWith('#')) s = '\\' + s;
  if (s.endsWith(' ') && s.length > 1) s = s.slice(0, -1) + '\\ ';
  return s;
}

/** RFC 4514 string: most specific first ("CN=host,O=Org,C=US"). */
export function formatName(parts: NamePart[]): string {
  const out: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) out.push(`${parts[i].name}=${parts[i].value.startsWith('#') ? parts[i].value : escapeValue(parts[i].value)}`);
  return out.join(',');
}

/** The name a person would call the object by: CN, else O, else the whole name. */
export function displayName(parts: NamePart[]): string {
  const cn = [...parts].reverse().find((p) => p.name === 'CN');
  if (cn) return cn.value;
  const o = parts.find((p) => p.name === 'O');
  return o ? o.value : formatName(parts) || '(empty name)';
}

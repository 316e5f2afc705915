/**
 * Distinguished names: decode the RDN sequence and format it as RFC 4514 text the way OpenSSL's
 * `-nameopt RFC2253` does: most specific first, the values of a multi-valued RDN joined with `+`.
 */
import type { NamePart } from '../../api/dto';
import { children, oidOf, stringOf, hex, Tag, value, whole, type Tlv } from '../der/der';
import { NAME_ATTRIBUTES } from './oids';
import { problem, type Problem } from './problems';

/** One attribute with what RFC 4514 text needs beyond the DTO: its RDN and whether it is a string. */
interface Attribute extends NamePart {
  rdn: number;
  /** Not a string type: `value` is `#` + the hex of its DER (RFC 4514 2.4), never escaped. */
  binary: boolean;
  bad: string | null;
}

export interface DecodedName {
  /** Parts in encoded order (C first, CN last, usually). Multi-valued RDNs contribute each value. */
  parts: NamePart[];
  /** RFC 4514 text, as OpenSSL prints it with `-nameopt RFC2253`. */
  text: string;
  /** Values whose bytes do not fit their string type (invalid UTF-8, non-ASCII IA5String ...). */
  problems: Problem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why the bytes of a string value do not fit its ASN.1 type, or null when they do. */
function badString(val: Tlv): string | null {
  const v = value(val);
  switch (val.tag) {
    case Tag.Utf8String:
      try {
        utf8.decode(v);
        return null;
      } catch {
        return 'is not valid UTF-8 (shown with \uFFFD for the bad bytes)';
      }
    case Tag.Ia5String:
      return v.some((b) => b > 0x7f) ? 'holds non-ASCII bytes in an IA5String' : null;
    case Tag.PrintableString:
      return v.some((b) => b > 0x7f) ? 'holds non-ASCII bytes in a PrintableString' : null;
    case Tag.BmpString:
      return v.length % 2 ? 'is a BMPString of an odd number of bytes' : null;
    case Tag.UniversalString:
      return v.length % 4 ? 'is a UniversalString whose length is not a multiple of 4' : null;
    default:
      return null;
  }
}

function attribute(atv: Tlv, rdn: number): Attribute | null {
  const [type, val] = children(atv, 'name attribute');
  if (!type || !val) return null;
  const oid = oidOf(type);
  const binary = !(val.tag < 0x20 && val.tag !== 0x04 && val.tag !== 0x03);
  return { name: NAME_ATTRIBUTES[oid] ?? oid, oid, value: binary ? '#' + hex(whole(val)) : stringOf(val), rdn, binary, bad: binary ? null : badString(val) };
}

function attributes(name: Tlv): Attribute[] {
  const out: Attribute[] = [];
  children(name, 'name').forEach((rdn, i) => {
    for (const atv of children(rdn, 'name attribute')) {
      const a = attribute(atv, i);
      if (a) out.push(a);
    }
  });
  return out;
}

function escapeValue(v: string): string {
  let s = v.replace(/[\\,+"<>;=]/g, (c) => '\\' + c);
  if (s.startsWith(' ') || s.startsWith('#')) s = '\\' + s;
  if (s.endsWith(' ') && s.length > 1) s = s.slice(0, -1) + '\\ ';
  return s;
}

function text(attrs: Attribute[]): string {
  let out = '';
  for (let i = attrs.length - 1; i >= 0; i--) {
    const a = attrs[i];
    if (i < attrs.length - 1) out += attrs[i + 1].rdn === a.rdn ? '+' : ',';
    out += `${a.name}=${a.binary ? a.value : escapeValue(a.value)}`;
  }
  return out;
}

const strip = ({ name, oid, value }: Attribute): NamePart => ({ name, oid, value });

function decoded(attrs: Attribute[]): DecodedName {
  const problems = attrs.filter((a) => a.bad).map((a) => problem('BAD_STRING_ENCODING', 'error', `The ${a.name} value "${a.value}" ${a.bad}.`));
  return { parts: attrs.map(strip), text: text(attrs), problems };
}

/** A Name (SEQUENCE OF RelativeDistinguishedName). */
export function readName(name: Tlv): DecodedName {
  return decoded(attributes(name));
}

/** One RelativeDistinguishedName (a SET of attributes), as in a distribution point's relative name. */
export function readRdn(rdn: Tlv): DecodedName {
  const attrs: Attribute[] = [];
  for (const atv of children(rdn, 'name attribute')) {
    const a = attribute(atv, 0);
    if (a) attrs.push(a);
  }
  return decoded(attrs);
}

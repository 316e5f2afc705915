/**
 * Name comparison keys (RFC 5280 7.1 / 4.1.2.4): two names are the same when their keys are equal.
 * DirectoryString values (PrintableString, UTF8String, BMPString, UniversalString, TeletexString) compare after
 * RFC 4518-lite preparation: Unicode NFKC, case folded, leading/trailing space removed, inner runs of space
 * collapsed to one. Other value types compare by their DER bytes. Attribute order inside an RDN does not matter
 * (an RDN is a SET); the order of RDNs does.
 */
import { children, hex, oidOf, stringOf, Tag, whole, type Tlv } from '../der/der';

const DIRECTORY_STRING_TAGS: ReadonlySet<number> = new Set([Tag.PrintableString, Tag.Utf8String, Tag.BmpString, Tag.UniversalString, Tag.T61String]);

/** RFC 4518 2.1-2.6 in brief: the steps that matter for real names (no prohibited-character or bidi checks). */
export function prepareString(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function attributeKey(atv: Tlv): string {
  const [type, val] = children(atv, 'name attribute');
  if (!type || !val) return hex(whole(atv));
  const oid = oidOf(type);
  // Prepared strings and raw bytes must never collide: 's' and 'b' keep the two apart.
  const v = DIRECTORY_STRING_TAGS.has(val.tag) ? 's' + JSON.stringify(prepareString(stringOf(val))) : 'b' + hex(whole(val));
  return `${oid}=${v}`;
}

/** One RelativeDistinguishedName's key (directoryName constraints compare names an RDN at a time). */
export function rdnKey(rdn: Tlv): string {
  const attrs = children(rdn, 'name attribute').map(attributeKey);
  if (attrs.length > 1) attrs.sort();
  return attrs.join('+');
}

export function nameKey(name: Tlv): string {
  return children(name, 'name').map(rdnKey).join(',');
}

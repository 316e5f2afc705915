/**
 * Writes a subject Name as OpenSSL 3 `openssl req` does with its default `string_mask = utf8only`: one RDN per
 * attribute in the order given; countryName, jurisdictionC, serialNumber and dnQualifier as PrintableString,
 * emailAddress, DC and mail as IA5String, the Russian INN/OGRN/SNILS as NumericString, everything else
 * UTF8String (checked type by type against openssl in csr-write.test.ts). Multi-valued RDNs (`+`) are not
 * written: the form has no way to ask for them.
 */
import type { SubjectAttributeDto } from '../../api/dto';
import * as der from '../der/write';
import { PkiError } from '../errors';
import { NAME_ATTRIBUTES } from './oids';
import { DN_FIELDS } from './subject-fields';
import { wellFormed } from './well-formed';

type StringKind = 'printable' | 'ia5' | 'numeric' | 'utf8';

/** The short names the reader prints, and OpenSSL's short and long names as a config may spell them (subject-fields.ts). */
const BY_NAME: Record<string, string> = {
  ...Object.fromEntries(Object.entries(NAME_ATTRIBUTES).map(([oid, name]) => [name, oid])),
  ...Object.fromEntries(DN_FIELDS.flatMap((f) => [[f.short, f.oid], [f.long, f.oid]])),
};

/** OpenSSL's ASN1_STRING_TABLE for the types it fixes (STABLE_NO_MASK) and the sizes it enforces. */
const RULES: Record<string, { kind: StringKind; min?: number; max?: number }> = {
  '2.5.4.6': { kind: 'printable', min: 2, max: 2 },
  '1.3.6.1.4.1.311.60.2.1.3': { kind: 'printable', min: 2, max: 2 },
  '2.5.4.5': { kind: 'printable', max: 64 },
  '2.5.4.46': { kind: 'printable' },
  '1.2.840.113549.1.9.1': { kind: 'ia5', max: 128 },
  '0.9.2342.19200300.100.1.25': { kind: 'ia5' },
  '0.9.2342.19200300.100.1.3': { kind: 'ia5' },
  '1.2.643.3.131.1.1': { kind: 'numeric', max: 12 },
  '1.2.643.100.1': { kind: 'numeric', max: 13 },
  '1.2.643.100.3': { kind: 'numeric', max: 11 },
  '2.5.4.3': { kind: 'utf8', max: 64 },
  '2.5.4.7': { kind: 'utf8', max: 128 },
  '2.5.4.8': { kind: 'utf8', max: 128 },
  '2.5.4.10': { kind: 'utf8', max: 64 },
  '2.5.4.11': { kind: 'utf8', max: 64 },
  '2.5.4.12': { kind: 'utf8', max: 64 },
};

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const ASCII = /^[\x00-\x7f]*$/;
const DOTTED_OID = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** The OID of an attribute type: an OpenSSL short or long name, or a dotted OID. */
export function attributeOid(type: string): string | null {
  if (Object.hasOwn(BY_NAME, type)) return BY_NAME[type];
  if (DOTTED_OID.test(type)) return type;
  return null;
}

function invalid(index: number, message: string, hint: string): PkiError {
  return new PkiError('INVALID_ARGUMENT', `Subject field ${index + 1}: ${message}`, hint);
}

function attributeValue(oid: string, attr: SubjectAttributeDto, index: number): Uint8Array {
  const rule = RULES[oid] ?? { kind: 'utf8' as const };
  const v = attr.value;
  if (typeof v !== 'string' || v.length === 0) throw invalid(index, `${attr.type} is empty.`, 'Give it a value or remove the field: a name part may not be empty.');
  const length = [...v].length;
  if (rule.min !== undefined && length < rule.min) throw invalid(index, `${attr.type} "${v}" is shorter than ${rule.min} characters.`, sizeHint(oid, rule));
  if (rule.max !== undefined && length > rule.max) throw invalid(index, `${attr.type} is ${length} characters long; at most ${rule.max} are allowed.`, sizeHint(oid, rule));
  if (rule.kind === 'printable') {
    if (!PRINTABLE.test(v)) throw invalid(index, `${attr.type} "${v}" holds characters a PrintableString cannot (only letters, digits, space and ' ( ) + , - . / : = ?).`, 'Remove the other characters.');
    return der.tlv(0x13, new TextEncoder().encode(v));
  }
  if (rule.kind === 'numeric') {
    if (!/^[0-9 ]*$/.test(v)) throw invalid(index, `${attr.type} "${v}" holds characters other than digits and spaces (it is a NumericString).`, 'Write only the digits.');
    return der.tlv(0x12, new TextEncoder().encode(v));
  }
  if (rule.kind === 'ia5') {
    if (!ASCII.test(v)) throw invalid(index, `${attr.type} "${v}" holds non-ASCII characters; it is an IA5String.`, 'Use the ASCII form (xn-- for an internationalized domain).');
    return der.tlv(0x16, new TextEncoder().encode(v));
  }
  if (!wellFormed(v)) throw invalid(index, `${attr.type} holds a broken character (a lone UTF-16 surrogate).`, 'Retype the value.');
  return der.utf8String(v);
}

function sizeHint(oid: string, rule: { min?: number; max?: number }): string {
  if (rule.min === 2 && rule.max === 2) return 'Use the two-letter ISO 3166 country code, such as US or DE.';
  return oid === '2.5.4.3' ? 'Shorten it (RFC 5280 allows 64 characters); put longer host names in the SANs only.' : `Shorten it to ${rule.max} characters (RFC 5280 upper bound).`;
}

/**
 * Name ::= SEQUENCE OF RelativeDistinguishedName, one single-valued RDN per attribute, in the order given.
 * An empty subject is written only when `allowEmpty` (a CSR whose names are all in a critical SAN).
 */
export function writeName(subject: readonly SubjectAttributeDto[], allowEmpty = false): Uint8Array {
  if (!Array.isArray(subject) || (subject.length === 0 && !allowEmpty)) {
    throw new PkiError('INVALID_ARGUMENT', 'The subject is empty.', 'Give at least a common name (CN).');
  }
  const rdns = subject.map((attr, i) => {
    const oid = attributeOid(attr.type);
    if (!oid) throw invalid(i, `"${attr.type}" is not an attribute type Certbench knows.`, 'Use an OpenSSL short name (C, ST, L, O, OU, CN, emailAddress ...) or a dotted OID.');
    return der.setOf(der.sequence(der.objectIdentifier(oid), attributeValue(oid, attr, i)));
  });
  return der.sequence(...rdns);
}

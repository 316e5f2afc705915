/**
 * Subject attribute names as OpenSSL's config knows them (short and long, case-sensitive like OBJ_txt2nid),
 * the type the form uses for each (CsrSpecDto: short names, or a dotted OID), and the string rules OpenSSL
 * enforces when it adds the value (crypto/asn1/a_strnid.c: sizes, PrintableString / IA5String only).
 * The config importer and exporter, the commands and the name writer (names → OIDs) all read this one table.
 */

export type Charset = 'printable' | 'ia5' | 'numeric' | 'any';

export interface DnField {
  /** What the form stores in SubjectAttributeDto.type. */
  type: string;
  /** OpenSSL's short name (used when writing configs). */
  short: string;
  long: string;
  oid: string;
  min: number;
  /** -1: no upper bound. */
  max: number;
  charset: Charset;
}

const f = (type: string, short: string, long: string, oid: string, min: number, max: number, charset: Charset = 'any'): DnField => ({ type, short, long, oid, min, max, charset });

const UB_NAME = 32768;

/** The form's types first; the rest are stored by OID (the DTO's rule for types outside its list). */
export const DN_FIELDS: readonly DnField[] = [
  f('C', 'C', 'countryName', '2.5.4.6', 2, 2, 'printable'),
  f('ST', 'ST', 'stateOrProvinceName', '2.5.4.8', 1, 128),
  f('L', 'L', 'localityName', '2.5.4.7', 1, 128),
  f('O', 'O', 'organizationName', '2.5.4.10', 1, 64),
  f('OU', 'OU', 'organizationalUnitName', '2.5.4.11', 1, 64),
  f('CN', 'CN', 'commonName', '2.5.4.3', 1, 64),
  f('emailAddress', 'emailAddress', 'emailAddress', '1.2.840.113549.1.9.1', 1, 128, 'ia5'),
  f('serialNumber', 'serialNumber', 'serialNumber', '2.5.4.5', 1, 64, 'printable'),
  f('street', 'street', 'streetAddress', '2.5.4.9', 0, -1),
  f('postalCode', 'postalCode', 'postalCode', '2.5.4.17', 0, -1),
  f('DC', 'DC', 'domainComponent', '0.9.2342.19200300.100.1.25', 1, -1, 'ia5'),
  f('UID', 'UID', 'userId', '0.9.2342.19200300.100.1.1', 0, -1),
  f('title', 'title', 'title', '2.5.4.12', 0, -1),
  f('GN', 'GN', 'givenName', '2.5.4.42', 1, UB_NAME),
  f('SN', 'SN', 'surname', '2.5.4.4', 1, UB_NAME),
  f('initials', 'initials', 'initials', '2.5.4.43', 1, UB_NAME),
  f('pseudonym', 'pseudonym', 'pseudonym', '2.5.4.65', 0, -1),
  f('businessCategory', 'businessCategory', 'businessCategory', '2.5.4.15', 0, -1),
  f('jurisdictionC', 'jurisdictionC', 'jurisdictionCountryName', '1.3.6.1.4.1.311.60.2.1.3', 2, 2, 'printable'),
  f('jurisdictionST', 'jurisdictionST', 'jurisdictionStateOrProvinceName', '1.3.6.1.4.1.311.60.2.1.2', 0, -1),
  f('jurisdictionL', 'jurisdictionL', 'jurisdictionLocalityName', '1.3.6.1.4.1.311.60.2.1.1', 0, -1),
  f('2.5.4.13', 'description', 'description', '2.5.4.13', 0, -1),
  f('2.5.4.44', 'generationQualifier', 'generationQualifier', '2.5.4.44', 0, -1),
  f('2.5.4.46', 'dnQualifier', 'dnQualifier', '2.5.4.46', 0, -1, 'printable'),
  f('2.5.4.41', 'name', 'name', '2.5.4.41', 1, UB_NAME),
  f('2.5.4.97', 'organizationIdentifier', 'organizationIdentifier', '2.5.4.97', 0, -1),
  f('2.5.4.72', 'role', 'role', '2.5.4.72', 0, -1),
  f('2.5.4.20', 'telephoneNumber', 'telephoneNumber', '2.5.4.20', 0, -1),
  f('1.2.840.113549.1.9.2', 'unstructuredName', 'unstructuredName', '1.2.840.113549.1.9.2', 1, -1),
];

const DOTTED = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** The field a config name means (`CN`, `commonName`, `2.5.4.3`), or null when OpenSSL would not know it. */
export function dnField(name: string): DnField | null {
  const known = DN_FIELDS.find((x) => x.short === name || x.long === name || x.oid === name);
  if (known) return known;
  return DOTTED.test(name) ? f(name, name, name, name, 0, -1) : null;
}

/** The field for a form type (short name or dotted OID). */
export function fieldOfType(type: string): DnField | null {
  return DN_FIELDS.find((x) => x.type === type) ?? dnField(type);
}

/**
 * The config name without the `N.` (or `N:` / `N,`) prefix that lets a field repeat, and without the `+`
 * that joins it to the previous RDN: as apps/req.c reads it.
 */
export function fieldNameOf(configName: string): { type: string; joined: boolean } {
  let type = configName;
  const m = /[:,.]/.exec(configName);
  if (m && m.index + 1 < configName.length) type = configName.slice(m.index + 1);
  const joined = type.startsWith('+');
  return { type: joined ? type.slice(1) : type, joined };
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** Why OpenSSL would refuse `value` for `field` ("is 3 characters; it must be 2"), or null. */
export function valueProblem(field: DnField, value: string): string | null {
  const length = [...value].length;
  if (length < field.min) return length === 0 ? 'is empty' : `is ${length} characters; it must be at least ${field.min}`;
  if (field.max >= 0 && length > field.max) return `is ${length} characters; it must be at most ${field.max}${field.type === 'C' ? ' (a two-letter ISO 3166 code such as US or DE)' : ''}`;
  if (field.charset === 'printable' && !PRINTABLE.test(value)) return 'holds characters a PrintableString cannot (letters, digits, space and \' ( ) + , - . / : = ? only)';
  if (field.charset === 'ia5' && /[^\x00-\x7f]/.test(value)) return 'holds non-ASCII characters';
  return null;
}

/**
 * OpenSSL's `-text` view of extensions, read back into values a test can compare with ours: the extension list
 * (name, critical, body lines) and, per extension, the facts that do not depend on how a name is formatted
 * (GeneralName kinds and values, key usage bits, EKU OIDs, policy OIDs and qualifiers, URIs, key ids).
 */

export interface OpensslExtension {
  /** As OpenSSL prints it: "X509v3 Subject Alternative Name", or a dotted OID it has no name for. */
  name: string;
  critical: boolean;
  /** The body, each line trimmed. */
  lines: string[];
}

/** The extensions under `section` ("X509v3 extensions", "Requested Extensions", "CRL extensions"). */
export function opensslExtensions(text: string, section: string): OpensslExtension[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${section}:`);
  if (start < 0) return [];
  const indent = (l: string) => l.length - l.trimStart().length;
  const base = indent(lines[start]);
  const out: OpensslExtension[] = [];
  // What follows the section. Not "any line indented less": an extension OpenSSL cannot decode is dumped as
  // raw bytes, newlines included.
  const end = /^( {4}Signature Algorithm:|Revoked Certificates:|No Revoked Certificates)/;
  for (const line of lines.slice(start + 1)) {
    if (end.test(line)) break;
    if (!line.trim()) continue;
    const header = indent(line) === base + 4 ? /^(.+?):( critical)?\s*$/.exec(line.trim()) : null;
    if (header) out.push({ name: header[1], critical: Boolean(header[2]), lines: [] });
    else if (out.length) out[out.length - 1].lines.push(line.trim());
  }
  return out;
}

/** OpenSSL's extension names (the ones compared here) by OID. */
export const OPENSSL_EXTENSION_NAMES: Record<string, string> = {
  '2.5.29.17': 'X509v3 Subject Alternative Name',
  '2.5.29.18': 'X509v3 Issuer Alternative Name',
  '2.5.29.15': 'X509v3 Key Usage',
  '2.5.29.37': 'X509v3 Extended Key Usage',
  '2.5.29.19': 'X509v3 Basic Constraints',
  '2.5.29.14': 'X509v3 Subject Key Identifier',
  '2.5.29.35': 'X509v3 Authority Key Identifier',
  '2.5.29.32': 'X509v3 Certificate Policies',
  '2.5.29.31': 'X509v3 CRL Distribution Points',
  '2.5.29.46': 'X509v3 Freshest CRL',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
  '1.3.6.1.5.5.7.1.11': 'Subject Information Access',
  '2.5.29.20': 'X509v3 CRL Number',
};

const GENERAL_NAME = /(?:^|, )(email|DNS|IP Address|URI|DirName|othername|Registered ID|X400Name|EdiPartyName):/g;

export interface GeneralNameValue {
  /** OpenSSL's label: email, DNS, IP Address, URI, DirName, othername, Registered ID. */
  kind: string;
  value: string;
}

/** Splits a line of GeneralNames as OpenSSL prints them ("DNS:a, IP Address:1.2.3.4, DirName:C = US, O = x"). */
export function opensslGeneralNames(line: string): GeneralNameValue[] {
  const starts = [...line.matchAll(GENERAL_NAME)];
  return starts.map((m, i) => {
    const from = m.index! + m[0].length;
    const to = i + 1 < starts.length ? starts[i + 1].index! : line.length;
    return { kind: m[1], value: line.slice(from, to).trim() };
  });
}

/** Ours ("IP:1.2.3.4", "DirName:...") in OpenSSL's labels. */
export function ourGeneralName(line: string): GeneralNameValue {
  const m = /^(email|DNS|IP|URI|DirName|othername|Registered ID|X400Name|EdiPartyName):\s?(.*)$/.exec(line);
  if (!m) return { kind: '?', value: line };
  return { kind: m[1] === 'IP' ? 'IP Address' : m[1], value: m[2] };
}

/** The attribute values of a name as OpenSSL prints it, "/CN=a/O=b" or "C = US, O = b". */
export function nameValues(name: string): string[] {
  const parts = name.startsWith('/') ? name.slice(1).split(/\/(?=[\w.]+=)/) : name.split(/, (?=[\w.]+ = )/);
  return parts.map((p) => p.replace(/^[\w.]+\s?=\s?/, '')).filter(Boolean);
}

export const OPENSSL_KEY_USAGE: Record<string, string> = {
  'Digital Signature': 'digitalSignature',
  'Non Repudiation': 'nonRepudiation',
  'Key Encipherment': 'keyEncipherment',
  'Data Encipherment': 'dataEncipherment',
  'Key Agreement': 'keyAgreement',
  'Certificate Sign': 'keyCertSign',
  'CRL Sign': 'cRLSign',
  'Encipher Only': 'encipherOnly',
  'Decipher Only': 'decipherOnly',
};

/** OpenSSL's long names for EKU purposes, by OID; others it prints as dotted OIDs. */
export const OPENSSL_EKU: Record<string, string> = {
  'TLS Web Server Authentication': '1.3.6.1.5.5.7.3.1',
  'TLS Web Client Authentication': '1.3.6.1.5.5.7.3.2',
  'Code Signing': '1.3.6.1.5.5.7.3.3',
  'E-mail Protection': '1.3.6.1.5.5.7.3.4',
  'IPSec End System': '1.3.6.1.5.5.7.3.5',
  'IPSec Tunnel': '1.3.6.1.5.5.7.3.6',
  'IPSec User': '1.3.6.1.5.5.7.3.7',
  'Time Stamping': '1.3.6.1.5.5.7.3.8',
  'OCSP Signing': '1.3.6.1.5.5.7.3.9',
  'ipsec Internet Key Exchange': '1.3.6.1.5.5.7.3.17',
  'Any Extended Key Usage': '2.5.29.37.0',
  'Microsoft Server Gated Crypto': '1.3.6.1.4.1.311.10.3.3',
  'Netscape Server Gated Crypto': '2.16.840.1.113730.4.1',
  'Microsoft Smartcard Login': '1.3.6.1.4.1.311.20.2.2',
  'Microsoft Encrypted File System': '1.3.6.1.4.1.311.10.3.4',
  'Microsoft Commercial Code Signing': '1.3.6.1.4.1.311.2.1.22',
  'Microsoft Individual Code Signing': '1.3.6.1.4.1.311.2.1.21',
  'Microsoft Trust List Signing': '1.3.6.1.4.1.311.10.3.1',
  'Signing KDC Response': '1.3.6.1.5.2.3.5',
  'Any Policy': '2.5.29.32.0',
};

/** Policy identifiers OpenSSL prints by name. */
export const OPENSSL_POLICY: Record<string, string> = {
  'X509v3 Any Policy': '2.5.29.32.0',
  'Class of Signing Tool KC1': '1.2.643.100.113.1',
  'Class of Signing Tool KC2': '1.2.643.100.113.2',
  'Class of Signing Tool KC3': '1.2.643.100.113.3',
  'Class of Signing Tool KB1': '1.2.643.100.113.4',
  'Class of Signing Tool KB2': '1.2.643.100.113.5',
  'Class of Signing Tool KA1': '1.2.643.100.113.6',
};

/**
 * Whether OpenSSL decoded the extension: when it cannot, it prints the raw bytes instead (there Certbench may
 * well do better, e.g. an EdiPartyName), and there is nothing to compare with.
 */
export function opensslDecoded(oid: string, lines: string[]): boolean {
  const first = lines[0] ?? '';
  switch (oid) {
    case '2.5.29.17':
    case '2.5.29.18':
      return opensslGeneralNames(lines.join(', ')).length > 0 && /^(email|DNS|IP Address|URI|DirName|othername|Registered ID|X400Name|EdiPartyName):/.test(first);
    case '2.5.29.32':
      return first.startsWith('Policy:');
    case '2.5.29.31':
    case '2.5.29.46':
      return /^(Full Name|Relative Name|Reasons|CRL Issuer):/.test(first);
    case '1.3.6.1.5.5.7.1.1':
    case '1.3.6.1.5.5.7.1.11':
      return lines.every((l) => / - /.test(l));
    case '2.5.29.19':
      return first.startsWith('CA:');
    case '2.5.29.14':
    case '2.5.29.35':
      return /^(keyid:)?[0-9A-F]{2}(:[0-9A-F]{2})*$|^(DirName|serial):/.test(first);
    case '2.5.29.15':
      return first.split(', ').every((b) => b in OPENSSL_KEY_USAGE);
    default:
      return lines.length > 0 && /^[\x20-\x7e]*$/.test(lines.join(''));
  }
}

/** Hex with or without colons, any case, without leading zero bytes: how key ids and serials are compared. */
export const plainHex = (s: string) => s.replace(/[^0-9a-fA-F]/g, '').toUpperCase().replace(/^(00)+(?=.)/, '');

/** Reason names ("Key Compromise", "keyCompromise") reduced to one spelling. */
export const reasonKey = (s: string) => s.replace(/\s/g, '').toLowerCase();

/**
 * The values of the extensions the form holds, as OpenSSL's X509V3 config code reads them: the `critical,`
 * prefix, comma lists (X509V3_parse_list), `@section` for alt names, and the names each extension accepts
 * (v3_san.c, v3_bitst.c, v3_extku.c, v3_bcons.c). A value openssl refuses gives a ValueError with its words.
 */
import type { KeyUsageName, SanDto, SanType } from '../../../api/dto';
import { nodeNet } from '../../lazy-builtins';
import { EXTENDED_KEY_USAGES } from '../oids';

/** What openssl says about a bad extension value, and what the user should write instead. */
export class ValueError extends Error {
  /** The line of the @section entry it is about, when it came from one. */
  line: number | undefined;
  constructor(readonly what: string, readonly openssl: string, readonly hint: string) {
    super(what);
  }
  at(line: number | undefined): this {
    this.line = line;
    return this;
  }
}

export interface ListItem {
  name: string;
  value: string | null;
  /** Set for entries of an @section. */
  line?: number;
}

/** `critical,` (openssl's exact spelling, then spaces) in front of the value. */
export function splitCritical(value: string): { critical: boolean; rest: string } {
  return value.startsWith('critical,') ? { critical: true, rest: value.slice(9).trimStart() } : { critical: false, rest: value };
}

/** X509V3_parse_list: "a, b:c, d" → items; spaces around names and values go; empty names are skipped. */
export function parseList(text: string): ListItem[] {
  const out: ListItem[] = [];
  for (const part of text.split(',')) {
    const colon = part.indexOf(':');
    const name = (colon < 0 ? part : part.slice(0, colon)).trim();
    if (colon < 0) {
      if (name) out.push({ name, value: null });
      continue;
    }
    const value = part.slice(colon + 1).trim();
    if (!name) throw new ValueError(`"${part.trim()}" has a value but no name`, 'invalid null name', 'Write type:value, for example DNS:www.example.com.');
    if (!value) throw new ValueError(`"${name}:" has no value`, 'invalid null value', `Write ${name}:something, or remove the item.`);
    out.push({ name, value });
  }
  return out;
}

/** ossl_v3_name_cmp: "DNS", "DNS.1", "DNS.anything" all mean DNS (case matters, as in openssl). */
function sanTypeOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

const SAN_TYPES: Record<string, SanType> = { DNS: 'DNS', IP: 'IP', email: 'email', URI: 'URI' };

export interface SanItems {
  san: SanDto[];
  /** `email:copy` / `email:move`: take emailAddress from the subject, into the list at `at`. */
  copyEmail: { mode: 'copy' | 'move'; at: number } | null;
  /** Names the form cannot hold (RID, dirName, otherName). */
  leftOut: string[];
}

/** One SAN item (from an inline list or an @section) in the form's terms. */
export function sanItems(items: ListItem[]): SanItems {
  const out: SanItems = { san: [], copyEmail: null, leftOut: [] };
  for (const item of items) {
    try {
      sanItem(item, out);
    } catch (e) {
      throw e instanceof ValueError ? e.at(item.line) : e;
    }
  }
  return out;
}

function sanItem({ name, value }: ListItem, out: SanItems): void {
  const kind = sanTypeOf(name);
  if (kind === 'email' && (value === 'copy' || value === 'move')) {
    out.copyEmail = { mode: value, at: out.san.length };
    return;
  }
  if (kind === 'RID' || kind === 'dirName' || kind === 'otherName') {
    if (value === null) throw new ValueError(`"${name}" has no value`, 'missing value', `Write ${kind}:something, or remove it.`);
    out.leftOut.push(`${kind}:${value}`);
    return;
  }
  const type = SAN_TYPES[kind];
  if (!type) {
    const near = Object.keys(SAN_TYPES).find((t) => t.toLowerCase() === kind.toLowerCase());
    throw new ValueError(`"${name}" is not a name type openssl knows`, `unsupported option: name=${name}`, near ? `openssl spells it ${near} (case matters).` : 'Use DNS, IP, email or URI (or DNS.1, IP.1 ... in an @section).');
  }
  if (value === null || value === '') throw new ValueError(`"${name}" has no value`, 'missing value', `Write ${kind}:something, or remove it.`);
  if (type === 'IP' && !nodeNet().isIP(value)) throw new ValueError(`"${value}" is not an IPv4 or IPv6 address`, `bad ip address: value=${value}`, 'Write an address such as 192.0.2.10 or 2001:db8::10, or use DNS: for a host name.');
  out.san.push({ type, value });
}

const KEY_USAGES: Record<string, KeyUsageName> = {
  digitalSignature: 'digitalSignature',
  'Digital Signature': 'digitalSignature',
  nonRepudiation: 'nonRepudiation',
  'Non Repudiation': 'nonRepudiation',
  keyEncipherment: 'keyEncipherment',
  'Key Encipherment': 'keyEncipherment',
  dataEncipherment: 'dataEncipherment',
  'Data Encipherment': 'dataEncipherment',
  keyAgreement: 'keyAgreement',
  'Key Agreement': 'keyAgreement',
  keyCertSign: 'keyCertSign',
  'Certificate Sign': 'keyCertSign',
  cRLSign: 'cRLSign',
  'CRL Sign': 'cRLSign',
  encipherOnly: 'encipherOnly',
  'Encipher Only': 'encipherOnly',
  decipherOnly: 'decipherOnly',
  'Decipher Only': 'decipherOnly',
};

export function keyUsages(items: ListItem[]): KeyUsageName[] {
  const out: KeyUsageName[] = [];
  for (const { name } of items) {
    const ku = KEY_USAGES[name];
    if (!ku) {
      const near = Object.keys(KEY_USAGES).find((k) => k.toLowerCase() === name.toLowerCase());
      throw new ValueError(`"${name}" is not a key usage openssl knows`, `unknown bit string argument: ${name}`, near ? `openssl spells it ${KEY_USAGES[near]} (case matters).` : 'Use digitalSignature, keyEncipherment, keyAgreement, dataEncipherment, nonRepudiation, keyCertSign or cRLSign.');
    }
    if (!out.includes(ku)) out.push(ku);
  }
  return out;
}

/** OpenSSL's names for extended key usages (short and long) → OID. */
const EKU_NAMES: Record<string, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  'TLS Web Server Authentication': '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  'TLS Web Client Authentication': '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  'Code Signing': '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  'E-mail Protection': '1.3.6.1.5.5.7.3.4',
  ipsecEndSystem: '1.3.6.1.5.5.7.3.5',
  'IPSec End System': '1.3.6.1.5.5.7.3.5',
  ipsecTunnel: '1.3.6.1.5.5.7.3.6',
  'IPSec Tunnel': '1.3.6.1.5.5.7.3.6',
  ipsecUser: '1.3.6.1.5.5.7.3.7',
  'IPSec User': '1.3.6.1.5.5.7.3.7',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  'Time Stamping': '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
  'OCSP Signing': '1.3.6.1.5.5.7.3.9',
  ipsecIKE: '1.3.6.1.5.5.7.3.17',
  'ipsec Internet Key Exchange': '1.3.6.1.5.5.7.3.17',
  anyExtendedKeyUsage: '2.5.29.37.0',
  'Any Extended Key Usage': '2.5.29.37.0',
  msCodeInd: '1.3.6.1.4.1.311.2.1.21',
  'Microsoft Individual Code Signing': '1.3.6.1.4.1.311.2.1.21',
  msCodeCom: '1.3.6.1.4.1.311.2.1.22',
  'Microsoft Commercial Code Signing': '1.3.6.1.4.1.311.2.1.22',
  msCTLSign: '1.3.6.1.4.1.311.10.3.1',
  'Microsoft Trust List Signing': '1.3.6.1.4.1.311.10.3.1',
  msSGC: '1.3.6.1.4.1.311.10.3.3',
  'Microsoft Server Gated Crypto': '1.3.6.1.4.1.311.10.3.3',
  msEFS: '1.3.6.1.4.1.311.10.3.4',
  'Microsoft Encrypted File System': '1.3.6.1.4.1.311.10.3.4',
  nsSGC: '2.16.840.1.113730.4.1',
  'Netscape Server Gated Crypto': '2.16.840.1.113730.4.1',
  msSmartcardLogin: '1.3.6.1.4.1.311.20.2.2',
  'Microsoft Smartcard Login': '1.3.6.1.4.1.311.20.2.2',
};

const DOTTED = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** The form's name for an EKU OID: the short name Certbench's reader prints, else the dotted OID. */
export const ekuFormName = (oid: string) => EXTENDED_KEY_USAGES[oid] ?? oid;

/** The OID of an EKU the form holds (short name or dotted OID), or null. */
export function ekuOid(name: string): string | null {
  if (DOTTED.test(name)) return name;
  return EKU_NAMES[name] ?? Object.entries(EXTENDED_KEY_USAGES).find(([, n]) => n === name)?.[0] ?? null;
}

export function extendedKeyUsages(items: ListItem[]): string[] {
  const out = new Set<string>();
  for (const { name, value } of items) {
    const text = value ?? name;
    const oid = ekuOid(text);
    if (!oid) throw new ValueError(`"${text}" is not an extended key usage openssl knows`, `invalid object identifier: value=${text}`, 'Use serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning or a dotted OID.');
    out.add(ekuFormName(oid));
  }
  return [...out];
}

const TRUE = ['TRUE', 'true', 'Y', 'y', 'YES', 'yes'];
const FALSE = ['FALSE', 'false', 'N', 'n', 'NO', 'no'];

export function basicConstraints(items: ListItem[]): { ca: boolean; pathLength: number | null } {
  let ca = false;
  let pathLength: number | null = null;
  for (const { name, value } of items) {
    if (name === 'CA') {
      if (value !== null && TRUE.includes(value)) ca = true;
      else if (value !== null && FALSE.includes(value)) ca = false;
      else throw new ValueError(`"CA:${value ?? ''}" needs TRUE or FALSE`, `invalid boolean string: ${value ?? ''}`, 'Write CA:TRUE or CA:FALSE.');
    } else if (name === 'pathlen') {
      if (value === null || !/^[0-9]{1,9}$/.test(value)) throw new ValueError(`"pathlen:${value ?? ''}" needs a whole number`, `invalid number: ${value ?? ''}`, 'Write pathlen:0 (only end-entity certificates below) or a larger number.');
      pathLength = Number(value);
    } else {
      throw new ValueError(`"${name}" is not part of basicConstraints`, `invalid name: ${name}`, 'Write CA:TRUE or CA:FALSE, optionally with pathlen:N.');
    }
  }
  return { ca, pathLength };
}

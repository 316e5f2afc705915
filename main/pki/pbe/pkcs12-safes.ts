/**
 * The PKCS#12 container structure (RFC 7292 sections 4 and 4.2): PFX -> AuthenticatedSafe -> SafeContents
 * -> SafeBags. Pure parsing; decryption is done by the reader with the parts this module exposes.
 */
import { PkiError, corrupt } from '../errors';
import {
  type Node,
  bmpString,
  encoded,
  explicit,
  implicitOctets,
  integer,
  isContext,
  octets,
  oid,
  parse,
  sequence,
} from '../der/asn1';
import { hex } from '../der/der';
import { pbeSchemeFromNode } from './index';
import { type MacSpec, parseMacData } from './pkcs12-mac';
import { describeOid } from './oids';
import type { PbeScheme } from './scheme';

export const CT = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
};

export const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  crl: '1.2.840.113549.1.12.10.1.4',
  secret: '1.2.840.113549.1.12.10.1.5',
  safeContents: '1.2.840.113549.1.12.10.1.6',
};

export const ATTR = {
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  oracleTrustedKeyUsage: '2.16.840.1.113894.746875.1.1',
};

export const X509_CERT = '1.2.840.113549.1.9.22.1';
const X509_CRL = '1.2.840.113549.1.9.23.1';

/** One ContentInfo of the AuthenticatedSafe. */
export type SafePart =
  | { kind: 'plain'; location: string; contents: Uint8Array }
  | { kind: 'encrypted'; location: string; scheme: PbeScheme; data: Uint8Array }
  | { kind: 'unsupported'; location: string; error: PkiError };

export interface PfxStructure {
  /** The bytes the MAC covers: the AuthenticatedSafe encoding inside the outer OCTET STRING. */
  authSafe: Uint8Array;
  parts: SafePart[];
  mac?: MacSpec;
}

export interface BagAttributes {
  alias?: string;
  localKeyId?: string;
  trusted?: boolean;
}

export type SafeBag = BagAttributes & { location: string } & (
    | { kind: 'key'; pkcs8: Uint8Array }
    | { kind: 'shroudedKey'; scheme: PbeScheme; data: Uint8Array }
    /** Java keytool's secret keys: a secretBag holding an EncryptedPrivateKeyInfo of a PKCS#8-shaped secret. */
    | { kind: 'shroudedSecret'; scheme: PbeScheme; data: Uint8Array }
    | { kind: 'certificate'; der: Uint8Array }
    | { kind: 'crl'; der: Uint8Array }
    | { kind: 'unsupported'; what: string; error: PkiError }
  );

/** Cheap check: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data | signedData ... } } in the first bytes. */
export function looksLikePfx(bytes: Uint8Array): boolean {
  const headerLength = (at: number): number => {
    const first = bytes[at + 1];
    if (first === undefined) return -1;
    if (first < 0x80) return 2;
    if (first === 0x80) return 2; // BER indefinite length
    const n = first & 0x7f;
    return n > 4 ? -1 : 2 + n;
  };
  if (bytes[0] !== 0x30) return false;
  let at = headerLength(0);
  if (at < 0 || bytes[at] !== 0x02 || bytes[at + 1] !== 0x01 || bytes[at + 2] !== 0x03) return false;
  at += 3;
  if (bytes[at] !== 0x30) return false;
  const inner = headerLength(at);
  if (inner < 0) return false;
  at += inner;
  // OID 1.2.840.113549.1.7.1 (data) or .2 (signedData)
  const prefix = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07];
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  const last = bytes[at + prefix.length];
  return last === 0x01 || last === 0x02;
}

export function parsePfx(bytes: Uint8Array): PfxStructure {
  const [versionNode, authSafeInfo, macNode] = sequence(parse(bytes, 'the PKCS#12 file', 'ber'), 'the PKCS#12 file', 2);
  const version = integer(versionNode, 'the PKCS#12 version');
  if (version !== 3) throw corrupt(`the PKCS#12 version is ${version}, expected 3`);
  const [typeNode, contentNode] = sequence(authSafeInfo, 'the PKCS#12 content', 1);
  const type = oid(typeNode, 'the PKCS#12 content type');
  if (type === CT.signedData) {
    throw new PkiError(
      'UNSUPPORTED_ALGORITHM',
      'This PKCS#12 file uses public-key integrity mode (signedData), which Certbench cannot read.',
      'Re-export it with password integrity (the usual mode).',
    );
  }
  if (type !== CT.data) throw corrupt(`the PKCS#12 content type is ${describeOid(type)}, expected data`);
  const authSafe = octets(explicit(contentNode, 0, 'the PKCS#12 content'), 'the PKCS#12 content');
  const infos = sequence(parse(authSafe, 'the PKCS#12 authenticated safe', 'ber'), 'the PKCS#12 authenticated safe');
  const parts = infos.map((info, i) => parsePart(info, `safe ${i + 1}`));
  return { authSafe, parts, mac: macNode ? parseMacData(macNode) : undefined };
}

function parsePart(info: Node, location: string): SafePart {
  const [typeNode, contentNode] = sequence(info, location, 1);
  const type = oid(typeNode, `${location} content type`);
  if (type === CT.data) {
    return { kind: 'plain', location, contents: octets(explicit(contentNode, 0, location), location) };
  }
  if (type === CT.encryptedData) {
    const [, encInfo] = sequence(explicit(contentNode, 0, location), `${location} encrypted data`, 2);
    const [, algNode, dataNode] = sequence(encInfo, `${location} encrypted content`, 2);
    if (!isContext(dataNode, 0)) return { kind: 'plain', location, contents: new Uint8Array([0x30, 0x00]) };
    const data = implicitOctets(dataNode, 0, `${location} encrypted content`);
    try {
      return { kind: 'encrypted', location, scheme: pbeSchemeFromNode(algNode, location), data };
    } catch (e) {
      if (e instanceof PkiError && e.code === 'UNSUPPORTED_ALGORITHM') return { kind: 'unsupported', location, error: e };
      throw e;
    }
  }
  const what = type === CT.envelopedData ? 'public-key encryption (envelopedData)' : describeOid(type);
  return {
    kind: 'unsupported',
    location,
    error: new PkiError('UNSUPPORTED_ALGORITHM', `Part of the file (${location}) uses ${what}, which Certbench cannot read.`, 'Re-export it with password encryption.'),
  };
}

/** Decodes SafeContents DER into bags, flattening nested safeContentsBags. Throws CORRUPT. */
export function decodeSafeContents(contents: Uint8Array, location: string): SafeBag[] {
  const bags = sequence(parse(contents, `${location} contents`, 'ber'), `${location} contents`);
  return bags.flatMap((bag, i) => decodeBag(bag, `${location}, bag ${i + 1}`));
}

function decodeBag(node: Node, location: string): SafeBag[] {
  const [idNode, valueNode, attrsNode] = sequence(node, location, 2);
  const bagId = oid(idNode, `${location} type`);
  const value = explicit(valueNode, 0, `${location} value`);
  const attrs = { location, ...(attrsNode ? decodeAttributes(attrsNode, location) : {}) };
  switch (bagId) {
    case BAG.key:
      return [{ kind: 'key', pkcs8: encoded(value), ...attrs }];
    case BAG.shroudedKey:
      return [shrouded('shroudedKey', value, location, attrs)];
    case BAG.cert:
    case BAG.crl: {
      const [typeNode, inner] = sequence(value, location, 2);
      const type = oid(typeNode, `${location} type`);
      const expected = bagId === BAG.cert ? X509_CERT : X509_CRL;
      if (type !== expected) return [unsupportedBag(`a ${bagId === BAG.cert ? 'certificate' : 'CRL'} of type ${describeOid(type)}`, attrs)];
      const der = octets(explicit(inner, 0, location), location);
      return [{ kind: bagId === BAG.cert ? 'certificate' : 'crl', der, ...attrs }];
    }
    case BAG.safeContents:
      return sequence(value, location).flatMap((bag, i) => decodeBag(bag, `${location}.${i + 1}`));
    case BAG.secret: {
      const [typeNode, inner] = sequence(value, location, 2);
      const type = oid(typeNode, `${location} secret type`);
      const secretValue = explicit(inner, 0, `${location} secret value`);
      if (type === BAG.shroudedKey) {
        // Java writes the EncryptedPrivateKeyInfo inside an OCTET STRING.
        const epki =
          secretValue.idBlock.tagNumber === 4 ? parse(octets(secretValue, `${location} secret value`), `${location} secret value`, 'ber') : secretValue;
        return [shrouded('shroudedSecret', epki, location, attrs)];
      }
      return [unsupportedBag(`a secret of type ${describeOid(type)} (secretBag)`, attrs)];
    }
    default:
      return [unsupportedBag(`a bag of type ${describeOid(bagId)}`, attrs)];
  }
}

/** An EncryptedPrivateKeyInfo in a bag; an algorithm we cannot decrypt becomes an unsupported entry. */
function shrouded(kind: 'shroudedKey' | 'shroudedSecret', value: Node, location: string, attrs: BagAttributes & { location: string }): SafeBag {
  const [algNode, dataNode] = sequence(value, `${location} encrypted key`, 2);
  const data = octets(dataNode, `${location} encrypted key data`);
  try {
    return { kind, scheme: pbeSchemeFromNode(algNode, location), data, ...attrs };
  } catch (e) {
    if (e instanceof PkiError && e.code === 'UNSUPPORTED_ALGORITHM') return { kind: 'unsupported', what: kind === 'shroudedKey' ? 'private key' : 'secret key', error: e, ...attrs };
    throw e;
  }
}

function unsupportedBag(what: string, attrs: BagAttributes & { location: string }): SafeBag {
  return {
    kind: 'unsupported',
    what,
    error: new PkiError('UNSUPPORTED_ALGORITHM', `The file holds ${what}, which Certbench can list but not read.`, 'Other entries are shown; this one is skipped.'),
    ...attrs,
  };
}

function decodeAttributes(node: Node, location: string): BagAttributes {
  const out: BagAttributes = {};
  for (const attr of sequence(node, `${location} attributes`, 0, true)) {
    const [typeNode, valuesNode] = sequence(attr, `${location} attribute`, 2);
    const type = oid(typeNode, `${location} attribute type`);
    const values = sequence(valuesNode, `${location} attribute values`, 0, true);
    if (values.length === 0) continue;
    if (type === ATTR.friendlyName) out.alias = bmpString(values[0], `${location} friendly name`);
    else if (type === ATTR.localKeyId) out.localKeyId = hex(octets(values[0], `${location} local key id`)).toLowerCase();
    else if (type === ATTR.oracleTrustedKeyUsage) out.trusted = true;
  }
  return out;
}

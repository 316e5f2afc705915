/**
 * The PKCS#12 container structure (RFC 7292 sections 4 and 4.2): PFX -> AuthenticatedSafe -> SafeContents
 * -> SafeBags. Pure parsing; decryption is done by the reader with the parts this module exposes.
 */
import { corrupt } from '../errors';
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
  tryParse,
} from '../der/asn1';
import { hex } from '../der/der';
import { strictDerWithinLimits } from '../der/strict';
import { pbeSchemeFromNode } from './index';
import { parseMacData } from './pkcs12-mac';
import { describeOid } from './oids';
import { decodeSafeContentsDer, parsePfxDer } from './pkcs12-safes-der';
import {
  ATTR,
  BAG,
  CT,
  type BagAttributes,
  type PfxStructure,
  type SafeBag,
  type SafePart,
  X509_CERT,
  X509_CRL,
  encryptedPart,
  shroudedBag,
  signedDataUnsupported,
  unsupportedBag,
  unsupportedPart,
} from './pkcs12-structure';

export { ATTR, BAG, CT, X509_CERT } from './pkcs12-structure';
export type { BagAttributes, PfxStructure, SafeBag, SafePart } from './pkcs12-structure';

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

/** The PFX structure: strict DER is read with the plain TLV reader, anything else (BER) with asn1js. */
export function parsePfx(bytes: Uint8Array): PfxStructure {
  return parsePfxDer(bytes) ?? parsePfxAsn1(bytes);
}

/** The asn1js reader alone (any BER); exported for the test that holds both readers to the same answers. */
export function parsePfxAsn1(bytes: Uint8Array): PfxStructure {
  const [versionNode, authSafeInfo, macNode] = sequence(parse(bytes, 'the PKCS#12 file', 'ber'), 'the PKCS#12 file', 2);
  const version = integer(versionNode, 'the PKCS#12 version');
  if (version !== 3) throw corrupt(`the PKCS#12 version is ${version}, expected 3`);
  const [typeNode, contentNode] = sequence(authSafeInfo, 'the PKCS#12 content', 1);
  const type = oid(typeNode, 'the PKCS#12 content type');
  if (type === CT.signedData) throw signedDataUnsupported();
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
    return encryptedPart(location, data, () => pbeSchemeFromNode(algNode, location));
  }
  return unsupportedPart(location, type === CT.envelopedData ? 'public-key encryption (envelopedData)' : describeOid(type));
}

/** Whether decrypted bytes are a SafeContents (a SEQUENCE, tag number 16): how a right password shows. */
export function looksLikeSafeContents(plain: Uint8Array): boolean {
  const strict = strictDerWithinLimits(plain);
  if (strict) return (strict.tag & 0x1f) === 16;
  return tryParse(plain, 'ber')?.idBlock.tagNumber === 16;
}

/** Decodes SafeContents DER into bags, flattening nested safeContentsBags. Throws CORRUPT. */
export function decodeSafeContents(contents: Uint8Array, location: string): SafeBag[] {
  return decodeSafeContentsDer(contents, location) ?? decodeSafeContentsAsn1(contents, location);
}

/** The asn1js reader alone (any BER); exported for the test that holds both readers to the same answers. */
export function decodeSafeContentsAsn1(contents: Uint8Array, location: string): SafeBag[] {
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

/** An EncryptedPrivateKeyInfo in a bag. */
function shrouded(kind: 'shroudedKey' | 'shroudedSecret', value: Node, location: string, attrs: BagAttributes & { location: string }): SafeBag {
  const [algNode, dataNode] = sequence(value, `${location} encrypted key`, 2);
  const data = octets(dataNode, `${location} encrypted key data`);
  return shroudedBag(kind, data, () => pbeSchemeFromNode(algNode, location), attrs);
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

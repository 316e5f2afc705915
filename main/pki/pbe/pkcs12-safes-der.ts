/**
 * The PKCS#12 container structure read with the plain TLV reader, for files in strict DER (what OpenSSL,
 * Java and Certbench write). asn1js builds an object per element and speculatively parses every OCTET STRING
 * (each certificate inside its bag), which dominated reading a 500-entry PFX; this reads the same fields
 * straight from the bytes. It answers undefined whenever the input is not strict DER (der/strict.ts) or
 * departs from the shapes below in any way, and pkcs12-safes.ts then reads it with asn1js, which also words
 * the errors: both readers give the same parts and bags for every input this one accepts (a test compares
 * them). The caps of limits.ts are checked first, as for asn1js.
 */
import { parse } from '../der/asn1';
import { Tag, type Tlv, bmpText, children, hex, oidOf, value, whole } from '../der/der';
import { strictDerWithinLimits } from '../der/strict';
import { pbeSchemeFromNode, pbeSchemeFromTlv } from './index';
import { describeOid } from './oids';
import { parseMacData } from './pkcs12-mac';
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

const CONTEXT_0 = 0x80;
const CONTEXT_0_CONSTRUCTED = 0xa0;

/** Thrown inside this module when the input leaves the strict shapes; never escapes it. */
class NotStrict extends Error {}
const NOT_STRICT = new NotStrict('not strict DER');

function notStrict(): never {
  throw NOT_STRICT;
}

/** `read` on strict DER, or undefined (the caller reads with asn1js). PkiErrors of shared code pass through. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (e === NOT_STRICT) return undefined;
    throw e;
  }
}

function strictRoot(bytes: Uint8Array): Tlv {
  return strictDerWithinLimits(bytes) ?? notStrict();
}

function fields(t: Tlv | undefined, min: number, tag: number = Tag.Sequence): Tlv[] {
  if (!t || t.tag !== tag) notStrict();
  const c = children(t);
  if (c.length < min) notStrict();
  return c;
}

/** The single element inside an EXPLICIT [0]. */
function explicit0(t: Tlv | undefined): Tlv {
  if (!t || t.tag !== CONTEXT_0_CONSTRUCTED) notStrict();
  const c = children(t);
  if (c.length !== 1) notStrict();
  return c[0];
}

function oid(t: Tlv | undefined): string {
  if (!t || t.tag !== Tag.Oid) notStrict();
  return oidOf(t);
}

/** A copy: the bytes outlive the file's buffer in places that wipe them (the key vault). */
function octets(t: Tlv | undefined, tag: number = Tag.OctetString): Uint8Array {
  if (!t || t.tag !== tag) notStrict();
  return value(t).slice();
}

/** The shared readers of PBE parameters and MacData take asn1js nodes: small ones, parsed on their own. */
const node = (t: Tlv, where: string) => parse(whole(t), where);

/** The PBE of a part or key; unusual parameters are read (and their errors worded) by the asn1js reader. */
const scheme = (algorithm: Tlv, location: string) => pbeSchemeFromTlv(algorithm, location) ?? pbeSchemeFromNode(node(algorithm, location), location);

export function parsePfxDer(bytes: Uint8Array): PfxStructure | undefined {
  return attempt(() => {
    const [version, authSafeInfo, mac] = fields(strictRoot(bytes), 2);
    if (version.tag !== Tag.Integer || version.end - version.valueStart !== 1 || bytes[version.valueStart] !== 3) notStrict();
    const [typeTlv, content] = fields(authSafeInfo, 1);
    const type = oid(typeTlv);
    if (type === CT.signedData) throw signedDataUnsupported();
    if (type !== CT.data) notStrict();
    const authSafe = octets(explicit0(content));
    const parts = fields(strictRoot(authSafe), 0).map((info, i) => parsePart(info, `safe ${i + 1}`));
    return { authSafe, parts, mac: mac ? parseMacData(node(mac, 'the PKCS#12 MAC')) : undefined };
  });
}

function parsePart(info: Tlv, location: string): SafePart {
  const [typeTlv, content] = fields(info, 1);
  const type = oid(typeTlv);
  if (type === CT.data) return { kind: 'plain', location, contents: octets(explicit0(content)) };
  if (type === CT.encryptedData) {
    const [, encInfo] = fields(explicit0(content), 2);
    const [, algorithm, data] = fields(encInfo, 2);
    if (!data || (data.tag & 0xdf) !== CONTEXT_0) return { kind: 'plain', location, contents: new Uint8Array([0x30, 0x00]) };
    const encrypted = octets(data, CONTEXT_0);
    return encryptedPart(location, encrypted, () => scheme(algorithm, location));
  }
  return unsupportedPart(location, type === CT.envelopedData ? 'public-key encryption (envelopedData)' : describeOid(type));
}

export function decodeSafeContentsDer(contents: Uint8Array, location: string): SafeBag[] | undefined {
  return attempt(() => fields(strictRoot(contents), 0).flatMap((bag, i) => decodeBag(bag, `${location}, bag ${i + 1}`)));
}

function decodeBag(bag: Tlv, location: string): SafeBag[] {
  const [idTlv, valueTlv, attrsTlv] = fields(bag, 2);
  const bagId = oid(idTlv);
  const bagValue = explicit0(valueTlv);
  const attrs = { location, ...(attrsTlv ? decodeAttributes(attrsTlv) : {}) };
  switch (bagId) {
    case BAG.key:
      return [{ kind: 'key', pkcs8: whole(bagValue).slice(), ...attrs }];
    case BAG.shroudedKey:
      return [shrouded('shroudedKey', bagValue, location, attrs)];
    case BAG.cert:
    case BAG.crl: {
      const [typeTlv, inner] = fields(bagValue, 2);
      const type = oid(typeTlv);
      const expected = bagId === BAG.cert ? X509_CERT : X509_CRL;
      if (type !== expected) return [unsupportedBag(`a ${bagId === BAG.cert ? 'certificate' : 'CRL'} of type ${describeOid(type)}`, attrs)];
      const der = octets(explicit0(inner));
      return [{ kind: bagId === BAG.cert ? 'certificate' : 'crl', der, ...attrs }];
    }
    case BAG.safeContents:
      return fields(bagValue, 0).flatMap((nested, i) => decodeBag(nested, `${location}.${i + 1}`));
    case BAG.secret: {
      const [typeTlv, inner] = fields(bagValue, 2);
      const type = oid(typeTlv);
      const secretValue = explicit0(inner);
      if (type !== BAG.shroudedKey) return [unsupportedBag(`a secret of type ${describeOid(type)} (secretBag)`, attrs)];
      // Java writes the EncryptedPrivateKeyInfo inside an OCTET STRING.
      if ((secretValue.tag & 0x1f) !== Tag.OctetString) return [shrouded('shroudedSecret', secretValue, location, attrs)];
      return [shrouded('shroudedSecret', strictRoot(octets(secretValue)), location, attrs)];
    }
    default:
      return [unsupportedBag(`a bag of type ${describeOid(bagId)}`, attrs)];
  }
}

/** An EncryptedPrivateKeyInfo: { AlgorithmIdentifier, OCTET STRING }. */
function shrouded(kind: 'shroudedKey' | 'shroudedSecret', epki: Tlv, location: string, attrs: BagAttributes & { location: string }): SafeBag {
  const [algorithm, dataTlv] = fields(epki, 2);
  const data = octets(dataTlv);
  return shroudedBag(kind, data, () => scheme(algorithm, location), attrs);
}

function decodeAttributes(set: Tlv): BagAttributes {
  const out: BagAttributes = {};
  for (const attribute of fields(set, 0, Tag.Set)) {
    const [typeTlv, valuesTlv] = fields(attribute, 2);
    const type = oid(typeTlv);
    const values = fields(valuesTlv, 0, Tag.Set);
    if (values.length === 0) continue;
    if (type === ATTR.friendlyName) out.alias = bmpText(octets(values[0], Tag.BmpString));
    else if (type === ATTR.localKeyId) out.localKeyId = hex(octets(values[0])).toLowerCase();
    else if (type === ATTR.oracleTrustedKeyUsage) out.trusted = true;
  }
  return out;
}

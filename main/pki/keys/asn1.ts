/**
 * Thin, strict helpers over asn1js for the key codecs. Parsing never throws anything but PkiError CORRUPT
 * (naming `where`); the `is*` probes never throw at all, so structure sniffing can try shapes freely.
 */
import * as asn1js from 'asn1js';
import { corrupt } from '../errors';

export type Node = asn1js.AsnType;

const UNIVERSAL = 1;
const CONTEXT = 3;

/** One element that fills `bytes` exactly, or undefined (garbage, truncation, trailing bytes). */
export function tryParse(bytes: Uint8Array): Node | undefined {
  if (bytes.length < 2) return undefined;
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes);
  } catch {
    return undefined;
  }
  if (parsed.offset !== bytes.length || parsed.result.error || !wellFormed(parsed.result)) return undefined;
  return parsed.result;
}

export function parse(bytes: Uint8Array, where: string): Node {
  const node = tryParse(bytes);
  if (!node) throw corrupt(`${where} is not valid DER (truncated or garbled)`);
  return node;
}

/** asn1js records some inner errors on nested blocks instead of failing the parse; so does indefinite length. */
function wellFormed(node: Node): boolean {
  if ((node as asn1js.BaseBlock).error || node.lenBlock.isIndefiniteForm) return false;
  const value = (node as { valueBlock?: { value?: unknown; error?: string } }).valueBlock;
  if (value?.error) return false;
  if (node.idBlock.isConstructed && Array.isArray(value?.value)) return (value.value as Node[]).every(wellFormed);
  return true;
}

export function isUniversal(node: Node | undefined, tag: number): node is Node {
  return !!node && node.idBlock.tagClass === UNIVERSAL && node.idBlock.tagNumber === tag;
}

export function isContext(node: Node | undefined, tag: number): node is Node {
  return !!node && node.idBlock.tagClass === CONTEXT && node.idBlock.tagNumber === tag;
}

export const isSequence = (node: Node | undefined): node is asn1js.Sequence =>
  isUniversal(node, 16) && node.idBlock.isConstructed;
export const isInteger = (node: Node | undefined): node is asn1js.Integer => node instanceof asn1js.Integer;
export const isOid = (node: Node | undefined): node is asn1js.ObjectIdentifier => node instanceof asn1js.ObjectIdentifier;
export const isOctetString = (node: Node | undefined): node is asn1js.OctetString =>
  isUniversal(node, 4) && !node.idBlock.isConstructed;
export const isBitString = (node: Node | undefined): node is asn1js.BitString =>
  isUniversal(node, 3) && !node.idBlock.isConstructed;

/** Children of a SEQUENCE, or undefined when it is not one. */
export function children(node: Node | undefined): Node[] | undefined {
  return isSequence(node) ? node.valueBlock.value : undefined;
}

export function bigint(node: Node | undefined, where: string): bigint {
  if (!isInteger(node)) throw corrupt(`${where} should be an INTEGER`);
  return node.toBigInt();
}

/** A small INTEGER as a number, or undefined when not an INTEGER or too big to matter. */
export function smallInt(node: Node | undefined): number | undefined {
  if (!isInteger(node) || node.valueBlock.valueHexView.length > 6) return undefined;
  return Number(node.toBigInt());
}

export function oid(node: Node | undefined, where: string): string {
  if (!isOid(node)) throw corrupt(`${where} should be an OBJECT IDENTIFIER`);
  return node.valueBlock.toString();
}

export function octets(node: Node | undefined, where: string): Uint8Array {
  if (!isOctetString(node)) throw corrupt(`${where} should be an OCTET STRING`);
  return new Uint8Array(node.valueBlock.valueHexView);
}

/** Value bytes of a primitive element, whatever its tag (IMPLICIT [n] OCTET STRING, BIT STRING contents). */
export function valueBytes(node: Node): Uint8Array {
  return new Uint8Array((node as asn1js.BaseBlock<asn1js.ValueBlock & { valueHexView: Uint8Array }>).valueBlock.valueHexView ?? []);
}

/** DER encoding of a parsed element, exactly as it appeared in the input. */
export function encodedBytes(node: Node): Uint8Array {
  return new Uint8Array(node.valueBeforeDecodeView);
}

export function encode(node: Node): Uint8Array {
  return new Uint8Array(node.toBER(false));
}

export const build = {
  sequence: (...value: Node[]) => new asn1js.Sequence({ value }),
  integer: (value: bigint | number) => asn1js.Integer.fromBigInt(value),
  oid: (value: string) => new asn1js.ObjectIdentifier({ value }),
  null: () => new asn1js.Null(),
  octets: (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: bytes }),
  bitString: (bytes: Uint8Array) => new asn1js.BitString({ valueHex: bytes }),
  /** Re-embeds an already-encoded element verbatim. */
  raw: (der: Uint8Array) => asn1js.fromBER(der).result,
};

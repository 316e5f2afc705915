/**
 * Strict helpers over asn1js, for the structures read off the hot path (keys, PBE, PKCS#12, keystores) and
 * for building DER. Parsing never throws anything but PkiError (CORRUPT naming `where`, or a cap of limits.ts);
 * the `is*` probes and `children` never throw at all, so structure sniffing can try shapes freely.
 */
import * as asn1js from 'asn1js';
import { corrupt } from '../errors';
import { bmpText } from './der';
import { MAX_DER_DEPTH, MAX_DER_ELEMENTS } from './limits';
import { scanLimits } from './scan-limits';

export type Node = asn1js.AsnType;

/** 'ber' also admits indefinite lengths: RFC 7292 allows them and some PKCS#12 writers use them. */
export type Rules = 'der' | 'ber';

const UNIVERSAL = 1;
const CONTEXT = 3;

/**
 * asn1js with our caps (scanLimits reports them first, in words) and without its speculative parsing of
 * BIT STRING contents, which nothing here uses.
 */
export const FROM_BER_OPTIONS = { maxDepth: MAX_DER_DEPTH + 8, maxNodes: 2 * MAX_DER_ELEMENTS + 16, parseEmbedded: false };

/**
 * One element that fills `bytes` exactly, or undefined (garbage, truncation, trailing bytes). Throws only
 * the PkiErrors of limits.ts, for input past a cap (too deep, too many elements, absurd OIDs).
 */
export function tryParse(bytes: Uint8Array, rules: Rules = 'der'): Node | undefined {
  if (bytes.length < 2) return undefined;
  if (lastLarge && lastLarge.rules === rules && sameBytes(lastLarge.copy, bytes)) return lastLarge.node;
  const node = parseUncached(bytes, rules);
  if (bytes.length >= CACHE_MIN && bytes.length <= CACHE_MAX) lastLarge = { copy: bytes.slice(), rules, node };
  return node;
}

/**
 * The reader probes a structure's shape and then decodes it: the same large input is parsed twice in a row
 * (a 300 KB key: 50,000 asn1js objects each time). One entry, compared by content (a copy, so an input
 * changed in place is parsed afresh), so at most one tree is kept alive.
 */
const CACHE_MIN = 16 * 1024;
const CACHE_MAX = 4 * 1024 * 1024;
let lastLarge: { copy: Uint8Array; rules: Rules; node: Node | undefined } | null = null;

/** Drops the remembered parse: a decrypted key's bytes must not outlive the read that needed them. */
export function forgetLastParse(): void {
  lastLarge = null;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

function parseUncached(bytes: Uint8Array, rules: Rules): Node | undefined {
  scanLimits(bytes);
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes, FROM_BER_OPTIONS);
  } catch {
    return undefined;
  }
  if (parsed.offset !== bytes.length || parsed.result.error || !wellFormed(parsed.result, rules)) return undefined;
  return parsed.result;
}

export function parse(bytes: Uint8Array, where: string, rules: Rules = 'der'): Node {
  const node = tryParse(bytes, rules);
  if (!node) throw corrupt(`${where} is not valid ${rules === 'der' ? 'DER' : 'ASN.1'} (truncated or garbled)`);
  return node;
}

/**
 * asn1js records some inner errors on nested blocks instead of failing the parse. Primitive strings are not
 * descended into: asn1js speculatively parses their contents, which may be anything (ciphertext).
 */
function wellFormed(node: Node, rules: Rules): boolean {
  if ((node as asn1js.BaseBlock).error || (rules === 'der' && node.lenBlock.isIndefiniteForm)) return false;
  const value = (node as { valueBlock?: { value?: unknown; error?: string } }).valueBlock;
  if (value?.error) return false;
  if (node.idBlock.isConstructed && Array.isArray(value?.value)) return (value.value as Node[]).every((n) => wellFormed(n, rules));
  return true;
}

function isUniversal(node: Node | undefined, tag: number): node is Node {
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
export const isNull = (node: Node | undefined): node is asn1js.Null => isUniversal(node, 5);

/** Children of a SEQUENCE, or undefined when it is not one. */
export function children(node: Node | undefined): Node[] | undefined {
  return isSequence(node) ? node.valueBlock.value : undefined;
}

/** Children of a SEQUENCE (or SET when `set`), checking a minimum count. */
export function sequence(node: Node | undefined, where: string, min = 0, set = false): Node[] {
  if (!isUniversal(node, set ? 17 : 16) || !node.idBlock.isConstructed) {
    throw corrupt(`${where} should be a ${set ? 'SET' : 'SEQUENCE'}`);
  }
  const value = (node as asn1js.Constructed).valueBlock.value;
  if (value.length < min) throw corrupt(`${where} has ${value.length} fields, expected at least ${min}`);
  return value;
}

/** The single element inside an EXPLICIT context tag [n]. */
export function explicit(node: Node | undefined, tag: number, where: string): Node {
  if (!isContext(node, tag) || !node.idBlock.isConstructed) throw corrupt(`${where} should be tagged [${tag}]`);
  const inner = (node as asn1js.Constructed).valueBlock.value;
  if (inner.length !== 1) throw corrupt(`${where} should hold exactly one element`);
  return inner[0];
}

export function bigint(node: Node | undefined, where: string): bigint {
  if (!isInteger(node)) throw corrupt(`${where} should be an INTEGER`);
  return node.toBigInt();
}

/** A non-negative INTEGER that fits a JS number safely. */
export function integer(node: Node | undefined, where: string): number {
  const value = bigint(node, where);
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`${where} is out of range`);
  return Number(value);
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

/** OCTET STRING contents, joining the pieces of a BER constructed OCTET STRING. */
export function octets(node: Node | undefined, where: string): Uint8Array {
  if (!isUniversal(node, 4)) throw corrupt(`${where} should be an OCTET STRING`);
  return stringBytes(node, where);
}

/** Contents of an IMPLICIT [n] OCTET STRING (primitive or constructed). */
export function implicitOctets(node: Node | undefined, tag: number, where: string): Uint8Array {
  if (!isContext(node, tag)) throw corrupt(`${where} should be tagged [${tag}]`);
  return stringBytes(node, where);
}

/** BMPString (UTF-16BE) text, as used for PKCS#12 friendlyName. */
export function bmpString(node: Node | undefined, where: string): string {
  if (!isUniversal(node, 30)) throw corrupt(`${where} should be a BMPString`);
  return bmpText(stringBytes(node, where));
}

/** A BER constructed string is a run of OCTET STRING pieces. */
function stringBytes(node: Node, where: string): Uint8Array {
  if (!node.idBlock.isConstructed) return valueBytes(node);
  const pieces = (node as asn1js.Constructed).valueBlock.value.map((p) => octets(p, where));
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Value bytes of a primitive element, whatever its tag (IMPLICIT [n] OCTET STRING, BIT STRING contents). */
export function valueBytes(node: Node): Uint8Array {
  return new Uint8Array((node as asn1js.BaseBlock<asn1js.ValueBlock & { valueHexView: Uint8Array }>).valueBlock.valueHexView ?? []);
}

/** The encoding of a parsed element exactly as it appeared in the input (for re-hashing or handing on). */
export function encoded(node: Node): Uint8Array {
  return new Uint8Array(node.valueBeforeDecodeView);
}

/** DER of a built element. */
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
};

/**
 * Small, strict readers over asn1js for the PBE and PKCS#12 code: each takes a `where` so a malformed
 * structure becomes a CORRUPT error that says which part of the file is wrong.
 */
import * as asn1js from 'asn1js';
import { corrupt } from '../errors';

export type Asn1Node = asn1js.AsnType;

const UNIVERSAL = 1;
const CONTEXT = 3;

/** Parses exactly one BER/DER element that must fill `bytes`. */
export function parseDer(bytes: Uint8Array, where: string): Asn1Node {
  const node = tryParseDer(bytes);
  if (!node) throw corrupt(`${where} is not valid ASN.1 (truncated or garbled)`);
  return node;
}

/** Like parseDer but returns undefined instead of throwing: used to probe decrypted bytes. */
export function tryParseDer(bytes: Uint8Array): Asn1Node | undefined {
  if (bytes.length === 0) return undefined;
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes);
  } catch {
    return undefined;
  }
  if (parsed.offset !== bytes.length || parsed.result.error) return undefined;
  if (!checkTree(parsed.result)) return undefined;
  return parsed.result;
}

/** asn1js records some inner errors on the nested blocks instead of failing the whole parse. */
function checkTree(node: asn1js.AsnType): boolean {
  if ((node as asn1js.BaseBlock).error) return false;
  const value = (node as { valueBlock?: { value?: unknown; error?: string } }).valueBlock;
  if (value?.error) return false;
  if (Array.isArray(value?.value)) return (value.value as asn1js.AsnType[]).every(checkTree);
  return true;
}

function isUniversal(node: Asn1Node, tag: number): boolean {
  return node.idBlock.tagClass === UNIVERSAL && node.idBlock.tagNumber === tag;
}

/** Children of a SEQUENCE (or SET when `set`), checking a minimum count. */
export function sequence(node: Asn1Node | undefined, where: string, min = 0, set = false): Asn1Node[] {
  if (!node || !isUniversal(node, set ? 17 : 16) || !node.idBlock.isConstructed) {
    throw corrupt(`${where} should be a ${set ? 'SET' : 'SEQUENCE'}`);
  }
  const children = (node as asn1js.Constructed).valueBlock.value;
  if (children.length < min) throw corrupt(`${where} has ${children.length} fields, expected at least ${min}`);
  return children;
}

export function oid(node: Asn1Node | undefined, where: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw corrupt(`${where} should be an OBJECT IDENTIFIER`);
  return node.valueBlock.toString();
}

/** A non-negative INTEGER that fits a JS number safely. */
export function integer(node: Asn1Node | undefined, where: string): number {
  if (!(node instanceof asn1js.Integer)) throw corrupt(`${where} should be an INTEGER`);
  const value = node.toBigInt();
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`${where} is out of range`);
  return Number(value);
}

/** OCTET STRING contents, joining the pieces of a BER constructed OCTET STRING. */
export function octets(node: Asn1Node | undefined, where: string): Uint8Array {
  if (!node || !isUniversal(node, 4)) throw corrupt(`${where} should be an OCTET STRING`);
  return octetContent(node, where);
}

function octetContent(node: Asn1Node, where: string): Uint8Array {
  if (!node.idBlock.isConstructed) return new Uint8Array((node as asn1js.OctetString).valueBlock.valueHexView);
  const pieces = (node as unknown as asn1js.Constructed).valueBlock.value.map((p) => octets(p, where));
  return concat(pieces);
}

/** The single element inside an EXPLICIT context tag [n]. */
export function explicit(node: Asn1Node | undefined, tag: number, where: string): Asn1Node {
  if (!node || node.idBlock.tagClass !== CONTEXT || node.idBlock.tagNumber !== tag || !node.idBlock.isConstructed) {
    throw corrupt(`${where} should be tagged [${tag}]`);
  }
  const inner = (node as asn1js.Constructed).valueBlock.value;
  if (inner.length !== 1) throw corrupt(`${where} should hold exactly one element`);
  return inner[0];
}

/** Contents of an IMPLICIT [n] OCTET STRING (primitive or constructed). */
export function implicitOctets(node: Asn1Node | undefined, tag: number, where: string): Uint8Array {
  if (!node || node.idBlock.tagClass !== CONTEXT || node.idBlock.tagNumber !== tag) throw corrupt(`${where} should be tagged [${tag}]`);
  if (!node.idBlock.isConstructed) return new Uint8Array((node as asn1js.Primitive).valueBlock.valueHexView);
  return concat((node as asn1js.Constructed).valueBlock.value.map((p) => octets(p, where)));
}

export function isContextTag(node: Asn1Node | undefined, tag: number): boolean {
  return !!node && node.idBlock.tagClass === CONTEXT && node.idBlock.tagNumber === tag;
}

export function isNull(node: Asn1Node | undefined): boolean {
  return !!node && isUniversal(node, 5);
}

/** BMPString (UTF-16BE) text, as used for PKCS#12 friendlyName. */
export function bmpString(node: Asn1Node | undefined, where: string): string {
  if (!node || !isUniversal(node, 30)) throw corrupt(`${where} should be a BMPString`);
  const raw = node.idBlock.isConstructed ? octetContent(node, where) : (node as asn1js.BmpString).valueBlock.valueHexView;
  let text = '';
  for (let i = 0; i + 1 < raw.length; i += 2) text += String.fromCharCode((raw[i] << 8) | raw[i + 1]);
  // Some writers include a terminating NUL in friendly names.
  return text.replace(/\u0000+$/, '');
}

/** The exact encoding of a node as it appeared in the input (for re-hashing or handing on). */
export function encoded(node: Asn1Node): Uint8Array {
  return new Uint8Array(node.valueBeforeDecodeView);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A DER tree for structural mutations: change one element and re-encode, so every length around it stays
 * consistent and the change reaches deep code instead of failing the first length check. OCTET STRING and
 * BIT STRING contents that are themselves DER (extensions, keys, PKCS#12 safes) are parsed as trees too.
 */
import { concat, lengthBytes } from './tlv';

export type DerNode =
  | { kind: 'primitive'; id: Uint8Array; value: Uint8Array }
  | { kind: 'constructed'; id: Uint8Array; children: DerNode[] }
  /** OCTET/BIT STRING holding DER; `prefix` is the BIT STRING unused-bits byte. */
  | { kind: 'wrapped'; id: Uint8Array; prefix: Uint8Array; inner: DerNode };

const MAX_PARSE_DEPTH = 40;

/** The tree of DER that fills `bytes` exactly, or null. Never throws. */
export function parseTree(bytes: Uint8Array): DerNode | null {
  const r = parseAt(bytes, 0, bytes.length, 0);
  return r && r.end === bytes.length ? r.node : null;
}

function parseAt(bytes: Uint8Array, at: number, limit: number, depth: number): { node: DerNode; end: number } | null {
  if (depth > MAX_PARSE_DEPTH || at + 2 > limit) return null;
  let p = at + 1;
  if ((bytes[at] & 0x1f) === 0x1f) {
    while (p < limit && bytes[p] & 0x80) p++;
    p++;
  }
  if (p >= limit) return null;
  const id = bytes.subarray(at, p);
  let len = bytes[p++];
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p + i];
    p += n;
  }
  const end = p + len;
  if (end > limit) return null;
  if (bytes[at] & 0x20) {
    const children: DerNode[] = [];
    for (let c = p; c < end; ) {
      const r = parseAt(bytes, c, end, depth + 1);
      if (!r) return null;
      children.push(r.node);
      c = r.end;
    }
    return { node: { kind: 'constructed', id, children }, end };
  }
  const value = bytes.subarray(p, end);
  const tag = bytes[at];
  if ((tag === 0x04 || (tag === 0x03 && value[0] === 0)) && value.length > 2) {
    const prefix = tag === 0x03 ? value.subarray(0, 1) : new Uint8Array(0);
    const body = value.subarray(prefix.length);
    if (body[0] === 0x30 || body[0] === 0x31 || body[0] === 0x04 || body[0] === 0x02) {
      const inner = parseAt(body, 0, body.length, depth + 1);
      if (inner && inner.end === body.length) return { node: { kind: 'wrapped', id, prefix, inner: inner.node }, end };
    }
  }
  return { node: { kind: 'primitive', id, value }, end };
}

export function encodeTree(node: DerNode): Uint8Array {
  const value =
    node.kind === 'primitive' ? node.value : node.kind === 'constructed' ? concat(node.children.map(encodeTree)) : concat([node.prefix, encodeTree(node.inner)]);
  return concat([node.id, lengthBytes(value.length), value]);
}

/** Every node with its parent (null for the root), depth first. */
export function allNodes(root: DerNode): Array<{ node: DerNode; parent: DerNode | null }> {
  const out: Array<{ node: DerNode; parent: DerNode | null }> = [];
  const visit = (node: DerNode, parent: DerNode | null) => {
    out.push({ node, parent });
    if (node.kind === 'constructed') for (const c of node.children) visit(c, node);
    else if (node.kind === 'wrapped') visit(node.inner, node);
  };
  visit(root, null);
  return out;
}

/** Puts `next` where `node` was under `parent` (or returns it as the new root). */
export function replaceNode(root: DerNode, parent: DerNode | null, node: DerNode, next: DerNode): DerNode {
  if (!parent) return next;
  if (parent.kind === 'constructed') parent.children = parent.children.map((c) => (c === node ? next : c));
  else if (parent.kind === 'wrapped') parent.inner = next;
  return root;
}

/**
 * Mutations of one input: byte-level (bit flips, truncation, splices), DER-aware (inflated lengths, depth
 * bombs, huge counts and integers, long OIDs, grafts from other files) and PEM-aware (mutate the DER inside
 * a block, relabel blocks, repeat them). Every mutator returns at most MAX_MUTANT_BYTES.
 */
import { parsePemBlocks, toPem } from '../pki/formats/pem-blocks';
import { allNodes, encodeTree, parseTree, replaceNode, type DerNode } from './der-tree';
import type { Rng } from './rng';
import { concat, lengthBytes, longOidValue, nested, nestedIndefinite } from './tlv';

export const MAX_MUTANT_BYTES = 1024 * 1024;

export interface MutationContext {
  rng: Rng;
  /** Other inputs, for splices and grafts. */
  donors: readonly Uint8Array[];
}

type Mutator = (input: Uint8Array, ctx: MutationContext) => Uint8Array | null;

const INTERESTING_BYTES = [0x00, 0x01, 0x02, 0x04, 0x05, 0x06, 0x30, 0x31, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xa0, 0xff];
const HUGE_INTEGERS = [
  [0x7f, 0xff, 0xff, 0xff],
  [0x00, 0xff, 0xff, 0xff, 0xff],
  [0x00, 0x80, 0x00, 0x00, 0x00],
  [0xff],
  [0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x00],
  [],
  [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
];
const PEM_LABELS = ['CERTIFICATE', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE REQUEST', 'X509 CRL', 'PKCS7', 'TRUSTED CERTIFICATE', 'CMS'];

const bitFlip: Mutator = (input, { rng }) => {
  if (input.length === 0) return null;
  const out = input.slice();
  for (let n = 1 + rng.below(8); n > 0; n--) out[rng.below(out.length)] ^= 1 << rng.below(8);
  return out;
};

const interestingByte: Mutator = (input, { rng }) => {
  if (input.length === 0) return null;
  const out = input.slice();
  for (let n = 1 + rng.below(4); n > 0; n--) out[rng.below(out.length)] = rng.pick(INTERESTING_BYTES);
  return out;
};

const truncate: Mutator = (input, { rng }) => {
  if (input.length < 2) return null;
  return rng.chance(0.8) ? input.slice(0, rng.below(input.length)) : input.slice(1 + rng.below(input.length - 1));
};

/** Bytes of another input inserted or written over a random place. */
const splice: Mutator = (input, { rng, donors }) => {
  const donor = rng.pick(donors);
  if (!donor || donor.length === 0) return null;
  const from = rng.below(donor.length);
  const piece = donor.subarray(from, from + 1 + rng.below(Math.min(4096, donor.length - from)));
  const at = rng.below(input.length + 1);
  const overwrite = rng.chance(0.5);
  return concat([input.subarray(0, at), piece, input.subarray(overwrite ? Math.min(input.length, at + piece.length) : at)]);
};

/** Rewrites the length of one TLV header (found by walking the DER) to something it cannot be. */
const inflateLength: Mutator = (input, { rng }) => {
  const headers = tlvHeaders(input);
  if (headers.length === 0) return null;
  const h = rng.pick(headers);
  const choices = [
    Uint8Array.of(0x84, 0xff, 0xff, 0xff, 0xff),
    Uint8Array.of(0x84, 0x7f, 0xff, 0xff, 0xff),
    Uint8Array.of(0x80),
    Uint8Array.of(0x85, 0x01, 0x00, 0x00, 0x00, 0x00),
    lengthBytes(h.length + 1 + rng.below(16)),
    lengthBytes(Math.max(0, h.length - 1 - rng.below(4))),
    Uint8Array.of(0x82, 0x00, Math.min(h.length, 0x7f)), // non-minimal encoding
  ];
  return concat([input.subarray(0, h.lengthAt), rng.pick(choices), input.subarray(h.valueAt)]);
};

/** Nests the whole input, or one element of it, hundreds to tens of thousands of levels deep. */
const depthBomb: Mutator = (input, { rng }) => {
  const depth = rng.pick([65, 100, 1000, 10_000, 100_000]);
  const tree = parseTree(input);
  const bomb = (inner: Uint8Array) => (rng.chance(0.5) ? nested(Math.min(depth, 20_000), inner, rng.pick([0x30, 0x31, 0xa0])) : nestedIndefinite(depth, inner));
  if (!tree || rng.chance(0.3)) return bomb(input);
  const nodes = allNodes(tree);
  const { node, parent } = rng.pick(nodes);
  return graftBytes(tree, parent, node, bomb(encodeTree(node)));
};

/** INTEGERs (iteration counts, versions, lengths) set to huge, negative, empty or zero values. */
const hugeInteger: Mutator = (input, { rng }) => {
  const tree = parseTree(input);
  if (!tree) return hugeRawCount(input, rng);
  const ints = allNodes(tree).filter(({ node }) => node.kind === 'primitive' && node.id.length === 1 && node.id[0] === 0x02);
  if (ints.length === 0) return null;
  const { node } = rng.pick(ints);
  (node as { value: Uint8Array }).value = Uint8Array.from(rng.pick(HUGE_INTEGERS));
  return encodeTree(tree);
};

/** Binary formats with 32-bit counts (JKS): a count or length set to something huge. */
function hugeRawCount(input: Uint8Array, rng: Rng): Uint8Array | null {
  if (input.length < 12) return null;
  const out = input.slice();
  const at = rng.chance(0.3) ? 8 : rng.below(out.length - 4);
  out.set(rng.pick([[0x7f, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xff], [0x00, 0x10, 0x00, 0x00], [0x80, 0x00, 0x00, 0x00]]), at);
  return out;
}

/** One element repeated many times in its parent: many certificates, safe bags, extensions, RDNs. */
const repeatElement: Mutator = (input, { rng }) => {
  const tree = parseTree(input);
  if (!tree) return null;
  const parents = allNodes(tree).filter(({ node }) => node.kind === 'constructed' && node.children.length > 0);
  if (parents.length === 0) return null;
  const { node } = rng.pick(parents);
  const p = node as Extract<DerNode, { kind: 'constructed' }>;
  const child = rng.pick(p.children);
  const size = encodeTree(child).length;
  const times = Math.min(rng.pick([2, 100, 10_000, 300_000]), Math.floor(MAX_MUTANT_BYTES / Math.max(2, size)));
  p.children = [...p.children, ...Array.from({ length: times }, () => child)];
  return encodeTree(tree);
};

/** An OID with thousands of arcs (or just past the cap) in place of one. */
const longOidMutation: Mutator = (input, { rng }) => {
  const tree = parseTree(input);
  if (!tree) return null;
  const oids = allNodes(tree).filter(({ node }) => node.kind === 'primitive' && node.id[0] === 0x06);
  if (oids.length === 0) return null;
  const { node } = rng.pick(oids);
  (node as { value: Uint8Array }).value = longOidValue(rng.pick([126, 127, 200, 5000, 500_000]));
  return encodeTree(tree);
};

/** An element of another DER input put in place of one of ours (a certificate inside a key, ...). */
const graft: Mutator = (input, { rng, donors }) => {
  const tree = parseTree(input);
  const donorTree = parseTree(rng.pick(donors) ?? new Uint8Array(0));
  if (!tree || !donorTree) return null;
  const { node, parent } = rng.pick(allNodes(tree));
  return graftBytes(tree, parent, node, encodeTree(rng.pick(allNodes(donorTree)).node));
};

/** A primitive element's value replaced by random bytes of a random length. */
const randomValue: Mutator = (input, { rng }) => {
  const tree = parseTree(input);
  if (!tree) return null;
  const prims = allNodes(tree).filter(({ node }) => node.kind === 'primitive');
  if (prims.length === 0) return null;
  const { node } = rng.pick(prims);
  const v = new Uint8Array(rng.pick([0, 1, 2, 3, 8, 33, 300]));
  for (let i = 0; i < v.length; i++) v[i] = rng.below(256);
  (node as { value: Uint8Array }).value = v;
  return encodeTree(tree);
};

const DER_MUTATORS: Mutator[] = [bitFlip, interestingByte, truncate, splice, inflateLength, depthBomb, hugeInteger, repeatElement, longOidMutation, graft, randomValue];

/** PEM text: mutate the DER of one block and re-encode it, relabel a block, or repeat blocks. */
function mutatePem(text: string, ctx: MutationContext): Uint8Array | null {
  let blocks;
  try {
    blocks = parsePemBlocks(text);
  } catch {
    return null;
  }
  if (blocks.length === 0) return null;
  const { rng } = ctx;
  const target = rng.below(blocks.length);
  const choice = rng.below(10);
  const pieces = blocks.map((b, i) => {
    if (i !== target) return toPem(b.label, b.der);
    if (choice === 0) return toPem(rng.pick(PEM_LABELS), b.der);
    if (choice === 1) return toPem(b.label, b.der).repeat(Math.min(rng.pick([2, 1000, 50_000]), Math.floor(MAX_MUTANT_BYTES / (b.der.length * 1.4 + 60))));
    const mutated = rng.pick(DER_MUTATORS)(b.der, ctx) ?? b.der;
    if (mutated.length === 0) return `-----BEGIN ${b.label}-----\n-----END ${b.label}-----\n`;
    const headers = Object.entries(b.headers).map(([k, v]) => `${k}: ${v}\n`).join('');
    return headers ? toPem(b.label, mutated).replace('-----\n', `-----\n${headers}\n`) : toPem(b.label, mutated);
  });
  return new TextEncoder().encode(pieces.join(''));
}

/** Text-level changes: stray lines, line endings, a BOM, UTF-16. */
function mutateText(input: Uint8Array, { rng }: MutationContext): Uint8Array | null {
  const text = new TextDecoder().decode(input);
  const lines = text.split('\n');
  switch (rng.below(5)) {
    case 0:
      lines.splice(rng.below(lines.length + 1), 0, rng.pick(['-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-256-CBC,00', '!!!!', '']));
      return new TextEncoder().encode(lines.join('\n'));
    case 1:
      return new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
    case 2:
      return concat([Uint8Array.of(0xef, 0xbb, 0xbf), input]);
    case 3:
      return concat([Uint8Array.of(0xff, 0xfe), new Uint8Array(Buffer.from(text, 'utf16le'))]);
    default:
      return new TextEncoder().encode(text.replace(/[A-Za-z0-9+/]{4}(?=[A-Za-z0-9+/]*\n)/, '====').slice(0, rng.chance(0.5) ? text.length : rng.below(text.length)));
  }
}

/** One to three stacked mutations of `input`, never longer than MAX_MUTANT_BYTES. */
export function mutate(input: Uint8Array, ctx: MutationContext): { bytes: Uint8Array; steps: string[] } {
  let bytes = input;
  const steps: string[] = [];
  for (let n = 1 + ctx.rng.below(3); n > 0; n--) {
    const pem = looksLikePem(bytes);
    let next: Uint8Array | null = null;
    let name: string;
    if (pem && ctx.rng.chance(0.6)) {
      name = 'pem';
      next = mutatePem(new TextDecoder().decode(bytes), ctx);
    } else if (pem && ctx.rng.chance(0.3)) {
      name = 'text';
      next = mutateText(bytes, ctx);
    } else {
      const m = ctx.rng.pick(DER_MUTATORS);
      name = m === undefined ? 'none' : mutatorName(m);
      next = m(bytes, ctx);
    }
    if (next && next.length <= MAX_MUTANT_BYTES) {
      bytes = next;
      steps.push(name);
    }
  }
  return { bytes, steps };
}

const NAMES = new Map<Mutator, string>([
  [bitFlip, 'bit-flip'],
  [interestingByte, 'interesting-byte'],
  [truncate, 'truncate'],
  [splice, 'splice'],
  [inflateLength, 'inflate-length'],
  [depthBomb, 'depth-bomb'],
  [hugeInteger, 'huge-integer'],
  [repeatElement, 'repeat-element'],
  [longOidMutation, 'long-oid'],
  [graft, 'graft'],
  [randomValue, 'random-value'],
]);
const mutatorName = (m: Mutator) => NAMES.get(m) ?? 'unknown';

function looksLikePem(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 65536))).toString('latin1');
  return head.includes('-----BEGIN ');
}

/** The tree encoded with `bytes` verbatim where `node` was (they may be BER, or too deep for a tree). */
function graftBytes(tree: DerNode, parent: DerNode | null, node: DerNode, bytes: Uint8Array): Uint8Array {
  const raw: DerNode = { kind: 'primitive', id: new Uint8Array(0), value: new Uint8Array(0) };
  return encodeWithRaw(replaceNode(tree, parent, node, raw), raw, bytes);
}

/** encodeTree, except that `raw` is written as `bytes` verbatim (no header of its own). */
function encodeWithRaw(node: DerNode, raw: DerNode, bytes: Uint8Array): Uint8Array {
  if (node === raw) return bytes;
  const value =
    node.kind === 'primitive'
      ? node.value
      : node.kind === 'constructed'
        ? concat(node.children.map((c) => encodeWithRaw(c, raw, bytes)))
        : concat([node.prefix, encodeWithRaw(node.inner, raw, bytes)]);
  return concat([node.id, lengthBytes(value.length), value]);
}

/** Where each TLV's length starts and its value begins, walking the DER (first 4,096 headers). */
function tlvHeaders(bytes: Uint8Array): Array<{ lengthAt: number; valueAt: number; length: number }> {
  const out: Array<{ lengthAt: number; valueAt: number; length: number }> = [];
  const walk = (start: number, end: number, depth: number) => {
    for (let p = start; p < end && out.length < 4096 && depth < 40; ) {
      let q = p + 1;
      if ((bytes[p] & 0x1f) === 0x1f) {
        while (q < end && bytes[q] & 0x80) q++;
        q++;
      }
      if (q >= end) return;
      const lengthAt = q;
      let len = bytes[q++];
      if (len & 0x80) {
        const n = len & 0x7f;
        if (n === 0 || n > 4 || q + n > end) return;
        len = 0;
        for (let i = 0; i < n; i++) len = len * 256 + bytes[q + i];
        q += n;
      }
      if (q + len > end) return;
      out.push({ lengthAt, valueAt: q, length: len });
      if (bytes[p] & 0x20) walk(q, q + len, depth + 1);
      p = q + len;
    }
  };
  walk(0, bytes.length, 0);
  return out;
}


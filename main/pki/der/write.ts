/**
 * The small DER writer beside the reader: every writer (PKCS#7, PKCS#8, PKCS#12, JKS key protection)
 * builds its structures from these. Each function returns the complete encoded element.
 */

/** How many bytes the length octets of `n` take. */
function lengthSize(n: number): number {
  if (n < 0x80) return 1;
  let size = 1;
  for (let v = n; v > 0; v = Math.floor(v / 256)) size++;
  return size;
}

/** Writes the identifier and length octets at the start of `out`; returns where the content starts. */
function writeHead(out: Uint8Array, tag: number, n: number): number {
  out[0] = tag;
  if (n < 0x80) {
    out[1] = n;
    return 2;
  }
  const count = lengthSize(n) - 1;
  out[1] = 0x80 | count;
  for (let i = count, v = n; i >= 1; i--, v = Math.floor(v / 256)) out[1 + i] = v & 0xff;
  return 2 + count;
}

/** The identifier and length octets of an element of `length` content bytes, for writing its content after it. */
export function header(tag: number, length: number): Uint8Array {
  const out = new Uint8Array(1 + lengthSize(length));
  writeHead(out, tag, length);
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One TLV with the given identifier octet. */
export function tlv(tag: number, content: Uint8Array | readonly Uint8Array[]): Uint8Array {
  // Written straight into the result: the many small elements of a keystore (a key protector per entry)
  // made a body, a header array and the result each.
  let size = 0;
  if (content instanceof Uint8Array) size = content.length;
  else for (const p of content) size += p.length;
  const out = new Uint8Array(1 + lengthSize(size) + size);
  let at = writeHead(out, tag, size);
  if (content instanceof Uint8Array) out.set(content, at);
  else
    for (const p of content) {
      out.set(p, at);
      at += p.length;
    }
  return out;
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(0x30, items);

/** A SET OF, its elements sorted by their encodings as DER requires. */
export function setOf(...items: Uint8Array[]): Uint8Array {
  const sorted = [...items].sort(compareBytes);
  return tlv(0x31, sorted);
}

/** [n] IMPLICIT SET OF (a CSR's attributes): the elements sorted as in setOf, under a context tag. */
export function implicitSetOf(n: number, ...items: Uint8Array[]): Uint8Array {
  return tlv(0xa0 | n, [...items].sort(compareBytes));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** INTEGER from a non-negative number or bigint, or from unsigned big-endian magnitude bytes. */
export function integer(value: number | bigint | Uint8Array): Uint8Array {
  let bytes: Uint8Array;
  if (value instanceof Uint8Array) {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    bytes = value.subarray(start);
    if (bytes.length === 0) bytes = new Uint8Array([0]);
  } else {
    let v = BigInt(value);
    if (v < 0n) throw new RangeError('negative INTEGER not supported by this writer');
    const out: number[] = [];
    do {
      out.unshift(Number(v & 0xffn));
      v >>= 8n;
    } while (v > 0n);
    bytes = Uint8Array.from(out);
  }
  if (bytes[0] & 0x80) bytes = concat([new Uint8Array([0]), bytes]);
  return tlv(0x02, bytes);
}

export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);
export const nullValue = (): Uint8Array => new Uint8Array([0x05, 0x00]);
export const bitString = (bytes: Uint8Array, unusedBits = 0): Uint8Array => tlv(0x03, concat([new Uint8Array([unusedBits]), bytes]));
export const utf8String = (text: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(text));

/** BMPString: UTF-16BE (PKCS#12 friendlyName). */
export function bmpString(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return tlv(0x1e, out);
}

/** Encoded OIDs by their dotted text: writers name the same few OIDs again for every entry of a keystore. */
const encodedOids = new Map<string, Uint8Array>();
const MAX_ENCODED_OIDS = 1000;

export function objectIdentifier(dotted: string): Uint8Array {
  let encoded = encodedOids.get(dotted);
  if (!encoded) {
    encoded = encodeOid(dotted);
    if (encodedOids.size < MAX_ENCODED_OIDS) encodedOids.set(dotted, encoded);
  }
  return encoded.slice(); // callers own what they get
}

function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((s) => BigInt(s));
  if (arcs.length < 2) throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  const push = (v: bigint) => {
    const chunk: number[] = [Number(v & 0x7fn)];
    for (v >>= 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  push(arcs[0] * 40n + arcs[1]);
  for (const arc of arcs.slice(2)) push(arc);
  return tlv(0x06, Uint8Array.from(out));
}

/** [n] EXPLICIT: a constructed context-specific wrapper around complete elements. */
export const explicit = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(0xa0 | n, items);

/** [n] IMPLICIT primitive (e.g. [0] OCTET STRING content): the raw content bytes under a context tag. */
export const implicitPrimitive = (n: number, content: Uint8Array): Uint8Array => tlv(0x80 | n, content);

/** [n] IMPLICIT constructed (e.g. SignedData's [0] IMPLICIT SET OF Certificate): the items under a context tag. */
export const implicitConstructed = (n: number, ...items: Uint8Array[]): Uint8Array => tlv(0xa0 | n, items);

/** AlgorithmIdentifier { algorithm, parameters }; parameters omitted when undefined, NULL when null. */
export function algorithm(oid: string, parameters?: Uint8Array | null): Uint8Array {
  if (parameters === undefined) return sequence(objectIdentifier(oid));
  return sequence(objectIdentifier(oid), parameters ?? nullValue());
}

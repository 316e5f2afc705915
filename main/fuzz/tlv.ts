/** Raw DER building for crafted inputs (fuzz mutators, cap tests): any tag, any length, no checks. */

export function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Uint8Array.of(0x80 | out.length, ...out);
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

export const tlv = (tag: number, ...value: Uint8Array[]): Uint8Array => {
  const v = concat(value);
  return concat([Uint8Array.of(tag), lengthBytes(v.length), v]);
};

/** `depth` SEQUENCEs nested around `inner`, with definite lengths. Linear: one buffer, written outside in. */
export function nested(depth: number, inner: Uint8Array, tag = 0x30): Uint8Array {
  const headers: Uint8Array[] = new Array(depth);
  let size = inner.length;
  for (let i = depth - 1; i >= 0; i--) {
    headers[i] = concat([Uint8Array.of(tag), lengthBytes(size)]);
    size += headers[i].length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const h of headers) {
    out.set(h, at);
    at += h.length;
  }
  out.set(inner, at);
  return out;
}

/** `depth` indefinite-length SEQUENCEs around `inner` (BER): 30 80 ... 00 00. */
export function nestedIndefinite(depth: number, inner: Uint8Array): Uint8Array {
  const out = new Uint8Array(depth * 4 + inner.length);
  for (let i = 0; i < depth; i++) out.set([0x30, 0x80], i * 2);
  out.set(inner, depth * 2);
  return out; // the tail is already zeros: depth end-of-contents markers
}

/** The content bytes of OID 1.2 followed by `extraArcs` arcs of 1. */
export function longOidValue(extraArcs: number): Uint8Array {
  const v = new Uint8Array(1 + extraArcs).fill(0x01);
  v[0] = 0x2a;
  return v;
}

/** An OBJECT IDENTIFIER 1.2 followed by `extraArcs` arcs of 1. */
export const longOid = (extraArcs: number): Uint8Array => tlv(0x06, longOidValue(extraArcs));

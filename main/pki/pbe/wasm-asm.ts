/** Just enough of a WebAssembly assembler to emit the hash loops of hash-wasm.ts: LEB128, opcodes, sections. */

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};

export const sleb = (n: number): number[] => {
  n |= 0;
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};

export const OP = {
  loop: 0x03, end: 0x0b, brIf: 0x0d, localGet: 0x20, localSet: 0x21, localTee: 0x22, load: 0x28, store: 0x36,
  const: 0x41, add: 0x6a, sub: 0x6b, and: 0x71, or: 0x72, xor: 0x73, shrU: 0x76, rotl: 0x77, rotr: 0x78,
} as const;

/** The body of one function whose locals are all i32: a code buffer with helpers that push instructions. */
export class FunctionBody {
  readonly code: number[] = [];
  private locals: number;

  /** `params` i32 parameters are locals 0..params-1. */
  constructor(private readonly params: number) {
    this.locals = params;
  }

  /** Allocates `n` fresh i32 locals and returns their indices. */
  alloc(n: number): number[] {
    return Array.from({ length: n }, () => this.locals++);
  }

  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  get(local: number): this {
    return this.op(OP.localGet, ...uleb(local));
  }
  set(local: number): this {
    return this.op(OP.localSet, ...uleb(local));
  }
  k(value: number): this {
    return this.op(OP.const, ...sleb(value));
  }
  rotr(local: number, n: number): this {
    return this.get(local).k(n).op(OP.rotr);
  }
  rotl(local: number, n: number): this {
    return this.get(local).k(n).op(OP.rotl);
  }
  /** local = memory[byteOffset] (i32, little-endian; both sides use the same order). */
  load(local: number, byteOffset: number): this {
    return this.k(0).op(OP.load, 2, ...uleb(byteOffset)).set(local);
  }
  store(byteOffset: number, local: number): this {
    return this.k(0).get(local).op(OP.store, 2, ...uleb(byteOffset));
  }
  /** Runs `body` `count`-parameter times (count >= 1): do { body } while (--count). */
  loopCount(countLocal: number, body: () => void): this {
    this.op(OP.loop, 0x40);
    body();
    return this.get(countLocal).k(1).op(OP.sub, OP.localTee, ...uleb(countLocal), OP.brIf, 0, OP.end);
  }

  /** The encoded function: its local declarations, the code and the closing `end`. */
  encode(): number[] {
    const extra = this.locals - this.params;
    const body = [1, ...uleb(extra), 0x7f, ...this.code, OP.end];
    return [...uleb(body.length), ...body];
  }
}

function section(id: number, bytes: number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

const name = (s: string) => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];

/** A module of functions of type (i32) -> (), exported under their names, and a 1-page memory `mem`. */
export function assembleModule(functions: Record<string, FunctionBody>): Uint8Array<ArrayBuffer> {
  const names = Object.keys(functions);
  const exports = names.flatMap((n, i) => [...name(n), 0, ...uleb(i)]);
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, 0x7f, 0]), // type 0: (i32) -> ()
    ...section(3, [...uleb(names.length), ...names.map(() => 0)]),
    ...section(5, [1, 0, 1]), // one memory, min 1 page
    ...section(7, [...uleb(names.length + 1), ...exports, ...name('mem'), 2, 0]),
    ...section(10, [...uleb(names.length), ...names.flatMap((n) => functions[n].encode())]),
  ]);
}

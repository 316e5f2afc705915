/**
 * A minimal java.io.ObjectInputStream for what JCEKS stores: a SealedObject (secret key entries) and, inside
 * it once decrypted, a SecretKeySpec or KeyRep. It reads plain serializable classes, strings, arrays, enums,
 * references and block data; anything else (proxies, Class objects, externalizable data) is CORRUPT.
 * The parse must be exact: JCEKS has no length before the object, so the next entry starts where it ends.
 */
import { JavaDataInput } from './java-data-input';

export interface JavaClassDesc {
  name: string;
  flags: number;
  fields: { type: string; name: string; className?: string }[];
  superClass: JavaClassDesc | null;
}

export interface JavaObject {
  kind: 'object';
  classDesc: JavaClassDesc;
  /** Field values of the whole class hierarchy, by field name. */
  fields: Record<string, JavaValue>;
}

export interface JavaEnum {
  kind: 'enum';
  className: string;
  constant: string;
}

export type JavaValue = JavaObject | JavaEnum | JavaClassDesc | string | number | boolean | bigint | Uint8Array | JavaValue[] | null;

const TC = {
  NULL: 0x70,
  REFERENCE: 0x71,
  CLASSDESC: 0x72,
  OBJECT: 0x73,
  STRING: 0x74,
  ARRAY: 0x75,
  CLASS: 0x76,
  BLOCKDATA: 0x77,
  ENDBLOCKDATA: 0x78,
  RESET: 0x79,
  BLOCKDATALONG: 0x7a,
  LONGSTRING: 0x7c,
  PROXYCLASSDESC: 0x7d,
  ENUM: 0x7e,
} as const;
const BASE_HANDLE = 0x7e0000;
const SC_WRITE_METHOD = 0x01;
const SC_SERIALIZABLE = 0x02;
const MAX_DEPTH = 32;

/** Reads one serialized object starting at `input.offset` (stream magic included); leaves offset after it. */
export function readJavaObject(input: JavaDataInput): JavaValue {
  if (input.u16('the serialized object magic') !== 0xaced || input.u16('the serialization version') !== 5) {
    input.fail('not a Java serialized object');
  }
  return new Deserializer(input).content(0);
}

class Deserializer {
  private readonly handles: JavaValue[] = [];
  constructor(private readonly input: JavaDataInput) {}

  private newHandle<T extends JavaValue>(value: T): T {
    this.handles.push(value);
    return value;
  }

  content(depth: number): JavaValue {
    if (depth > MAX_DEPTH) this.input.fail('the serialized object is nested too deeply');
    const tc = this.input.u8('a serialized value');
    switch (tc) {
      case TC.NULL:
        return null;
      case TC.REFERENCE:
        return this.reference();
      case TC.STRING:
        return this.newHandle(this.input.utf('a serialized string'));
      case TC.LONGSTRING:
        return this.input.fail('a long string is not expected in a keystore');
      case TC.CLASSDESC:
        return this.classDescBody(depth);
      case TC.OBJECT:
        return this.object(depth);
      case TC.ARRAY:
        return this.array(depth);
      case TC.ENUM:
        return this.enumConstant(depth);
      default:
        return this.input.fail(`unsupported serialized element 0x${tc.toString(16)}`);
    }
  }

  private reference(): JavaValue {
    const handle = this.input.i32('a serialized reference') - BASE_HANDLE;
    if (handle < 0 || handle >= this.handles.length) this.input.fail('a serialized reference points nowhere');
    return this.handles[handle];
  }

  private classDesc(depth: number): JavaClassDesc | null {
    const value = this.content(depth + 1);
    if (value === null || isClassDesc(value)) return value;
    return this.input.fail('a class description was expected');
  }

  private classDescBody(depth: number): JavaClassDesc {
    const name = this.input.utf('a class name');
    this.input.take(8, 'a serialVersionUID');
    const desc: JavaClassDesc = { name, flags: 0, fields: [], superClass: null };
    this.newHandle(desc);
    desc.flags = this.input.u8('class flags');
    const count = this.input.u16('a field count');
    for (let i = 0; i < count; i++) {
      const type = String.fromCharCode(this.input.u8('a field type'));
      const fieldName = this.input.utf('a field name');
      if (type === 'L' || type === '[') {
        const className = this.content(depth + 1);
        if (typeof className !== 'string') this.input.fail(`field ${fieldName} has no type name`);
        desc.fields.push({ type, name: fieldName, className });
      } else if ('BCDFIJSZ'.includes(type)) {
        desc.fields.push({ type, name: fieldName });
      } else {
        this.input.fail(`field ${fieldName} has an unknown type code`);
      }
    }
    this.skipAnnotation(depth);
    desc.superClass = this.classDesc(depth);
    return desc;
  }

  /** Block data and objects written by writeObject/annotateClass, up to TC_ENDBLOCKDATA; skipped. */
  private skipAnnotation(depth: number): void {
    for (;;) {
      const tc = this.input.bytes[this.input.offset];
      if (tc === TC.ENDBLOCKDATA) {
        this.input.offset++;
        return;
      }
      if (tc === TC.BLOCKDATA) {
        this.input.offset++;
        this.input.take(this.input.u8('block data length'), 'block data');
      } else if (tc === TC.BLOCKDATALONG) {
        this.input.offset++;
        this.input.take(this.input.i32('block data length'), 'block data');
      } else {
        this.content(depth + 1);
      }
    }
  }

  private object(depth: number): JavaObject {
    const classDesc = this.classDesc(depth);
    if (!classDesc) return this.input.fail('an object without a class');
    const object = this.newHandle<JavaObject>({ kind: 'object', classDesc, fields: {} });
    const chain: JavaClassDesc[] = [];
    for (let c: JavaClassDesc | null = classDesc; c; c = c.superClass) chain.unshift(c);
    for (const c of chain) {
      if (!(c.flags & SC_SERIALIZABLE)) this.input.fail(`class ${c.name} is not plainly serializable`);
      for (const field of c.fields) object.fields[field.name] = this.value(field.type, depth);
      if (c.flags & SC_WRITE_METHOD) this.skipAnnotation(depth);
    }
    return object;
  }

  private value(type: string, depth: number): JavaValue {
    const input = this.input;
    switch (type) {
      case 'B':
        return (input.u8('a byte') << 24) >> 24;
      case 'Z':
        return input.u8('a boolean') !== 0;
      case 'C':
      case 'S':
        return input.u16('a short');
      case 'I':
        return input.i32('an int');
      case 'F':
        return input.i32('a float');
      case 'J':
      case 'D':
        return input.i64('a long');
      default:
        return this.content(depth + 1);
    }
  }

  private array(depth: number): JavaValue {
    const classDesc = this.classDesc(depth);
    if (!classDesc || !classDesc.name.startsWith('[')) return this.input.fail('an array without an array class');
    const length = this.input.i32('an array length');
    if (length < 0 || length > this.input.remaining) this.input.fail('an array length is impossible');
    const elementType = classDesc.name[1];
    if (elementType === 'B') return this.newHandle(this.input.take(length, 'a byte array').slice());
    const items: JavaValue[] = this.newHandle<JavaValue[]>([]);
    for (let i = 0; i < length; i++) items.push(this.value(elementType, depth));
    return items;
  }

  private enumConstant(depth: number): JavaEnum {
    const classDesc = this.classDesc(depth);
    const value: JavaEnum = this.newHandle<JavaEnum>({ kind: 'enum', className: classDesc?.name ?? '', constant: '' });
    const name = this.content(depth + 1);
    if (typeof name !== 'string') this.input.fail('an enum constant without a name');
    value.constant = name;
    return value;
  }
}

function isClassDesc(value: JavaValue): value is JavaClassDesc {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !('kind' in value);
}

export function isJavaObject(value: JavaValue, className?: string): value is JavaObject {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'object' && (!className || value.classDesc.name === className);
}

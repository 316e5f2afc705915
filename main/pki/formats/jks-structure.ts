/**
 * The byte layout of JKS (magic FEEDFEED) and JCEKS (magic CECECECE) keystores, without any cryptography:
 * magic, version, entry count, entries (1 = private key + chain, 2 = trusted certificate, 3 = JCEKS sealed
 * secret key), then a 20-byte SHA-1 integrity digest over everything before it.
 */
import { PkiError, corrupt } from '../errors';
import * as a from '../der/asn1';
import { Tag, children, oidOf, value, whole } from '../der/der';
import { strictDerWithinLimits } from '../der/strict';
import { MAX_DER_DEPTH } from '../der/limits';
import { JCEKS_KEY_PROTECTION_OID } from './jceks-keyprotector';
import { type SealedSecretKey, pbeParameter, readSealedSecretKey } from './jceks-sealed';
import { JavaDataInput } from './java-data-input';
import { javaLayoutKeyData } from './jks-key-layout';
import { JKS_KEY_PROTECTION_OID } from './jks-keyprotector';

export type KeystoreKind = 'jks' | 'jceks';

/** A private key as stored: the JKS blob (salt || data || check) or the JCEKS 3DES ciphertext with its PBE parameters. */
export type ProtectedKey =
  | { scheme: 'jks'; data: Uint8Array }
  | { scheme: 'jceks'; data: Uint8Array; salt: Uint8Array; iterations: number };

/** `created`: the entry's timestamp as Java recorded it. */
export type KeystoreEntry =
  | { type: 'privateKey'; alias: string; created: Date; key: ProtectedKey; chain: Uint8Array[] }
  | { type: 'trustedCert'; alias: string; created: Date; der: Uint8Array }
  /** `serialized`: the whole serialized SealedObject as stored, so it can be written back verbatim. */
  | { type: 'secretKey'; alias: string; created: Date; sealed: SealedSecretKey; serialized: Uint8Array };

export interface KeystoreStructure {
  kind: KeystoreKind;
  entries: KeystoreEntry[];
  /** Everything the integrity digest covers. */
  body: Uint8Array;
  digest: Uint8Array;
}

const MAGIC: Record<number, KeystoreKind> = { 0xfeedfeed: 'jks', 0xcececece: 'jceks' };
const DIGEST_LENGTH = 20;
const CONSTRUCTED = 0x20;
/** The smallest possible entry: tag, empty alias, timestamp, and a 4-byte length or count. */
const MIN_ENTRY_BYTES = 4 + 2 + 8 + 4;

export function keystoreKind(bytes: Uint8Array): KeystoreKind | undefined {
  if (bytes.length < 4) return undefined;
  return MAGIC[((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0];
}

export function parseKeystore(bytes: Uint8Array): KeystoreStructure {
  const kind = keystoreKind(bytes);
  if (!kind) throw new PkiError('UNRECOGNIZED_FORMAT', 'This is not a JKS or JCEKS keystore.', 'Open it as the format it really is.');
  const name = kind.toUpperCase();
  const input = new JavaDataInput(bytes, `the ${name} keystore`);
  input.offset = 4;
  const version = input.u32('the version');
  if (version !== 2 && !(version === 1 && kind === 'jks')) input.fail(`unknown ${name} version ${version}`);
  const count = input.i32('the entry count');
  if (count < 0 || count * MIN_ENTRY_BYTES > input.remaining) input.fail(`the entry count (${count}) does not fit in the file`);
  const entries: KeystoreEntry[] = [];
  const aliases = new Set<string>();
  for (let i = 0; i < count; i++) {
    const tag = input.i32(`entry ${i + 1} type`);
    const alias = input.utf(`entry ${i + 1} alias`);
    const where = `entry '${alias}'`;
    if (aliases.has(alias.toLowerCase())) input.fail(`the alias '${alias}' appears twice`);
    aliases.add(alias.toLowerCase());
    const created = new Date(input.i64(`${where} date`));
    if (tag === 1) {
      const key = protectedKey(input.lengthPrefixed(`${where} private key`), kind, where);
      const chainLength = input.i32(`${where} chain length`);
      if (chainLength < 0 || chainLength * 4 > input.remaining) input.fail(`${where} chain length (${chainLength}) does not fit in the file`);
      const chain: Uint8Array[] = [];
      for (let n = 1; n <= chainLength; n++) chain.push(certificate(input, version, `${where}, chain cert ${n}`));
      entries.push({ type: 'privateKey', alias, created, key, chain });
    } else if (tag === 2) {
      entries.push({ type: 'trustedCert', alias, created, der: certificate(input, version, where) });
    } else if (tag === 3 && kind === 'jceks') {
      const start = input.offset;
      const sealed = readSealedSecretKey(input, `the ${name} keystore, ${where}`);
      entries.push({ type: 'secretKey', alias, created, sealed, serialized: bytes.subarray(start, input.offset) });
    } else {
      input.fail(`${where} has an unknown entry type ${tag}`);
    }
  }
  if (input.remaining < DIGEST_LENGTH) input.fail('the integrity digest is missing: the file is truncated');
  if (input.remaining > DIGEST_LENGTH) input.fail(`${input.remaining - DIGEST_LENGTH} unexpected bytes follow the entries`);
  return { kind, entries, body: bytes.subarray(0, input.offset), digest: bytes.subarray(input.offset) };
}

function certificate(input: JavaDataInput, version: number, where: string): Uint8Array {
  if (version === 2) {
    const type = input.utf(`${where} certificate type`);
    if (type !== 'X.509') input.fail(`${where} is a "${type}" certificate, not X.509`);
  }
  const der = input.lengthPrefixed(`${where} certificate`);
  if (!isDerSequence(der)) input.fail(`${where} is not a DER certificate`);
  return der;
}

/**
 * A SEQUENCE filling `der` whose nested lengths all hold up: what the certificate check needs, walked with
 * plain offsets (a full asn1js parse of every certificate dominated opening 500-entry keystores, and then a
 * TLV object for each of their elements was most of the garbage). The same rules as readTlv: definite
 * lengths of at most 4 octets, high tag numbers skipped over, constructed elements walked to MAX_DER_DEPTH.
 */
function isDerSequence(der: Uint8Array): boolean {
  return der.length >= 2 && der[0] === Tag.Sequence && elementEnd(der, 0, der.length, 0) === der.length;
}

/** The end of the element at `at` inside `limit` with everything inside it well-formed, or -1. */
function elementEnd(der: Uint8Array, at: number, limit: number, depth: number): number {
  if (depth > MAX_DER_DEPTH || at + 2 > limit) return -1;
  const tag = der[at];
  let lengthAt = at + 1;
  if ((tag & 0x1f) === 0x1f) {
    while (lengthAt < limit && der[lengthAt] & 0x80) lengthAt++;
    lengthAt++;
    if (lengthAt >= limit) return -1;
  }
  let length = der[lengthAt];
  let valueStart = lengthAt + 1;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || valueStart + n > limit) return -1;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + der[valueStart + i];
    valueStart += n;
  }
  const end = valueStart + length;
  if (end > limit) return -1;
  if (tag & CONSTRUCTED) {
    for (let p = valueStart; p < end; ) {
      p = elementEnd(der, p, end, depth + 1);
      if (p < 0) return -1;
    }
  }
  return end;
}

/** EncryptedPrivateKeyInfo with Sun's algorithm OIDs: Java's own layout matched, strict DER read directly, anything else with asn1js. */
function protectedKey(der: Uint8Array, kind: KeystoreKind, where: string): ProtectedKey {
  const data = javaLayoutKeyData(der);
  if (data) return { scheme: 'jks', data };
  return protectedKeyDer(der, kind, where) ?? protectedKeyAsn1(der, kind, where);
}

/** The general readers alone, without the layout match (tests hold the two to the same answers). */
export function protectedKeyByDer(der: Uint8Array, kind: KeystoreKind, where: string): ProtectedKey {
  return protectedKeyDer(der, kind, where) ?? protectedKeyAsn1(der, kind, where);
}

function protectedKeyDer(der: Uint8Array, kind: KeystoreKind, where: string): ProtectedKey | undefined {
  const root = strictDerWithinLimits(der);
  if (root?.tag !== Tag.Sequence) return undefined;
  const [algorithm, data] = children(root);
  if (algorithm?.tag !== Tag.Sequence || data?.tag !== Tag.OctetString) return undefined;
  const [oidTlv, params] = children(algorithm);
  if (oidTlv?.tag !== Tag.Oid) return undefined;
  const oid = oidOf(oidTlv);
  if (oid === JKS_KEY_PROTECTION_OID) return { scheme: 'jks', data: value(data).slice() };
  if (kind === 'jceks' && oid === JCEKS_KEY_PROTECTION_OID && params) {
    return { scheme: 'jceks', data: value(data).slice(), ...pbeParameter(whole(params).slice(), `${where} key protection`) };
  }
  return undefined;
}

function protectedKeyAsn1(der: Uint8Array, kind: KeystoreKind, where: string): ProtectedKey {
  const c = a.children(a.parse(der, `${where} private key`));
  const algorithm = a.children(c?.[0]);
  const oid = a.oid(algorithm?.[0], `${where} key protection algorithm`);
  const data = a.octets(c?.[1], `${where} encrypted key`);
  if (kind === 'jks' && oid === JKS_KEY_PROTECTION_OID) return { scheme: 'jks', data };
  if (kind === 'jceks' && oid === JCEKS_KEY_PROTECTION_OID) {
    const params = algorithm?.[1];
    if (!params) throw corrupt(`${where} key protection has no parameters`);
    return { scheme: 'jceks', data, ...pbeParameter(a.encoded(params), `${where} key protection`) };
  }
  // JCEKS can also hold JKS-protected keys (it reads JKS files); anything else is foreign.
  if (kind === 'jceks' && oid === JKS_KEY_PROTECTION_OID) return { scheme: 'jks', data };
  throw corrupt(`${where} is protected with an unknown algorithm (OID ${oid})`);
}

/**
 * JKS and JCEKS writers, byte for byte what Java's JavaKeyStore / JceKeyStore engineStore write: magic,
 * version 2, entry count, entries (1 = private key + chain of "X.509" certificates, 2 = trusted certificate,
 * 3 = JCEKS sealed secret key, written back verbatim), then SHA-1(UTF-16BE(password) || "Mighty Aphrodite" ||
 * body). Keys are protected with entry.keyPassword ?? the store password: Sun's JKS key protector, or
 * PBEWithMD5AndTripleDES for JCEKS (200,000 rounds by default, off the event loop).
 */
import { digestParts } from '../crypto';
import { PkiError } from '../errors';
import { JCEKS_DEFAULT_ITERATIONS, jceksProtectKey } from './jceks-keyprotector';
import { JavaDataOutput } from './java-data-output';
import { utf16be } from './java-data-input';
import { jksProtectKey } from './jks-keyprotector';
import { checkedEntries } from './jks-write-checks';
import type { JavaKeystoreWriteOptions, KeyPairEntry, KeystoreModel } from './keystore-model';

const MAGIC = { jks: 0xfeedfeed, jceks: 0xcececece } as const;
const VERSION = 2;
const TAG = { privateKey: 1, trustedCert: 2, secretKey: 3 } as const;
const WHITENER = new TextEncoder().encode('Mighty Aphrodite');
const PHASE = 'Encrypting the private keys';

export async function writeJavaKeystore(model: KeystoreModel, options: JavaKeystoreWriteOptions): Promise<Uint8Array> {
  const { kind, storePassword, onProgress, signal } = options;
  const entries = checkedEntries(model, kind, storePassword);
  const keyCount = entries.filter((e) => e.type === 'privateKey').length;
  const now = Date.now();
  const out = new JavaDataOutput().i32(MAGIC[kind]).i32(VERSION).i32(entries.length);
  let keysDone = 0;
  if (keyCount > 0) onProgress?.(0, PHASE);
  for (const entry of entries) {
    if (signal?.aborted) throw cancelledWrite(kind);
    out.i32(TAG[entry.type]).utf(entry.alias, `The alias '${entry.alias}'`).i64(entry.created?.getTime() ?? now);
    switch (entry.type) {
      case 'privateKey':
        out.lengthPrefixed(await protectKey(entry, options), `The private key '${entry.alias}'`);
        out.i32(entry.chain.length);
        for (const der of entry.chain) certificate(out, der, entry.alias);
        onProgress?.(++keysDone / keyCount, PHASE);
        break;
      case 'trustedCert':
        certificate(out, entry.der, entry.alias);
        break;
      case 'secretKey':
        out.bytes(entry.sealed);
        break;
    }
  }
  if (signal?.aborted) throw cancelledWrite(kind);
  const body = out.toBytes();
  const integrity = digestParts('sha1', [utf16be(storePassword), WHITENER, body]);
  const file = new Uint8Array(body.length + integrity.length);
  file.set(body, 0);
  file.set(integrity, body.length);
  return file;
}

function certificate(out: JavaDataOutput, der: Uint8Array, alias: string): void {
  out.utf('X.509', 'The certificate type').lengthPrefixed(der, `A certificate of '${alias}'`);
}

function protectKey(entry: KeyPairEntry, options: JavaKeystoreWriteOptions): Promise<Uint8Array> | Uint8Array {
  const password = entry.keyPassword ?? options.storePassword;
  if (options.kind === 'jks') return jksProtectKey(entry.pkcs8, password);
  return jceksProtectKey(entry.pkcs8, password, { iterations: options.iterations ?? JCEKS_DEFAULT_ITERATIONS });
}

const cancelledWrite = (kind: 'jks' | 'jceks') =>
  new PkiError('CANCELLED', `Writing the ${kind.toUpperCase()} keystore was cancelled; nothing was written.`, 'Save it again when you are ready.');

/**
 * PKCS#12 / PFX writer (RFC 7292) beside the reader: a keystore model in, the file's bytes out, in one of
 * three profiles (pkcs12-write-profiles.ts). Layout as OpenSSL writes it: an AuthenticatedSafe holding the
 * certificates in one password-encrypted SafeContents and the keys, each shrouded, in a plain one; then the
 * password MAC over it. One password for everything; '' is the empty password (still encrypted and MACed).
 */
import { PkiError } from '../errors';
import * as der from '../der/write';
import { secretFor, type PbeSecret } from '../pbe/password';
import { pbes2Encrypt } from '../pbe/pbes2';
import { pkcs12PbeEncrypt } from '../pbe/pkcs12-pbe';
import { computeMacData } from '../pbe/pkcs12-mac';
import { ATTR, BAG, CT, X509_CERT } from '../pbe/pkcs12-safes';
import type { RunOptions } from '../pbe/hash-iterate';
import { MAX_ITERATIONS, type PbeEncrypted } from '../pbe/scheme';
import type { KeystoreModel, Pkcs12WriteOptions } from './keystore-model';
import { type PlannedCert, type PlannedKey, planPkcs12 } from './pkcs12-write-plan';
import { type PbeChoice, type ProfileSpec, PROFILES } from './pkcs12-write-profiles';

const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';

export async function writePkcs12(model: KeystoreModel, options: Pkcs12WriteOptions): Promise<Uint8Array> {
  try {
    return await write(model, options);
  } catch (e) {
    if (e instanceof PkiError) throw e.code === 'CANCELLED' ? writeCancelled() : e;
    throw new PkiError('INTERNAL', `Writing the PKCS#12 file failed unexpectedly: ${e instanceof Error ? e.message : String(e)}.`, 'Please report this (without the keys).');
  }
}

/** The reader's cancelled() speaks of opening a file; here nothing is opened and nothing was written. */
const writeCancelled = () => new PkiError('CANCELLED', 'Writing the PKCS#12 (PFX) file was cancelled.', 'Nothing was written; start the export again when you are ready.');

async function write(model: KeystoreModel, options: Pkcs12WriteOptions): Promise<Uint8Array> {
  const profile = profileOf(options);
  const iterations = iterationCount(options.iterations ?? profile.iterations, 'iterations');
  const macIterations = iterationCount(options.macIterations ?? profile.macIterations, 'MAC iterations');
  if (typeof options.password !== 'string') throw new PkiError('INVALID_ARGUMENT', 'No password was given for the PFX.', "Enter a password (or choose the empty password explicitly with '').");
  if (profile.printableAsciiPassword && !/^[\x20-\x7e]*$/.test(options.password)) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      'Java cannot open a PKCS#12 file whose password has characters other than plain ASCII letters, digits, spaces and symbols (such as ä or ✓).',
      'Choose a password of ASCII characters for Java, or the modern profile for other systems.',
    );
  }
  const plan = planPkcs12(model);
  const secret = secretFor(options.password);
  const steps = new Steps(options, plan.keys.length + (plan.certs.length > 0 ? 1 : 0) + 1);

  const shrouded: Uint8Array[] = [];
  for (const [i, key] of plan.keys.entries()) {
    const phase = plan.keys.length === 1 ? 'Encrypting the private key' : `Encrypting private key ${i + 1} of ${plan.keys.length}`;
    shrouded.push(shroudedKeyBag(key, await steps.run(phase, (run) => encrypt(profile.keys, secret, key.pkcs8, iterations, run))));
  }
  const parts: Uint8Array[] = [];
  if (plan.certs.length > 0) {
    const contents = der.sequence(...plan.certs.map((cert) => certBag(cert, profile)));
    parts.push(encryptedContentInfo(await steps.run('Encrypting the certificates', (run) => encrypt(profile.certificates, secret, contents, iterations, run))));
  }
  if (shrouded.length > 0) parts.push(dataContentInfo(der.sequence(...shrouded)));
  const authSafe = der.sequence(...parts);
  const macSpec = { iterations: macIterations, saltLength: profile.mac.saltLength };
  const mac = await steps.run('Computing the integrity MAC', (run) => computeMacData(profile.mac.hash, secret, authSafe, macSpec, run));
  steps.done();
  return der.sequence(der.integer(3), dataContentInfo(authSafe), mac);
}

/** Runs the writer's steps one after the other: one progress bar over all of them, Stop honoured between them. */
class Steps {
  private started = 0;
  constructor(
    private readonly options: Pkcs12WriteOptions,
    private readonly count: number,
  ) {}

  async run<T>(phase: string, work: (run: RunOptions) => Promise<T>): Promise<T> {
    const { onProgress, signal } = this.options;
    if (signal?.aborted) throw writeCancelled();
    const at = this.started++;
    onProgress?.(at / this.count, phase);
    return work({ signal, onProgress: onProgress && ((f) => onProgress((at + Math.min(f, 1)) / this.count, phase)) });
  }

  done(): void {
    if (this.options.signal?.aborted) throw writeCancelled();
    this.options.onProgress?.(1, 'Done');
  }
}

function profileOf(options: Pkcs12WriteOptions): ProfileSpec {
  const profile = Object.hasOwn(PROFILES, options?.profile) ? PROFILES[options.profile] : undefined;
  if (!profile) {
    throw new PkiError('INVALID_ARGUMENT', `There is no PFX profile '${String(options?.profile)}'.`, 'Choose modern (current systems), legacy (older Windows Server, macOS Keychain, Java 8) or java.');
  }
  return profile;
}

/** The reader refuses counts above MAX_ITERATIONS, so a file written with more could not be opened again. */
function iterationCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_ITERATIONS) {
    throw new PkiError('INVALID_ARGUMENT', `The PFX ${what} must be a whole number from 1 to ${MAX_ITERATIONS.toLocaleString('en-US')} (got ${String(value)}).`, 'Leave it unset for the profile default (2048).');
  }
  return value;
}

function encrypt(choice: PbeChoice, secret: PbeSecret, plaintext: Uint8Array, iterations: number, run: RunOptions): Promise<PbeEncrypted> {
  if (choice.kind === 'pbes2') return pbes2Encrypt(secret, plaintext, { ...choice, iterations }, run);
  return pkcs12PbeEncrypt(choice.algorithm, secret, plaintext, iterations, run);
}

// ---- ASN.1 of the PFX (RFC 7292 section 4) ----

const dataContentInfo = (content: Uint8Array) => der.sequence(der.objectIdentifier(CT.data), der.explicit(0, der.octetString(content)));

/** ContentInfo { encryptedData, EncryptedData { version 0, EncryptedContentInfo { data, algorithm, [0] IMPLICIT ciphertext } } } */
function encryptedContentInfo({ algorithm, data }: PbeEncrypted): Uint8Array {
  const encryptedContent = der.sequence(der.objectIdentifier(CT.data), algorithm, der.implicitPrimitive(0, data));
  return der.sequence(der.objectIdentifier(CT.encryptedData), der.explicit(0, der.sequence(der.integer(0), encryptedContent)));
}

function safeBag(bagId: string, value: Uint8Array, attributes: Uint8Array[]): Uint8Array {
  const items = [der.objectIdentifier(bagId), der.explicit(0, value)];
  if (attributes.length > 0) items.push(der.setOf(...attributes));
  return der.sequence(...items);
}

const attribute = (type: string, ...values: Uint8Array[]) => der.sequence(der.objectIdentifier(type), der.setOf(...values));

function nameAndKeyId(alias: string | undefined, localKeyId: Uint8Array | undefined): Uint8Array[] {
  return [
    ...(alias ? [attribute(ATTR.friendlyName, der.bmpString(alias))] : []),
    ...(localKeyId ? [attribute(ATTR.localKeyId, der.octetString(localKeyId))] : []),
  ];
}

function shroudedKeyBag(key: PlannedKey, { algorithm, data }: PbeEncrypted): Uint8Array {
  const encryptedPrivateKeyInfo = der.sequence(algorithm, der.octetString(data));
  return safeBag(BAG.shroudedKey, encryptedPrivateKeyInfo, nameAndKeyId(key.alias, key.localKeyId));
}

function certBag(cert: PlannedCert, profile: ProfileSpec): Uint8Array {
  const value = der.sequence(der.objectIdentifier(X509_CERT), der.explicit(0, der.octetString(cert.der)));
  const attributes = nameAndKeyId(cert.alias, cert.localKeyId);
  if (cert.trusted && profile.markTrusted) attributes.push(attribute(ATTR.oracleTrustedKeyUsage, der.objectIdentifier(ANY_EXTENDED_KEY_USAGE)));
  return safeBag(BAG.cert, value, attributes);
}

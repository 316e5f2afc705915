/**
 * PKCS#12 / PFX reader. Tells a wrong password from a modified file: when the MAC fails, a part that still
 * decrypts to well-formed ASN.1 proves the password right, so the file was altered (INTEGRITY_FAILED).
 * The MAC and every key derivation run concurrently (long ones in workers that Stop terminates). Without a
 * password, a file whose trial of the empty password would be costly answers PASSWORD_REQUIRED at once.
 */
import { PkiError, cancelled, corrupt } from '../errors';
import type { RawObject, ReadOptions, ReadResult, Reader } from '../model';
import { describeSecretKey } from '../pbe/secret-key';
import { type Derivation, describeDuration, describeRounds, estimateConcurrentMs, rounds } from '../pbe/cost';
import { type PbeScheme, type RunOptions, decryptWithSecrets, looksLikePkcs8, wrongPassword } from '../pbe/index';
import { type PbeSecret, candidateSecrets } from '../pbe/password';
import { macWork, verifyMac } from '../pbe/pkcs12-mac';
import { progressParts } from '../pbe/progress';
import { type PfxStructure, type SafeBag, type SafePart, decodeSafeContents, looksLikePfx, looksLikeSafeContents, parsePfx } from '../pbe/pkcs12-safes';

export function looksLikePkcs12(bytes: Uint8Array): boolean {
  return looksLikePfx(bytes);
}

/** What one password attempt produced. `proved` = some encrypted part decrypted to well-formed ASN.1. */
interface Attempt {
  secret: PbeSecret;
  macOk: boolean | undefined;
  proved: boolean;
  /** Encrypted parts or keys this secret could not open. */
  failed: number;
  encryptedCount: number;
  objects: RawObject[];
  notes: string[];
}

interface DecodedBag {
  bag: SafeBag;
  /** The scheme of the encrypted safe the bag came from, if any. */
  safeProtection?: string;
}

export const readPkcs12: Reader = async (bytes, options) => {
  try {
    return await read(bytes, options);
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw new PkiError('INTERNAL', `Reading the PKCS#12 file failed unexpectedly: ${e instanceof Error ? e.message : String(e)}.`, 'Please report this (without the file if it holds private keys).');
  }
};

async function read(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  if (bytes.length === 0) throw new PkiError('EMPTY', 'The file is empty.', 'Choose the PFX/P12 file again.');
  if (!looksLikePfx(bytes)) throw corrupt('it does not start like a PKCS#12 (PFX) file');
  const pfx = parsePfx(bytes);
  const cost = unlockCost(pfx);
  if (options.password === undefined) refuseCostlyTrial(pfx, cost);
  const progress = options.onProgress;
  const phase = cost.long ? `Checking the password: this file asks for ${cost.text}` : 'Checking the password';
  progress?.(0, phase);

  const attempts: Attempt[] = [];
  for (const secret of candidateSecrets(options.password)) {
    checkCancelled(options);
    // Without a password we only probe the empty forms: check the MAC first rather than decrypt everything twice.
    const attempt = await tryPassword(pfx, secret, options, options.password === undefined, { phase, cost });
    attempts.push(attempt);
    if (accepted(attempt)) {
      progress?.(1, 'Done');
      return result(pfx, attempt, options);
    }
  }
  if (pfx.mac && attempts.some((a) => a.proved)) {
    throw new PkiError(
      'INTEGRITY_FAILED',
      "The password is correct but the file's integrity check (MAC) fails: it was modified or damaged.",
      'Get a fresh copy of the file from where it was exported; do not trust its contents.',
    );
  }
  if (options.password === undefined) {
    throw new PkiError('PASSWORD_REQUIRED', 'This PKCS#12 (PFX) file is password-protected.', 'Enter the password that was used when it was exported.');
  }
  const hasEncryption = attempts[0].encryptedCount > 0;
  if (!hasEncryption) {
    throw new PkiError('WRONG_PASSWORD', 'The password is not correct for this PKCS#12 file (or the file was altered: its MAC does not match).', 'Check the password (it is case-sensitive) and try again.');
  }
  throw wrongPassword('this PKCS#12 file');
}

/** Trying the empty password costs more than this (per form tried), so without a password we ask at once. */
const TRIAL_ROUNDS = 200_000;
const TRIAL_MS = 300;

interface UnlockCost {
  /** Derivations one password attempt runs: the MAC's, then the encrypted parts' and keys' we can see. */
  mac: Derivation[];
  parts: Derivation[];
  /** Rounds per entry of pfx.parts (an encrypted part's own, or a plain part's encrypted keys'), for progress. */
  partRounds: number[];
  /** "10,000,000 rounds of key derivation, about 1.2 s" for the whole attempt. */
  text: string;
  /** Worth telling the user before starting. */
  long: boolean;
}

const sumRounds = (ds: Derivation[]) => ds.reduce((n, d) => n + rounds(d), 0);

function unlockCost(pfx: PfxStructure): UnlockCost {
  const mac = pfx.mac ? [macWork(pfx.mac)] : [];
  const perPart = pfx.parts.map((part) => {
    if (part.kind === 'encrypted') return part.scheme.work;
    if (part.kind !== 'plain') return [];
    try {
      return plainBags(part).flatMap(bagWork);
    } catch {
      return []; // A damaged part is reported when it is read; it just adds nothing to the estimate.
    }
  });
  const parts = perPart.flat();
  const all = [...mac, ...parts];
  const total = sumRounds(all);
  const ms = estimateConcurrentMs(all);
  return {
    mac,
    parts,
    partRounds: perPart.map(sumRounds),
    text: `${describeRounds(total)} of key derivation, ${describeDuration(ms)}`,
    long: total > TRIAL_ROUNDS || ms > TRIAL_MS,
  };
}

/** A plain part's bags, decoded once per read: the cost estimate and every password attempt use the same. */
const decodedPlainParts = new WeakMap<SafePart, SafeBag[]>();

function plainBags(part: SafePart & { kind: 'plain' }): SafeBag[] {
  let bags = decodedPlainParts.get(part);
  if (!bags) {
    bags = decodeSafeContents(part.contents, part.location);
    decodedPlainParts.set(part, bags);
  }
  return bags;
}

function bagWork(bag: SafeBag): Derivation[] {
  return bag.kind === 'shroudedKey' || bag.kind === 'shroudedSecret' ? bag.scheme.work : [];
}

/**
 * "No password" and the empty password differ in PKCS#12, so without a password both are tried; when that
 * alone would take long (a hostile or paranoid iteration count), say PASSWORD_REQUIRED without trying.
 */
function refuseCostlyTrial(pfx: PfxStructure, cost: UnlockCost): void {
  const trial = pfx.mac ? cost.mac : cost.parts;
  const trialRounds = sumRounds(trial);
  if (trialRounds <= TRIAL_ROUNDS) return;
  throw new PkiError(
    'PASSWORD_REQUIRED',
    `This PKCS#12 (PFX) file is password-protected. Unlocking it asks for ${cost.text}.`,
    'Enter the password that was used when it was exported (if it was exported with an empty password, unlock with the field empty).',
  );
}

function accepted(a: Attempt): boolean {
  if (a.macOk !== undefined) return a.macOk;
  // No MAC: the password is right when nothing is encrypted or something decrypted.
  return a.encryptedCount === 0 || a.failed < a.encryptedCount;
}

function checkCancelled(options: ReadOptions): void {
  if (options.signal?.aborted) throw cancelled();
}

async function tryPassword(
  pfx: PfxStructure,
  secret: PbeSecret,
  options: ReadOptions,
  macFirst: boolean,
  { phase, cost }: { phase: string; cost: UnlockCost },
): Promise<Attempt> {
  const attempt: Attempt = { secret, macOk: undefined, proved: false, failed: 0, encryptedCount: 0, objects: [], notes: [] };
  const signal = options.signal;
  const report = options.onProgress;
  // One bar for every derivation known beforehand, weighted by rounds (keys inside encrypted parts are unseen).
  const [macProgress, ...partProgress] = progressParts(report && ((f) => report(Math.min(f, 0.99), phase)), [sumRounds(cost.mac), ...cost.partRounds]);
  let macPromise: Promise<boolean | undefined> = pfx.mac ? verifyMac(pfx.mac, secret, pfx.authSafe, { onProgress: macProgress, signal }) : Promise.resolve(undefined);
  if (macFirst && pfx.mac) {
    const macOk = await macPromise;
    if (!macOk) return { ...attempt, macOk };
    macPromise = Promise.resolve(macOk);
  }
  // Keys in a part are decrypted as soon as that part is open, concurrently with the MAC.
  const partsPromise = Promise.all(
    pfx.parts.map(async (part, i) => {
      const bags = await openPart(part, secret, attempt, { onProgress: partProgress[i], signal });
      // In a plain part the keys are the part's work; in an encrypted one they were not counted.
      const keyProgress = part.kind === 'plain' ? progressParts(partProgress[i], bags.map((b) => sumRounds(bagWork(b.bag)))) : [];
      return Promise.all(bags.map((b, j) => bagToObject(b, secret, attempt, { onProgress: keyProgress[j], signal })));
    }),
  );
  const [macOk, objects] = await Promise.all([macPromise, partsPromise]);
  attempt.macOk = macOk;
  attempt.objects = objects.flat();
  return attempt;
}

async function openPart(part: SafePart, secret: PbeSecret, attempt: Attempt, run: RunOptions): Promise<DecodedBag[]> {
  if (part.kind === 'plain') return plainBags(part).map((bag) => ({ bag }));
  if (part.kind === 'unsupported') {
    return [{ bag: { kind: 'unsupported', what: 'encrypted part', error: part.error, location: part.location } }];
  }
  attempt.encryptedCount++;
  const opened = await decryptWithSecrets(part.scheme, part.data, [secret], looksLikeSafeContents, run);
  if (!opened) {
    attempt.failed++;
    return [unopenedSafe(part.location)];
  }
  attempt.proved = true;
  try {
    const bags = decodeSafeContents(opened.plaintext, part.location);
    attempt.notes.push(safeNote(bags, part.scheme));
    return bags.map((bag) => ({ bag, safeProtection: part.scheme.protection }));
  } catch (e) {
    // A wrong password can by chance yield a tiny well-formed SEQUENCE; count it as not opened.
    if (e instanceof PkiError && e.code === 'CORRUPT') {
      attempt.failed++;
      return [unopenedSafe(part.location)];
    }
    throw e;
  }
}

/** Shown only when the file is otherwise accepted (e.g. the MAC and this safe use different passwords). */
function unopenedSafe(location: string): DecodedBag {
  const error = new PkiError('WRONG_PASSWORD', `Part of the file (${location}) could not be decrypted with this password.`, 'It may use a second password (openssl -twopass).');
  return { bag: { kind: 'unsupported', what: 'encrypted part', error, location } };
}

async function bagToObject({ bag, safeProtection }: DecodedBag, secret: PbeSecret, attempt: Attempt, run: RunOptions): Promise<RawObject> {
  const context = {
    location: bag.location,
    ...(bag.alias !== undefined && { alias: bag.alias }),
    ...(bag.localKeyId !== undefined && { localKeyId: bag.localKeyId }),
    ...(bag.trusted && { trusted: true }),
  };
  switch (bag.kind) {
    case 'certificate':
      return { kind: 'certificate', der: bag.der, ...context };
    case 'crl':
      return { kind: 'crl', der: bag.der, ...context };
    case 'key':
      if (!looksLikePkcs8(bag.pkcs8)) throw corrupt(`${bag.location}: the private key is not a PKCS#8 structure`);
      return {
        kind: 'privateKey',
        pkcs8: bag.pkcs8,
        encrypted: safeProtection !== undefined,
        encoding: 'pkcs12',
        protection: safeProtection,
        ...context,
      };
    case 'shroudedKey': {
      attempt.encryptedCount++;
      const opened = await decryptWithSecrets(bag.scheme, bag.data, [secret], looksLikePkcs8, run);
      if (!opened) {
        attempt.failed++;
        return {
          kind: 'unsupported',
          what: 'private key',
          code: 'WRONG_PASSWORD',
          message: 'This private key is protected by a different password than the file.',
          hint: 'Open the file with the key password, or re-export it with one password.',
          ...context,
        };
      }
      attempt.proved = true;
      attempt.notes.push(`Private key${bag.alias ? ` '${bag.alias}'` : ''} encrypted with ${bag.scheme.protection}`);
      return { kind: 'privateKey', pkcs8: opened.plaintext, encrypted: true, encoding: 'pkcs12', protection: bag.scheme.protection, ...context };
    }
    case 'shroudedSecret': {
      attempt.encryptedCount++;
      const opened = await decryptWithSecrets(bag.scheme, bag.data, [secret], looksLikePkcs8, run);
      if (!opened) {
        attempt.failed++;
        return { kind: 'unsupported', what: 'secret key', code: 'WRONG_PASSWORD', message: 'This secret key is protected by a different password than the file.', hint: 'Open the file with the key password.', ...context };
      }
      attempt.proved = true;
      return { kind: 'secretKey', ...describeSecretKey(opened.plaintext), ...context };
    }
    case 'unsupported':
      return {
        kind: 'unsupported',
        what: bag.what,
        code: bag.error.code === 'CORRUPT' || bag.error.code === 'WRONG_PASSWORD' ? bag.error.code : 'UNSUPPORTED_ALGORITHM',
        message: bag.error.message,
        hint: bag.error.hint,
        ...context,
      };
  }
}

/** "Certificates encrypted with RC2-40 ..." for one encrypted safe, naming what it holds. */
function safeNote(bags: SafeBag[], scheme: PbeScheme): string {
  const protection = scheme.protection;
  const kinds = new Set(bags.map((b) => (b.kind === 'certificate' ? 'Certificates' : b.kind === 'key' || b.kind === 'shroudedKey' ? 'Private keys' : 'Entries')));
  const what = kinds.size === 0 ? 'An empty safe' : [...kinds].join(' and ');
  if (/40BitRC2/.test(protection)) return `Legacy PFX: ${what.toLowerCase()} encrypted with RC2-40 (OpenSSL 3 needs -legacy to read it)`;
  if (/RC2/.test(protection)) return `Legacy PFX: ${what.toLowerCase()} encrypted with RC2-128 (OpenSSL 3 needs -legacy to read it)`;
  if (scheme.legacy) return `Legacy PFX: ${what.toLowerCase()} encrypted with ${protection}`;
  return `${what} encrypted with ${protection}`;
}

function result(pfx: PfxStructure, attempt: Attempt, options: ReadOptions): ReadResult {
  const notes = [...attempt.notes].sort();
  if (pfx.parts.some((p) => p.kind === 'plain') && attempt.objects.some((o) => o.kind === 'certificate' && o.location && pfx.parts.some((p) => p.kind === 'plain' && o.location?.startsWith(p.location + ',')))) {
    notes.push('Some certificates are not encrypted');
  }
  if (pfx.mac) notes.push(`MAC: ${pfx.mac.label}`);
  else notes.push('No MAC: integrity cannot be checked');
  if (options.password === undefined && (pfx.mac || attempt.encryptedCount > 0)) {
    notes.push(attempt.secret.label === 'no password' ? 'Opened without a password: none was set' : 'Opened without a password: it uses the empty password');
  } else if (attempt.secret.label.includes('old OpenSSL')) {
    notes.push('The password was encoded the way OpenSSL before 1.1 did (non-ASCII characters as UTF-8 bytes)');
  }
  return {
    format: 'pkcs12',
    encrypted: attempt.encryptedCount > 0,
    integrity: pfx.mac ? 'verified' : 'absent',
    objects: attempt.objects,
    notes,
  };
}


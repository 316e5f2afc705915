/**
 * Private key writers: PKCS#8 (plain, or encrypted as OpenSSL 3's `pkcs8 -topk8 -v2 aes-256-cbc` does:
 * PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) and the traditional PKCS#1 / SEC 1 forms (optionally with
 * OpenSSL's DEK-Info AES-256-CBC encryption). Encryption is built from crypto.ts primitives, never with
 * KeyObject.export's cipher option: Electron's BoringSSL does not write the same thing.
 */
import { encryptCbc, randomBytes, traditionalPrivateKey } from '../crypto';
import { octetString, sequence } from '../der/write';
import { PkiError } from '../errors';
import { pemBlock } from '../formats/pem-write';
import { secretFor } from '../pbe/password';
import { pbes2Encrypt } from '../pbe/pbes2';
import { MAX_ITERATIONS } from '../pbe/scheme';
import { bytesToKey } from './dek-info';
import { isPkcs8PrivateKeyInfo } from './index';

export type KeyOutputFormat = 'pkcs8' | 'pkcs8-der' | 'pkcs1' | 'pkcs1-der';

export interface KeyWriteOptions {
  /** Encrypt with this passphrase; undefined writes the key unencrypted (the caller has asked the user). */
  password?: string;
  /** PBKDF2 iterations for encrypted PKCS#8 (default 2048, as OpenSSL 3). */
  iterations?: number;
  signal?: AbortSignal;
}

/** OpenSSL 3's default PBKDF2 iteration count for `pkcs8 -topk8 -v2`. */
export const DEFAULT_PBKDF2_ITERATIONS = 2048;

export async function writePrivateKey(pkcs8: Uint8Array, format: KeyOutputFormat, options: KeyWriteOptions = {}): Promise<Uint8Array> {
  if (!isPkcs8PrivateKeyInfo(pkcs8)) {
    throw new PkiError('INVALID_ARGUMENT', 'The key to write is not a PKCS#8 private key.', 'This is a bug in Certbench; please report it (without the key).');
  }
  const password = checkedPassword(options.password);
  switch (format) {
    case 'pkcs8':
    case 'pkcs8-der': {
      const der = password === undefined ? pkcs8 : await encryptPkcs8(pkcs8, password, options);
      if (format === 'pkcs8-der') return der;
      return text(pemBlock(password === undefined ? 'PRIVATE KEY' : 'ENCRYPTED PRIVATE KEY', der));
    }
    case 'pkcs1': {
      const { der, label } = traditionalPrivateKey(pkcs8);
      if (password === undefined) return text(pemBlock(label, der));
      checkNotAborted(options.signal);
      return text(dekInfoPem(label, der, password));
    }
    case 'pkcs1-der': {
      if (password !== undefined) {
        throw new PkiError('INVALID_ARGUMENT', 'DER keys cannot carry traditional encryption.', 'Use pkcs8-der for an encrypted DER key, or pkcs1 for an encrypted PEM key.');
      }
      return traditionalPrivateKey(pkcs8).der;
    }
    default:
      throw new PkiError('INVALID_ARGUMENT', `Unknown key format "${String(format)}".`, 'Choose pkcs8, pkcs8-der, pkcs1 or pkcs1-der.');
  }
}

/**
 * EncryptedPrivateKeyInfo with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), random 16-byte salt and IV, laid
 * out as OpenSSL 3 writes it (no key length in the PBKDF2 parameters, a NULL after the PRF). The PBES2 part
 * is the PKCS#12 writer's (pbe/pbes2.ts): one implementation for both.
 */
export async function encryptPkcs8(pkcs8: Uint8Array, password: string, options: Pick<KeyWriteOptions, 'iterations' | 'signal'> = {}): Promise<Uint8Array> {
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new PkiError('INVALID_ARGUMENT', `${iterations} is not a usable iteration count.`, `Use a whole number from 1 to ${MAX_ITERATIONS.toLocaleString('en')} (OpenSSL uses 2,048).`);
  }
  checkNotAborted(options.signal);
  const { algorithm, data } = await pbes2Encrypt(secretFor(password), pkcs8, { cipher: 'aes-256-cbc', hash: 'sha256', iterations }, { signal: options.signal });
  return sequence(algorithm, octetString(data));
}

/** OpenSSL's traditional encryption: Proc-Type + DEK-Info headers, key = EVP_BytesToKey(MD5, salt = IV[0..8]). */
function dekInfoPem(label: string, der: Uint8Array, password: string): string {
  const iv = randomBytes(16);
  const key = bytesToKey(new TextEncoder().encode(password), iv.subarray(0, 8), 32);
  const body = pemBlock(label, encryptCbc('aes-256-cbc', key, iv, der));
  const headers = `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,${Buffer.from(iv).toString('hex').toUpperCase()}\n\n`;
  const firstLineEnd = body.indexOf('\n') + 1;
  return body.slice(0, firstLineEnd) + headers + body.slice(firstLineEnd);
}

function checkedPassword(password: string | undefined): string | undefined {
  if (password === undefined) return undefined;
  if (password === '') {
    throw new PkiError('INVALID_ARGUMENT', 'An empty passphrase does not protect the key.', 'Enter a passphrase, or choose to write the key unencrypted.');
  }
  return password;
}

function checkNotAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PkiError('CANCELLED', 'Writing the key was cancelled.', 'Start it again when you are ready.');
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

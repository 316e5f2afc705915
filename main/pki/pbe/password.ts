/**
 * The forms a password takes on the wire. PKCS#12 PBE and MAC keys are derived from the BMPString form
 * (UTF-16BE plus two zero bytes); PBES2 uses the UTF-8 bytes. "No password" and the empty password differ
 * for PKCS#12: OpenSSL derives the first from zero bytes and the second from just the two zero bytes.
 */
export interface PbeSecret {
  /** Bytes for the PKCS#12 KDF (RFC 7292 B.1). */
  bmp: Uint8Array;
  /** Bytes for PBKDF2. */
  utf8: Uint8Array;
  /** How to describe this attempt in notes ("the empty password"). */
  label: string;
}

export function bmpEncode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2 + 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[i * 2] = unit >> 8;
    out[i * 2 + 1] = unit & 0xff;
  }
  return out;
}

export function secretFor(password: string): PbeSecret {
  return { bmp: bmpEncode(password), utf8: new TextEncoder().encode(password), label: password === '' ? 'the empty password' : 'the password' };
}

/** OpenSSL's NULL password: nothing at all is fed to the KDF. */
export const NO_PASSWORD_SECRET: PbeSecret = { bmp: new Uint8Array(0), utf8: new Uint8Array(0), label: 'no password' };

/**
 * Pre-1.1 OpenSSL fed each UTF-8 byte of a non-ASCII password as one BMP character; files it wrote still
 * circulate, and OpenSSL 3 retries that form too.
 */
export function legacyUtf8Secret(password: string): PbeSecret | undefined {
  const utf8 = new TextEncoder().encode(password);
  if (utf8.length === password.length) return undefined;
  return { bmp: bmpEncode(String.fromCharCode(...utf8)), utf8, label: 'the password (old OpenSSL encoding)' };
}

/**
 * Secrets to try for a password: the exact form first, then the forms other writers use.
 * An empty or missing password tries both the two-zero-byte and the zero-length forms.
 */
export function candidateSecrets(password: string | undefined): PbeSecret[] {
  if (password === undefined || password === '') return [secretFor(''), NO_PASSWORD_SECRET];
  const legacy = legacyUtf8Secret(password);
  return legacy ? [secretFor(password), legacy] : [secretFor(password)];
}

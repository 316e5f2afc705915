/**
 * A rough strength hint for a password the user is choosing (store passwords, key passphrases): length and
 * variety, plus the passwords every guide uses. A hint for a person, not a security claim.
 */
export type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** One sentence: what the level means and how to do better. */
  words: string;
}

/** Passwords from vendor guides and keytool tutorials: guessed first by anyone who finds the file. */
const WELL_KNOWN = new Set(['changeit', 'changeme', 'password', 'secret', 'keystore', 'truststore', 'storepass', 'keypass', '123456', '12345678', 'qwerty', 'letmein', 'admin']);

/** keytool refuses store and key passwords shorter than this. */
export const KEYTOOL_MIN_LENGTH = 6;

export function passwordStrength(password: string, minLength = KEYTOOL_MIN_LENGTH): Strength {
  if (password.length < minLength) return { level: 'too-short', words: `Use at least ${minLength} characters${minLength === KEYTOOL_MIN_LENGTH ? ' (keytool refuses shorter passwords)' : ''}.` };
  if (WELL_KNOWN.has(password.toLowerCase())) return { level: 'weak', words: 'A well-known default: anyone who finds the file will try it first.' };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
  const distinct = new Set(password).size;
  if (distinct <= 2 || password.length < 10 || (password.length < 14 && classes < 3)) {
    return { level: 'weak', words: 'Easy to guess: make it longer, or mix words, digits and symbols.' };
  }
  if (password.length >= 16 || (password.length >= 12 && classes >= 3)) return { level: 'strong', words: 'Strong.' };
  return { level: 'fair', words: 'Fair: a few more characters make it strong.' };
}

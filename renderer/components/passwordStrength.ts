/**
 * A strength hint for a new password: a rough guessing-cost estimate from its length and the kinds of
 * characters it mixes, marked down for the patterns guessers try first. A hint, not a policy.
 */
export interface Strength {
  /** 0 (weak) .. 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Very weak' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  tone: 'error' | 'warning' | 'info' | 'success';
  /** What would make it stronger, when something would. */
  advice: string | null;
}

const COMMON = ['password', 'passw0rd', 'changeit', 'changeme', 'secret', 'letmein', 'qwerty', 'azerty', 'admin', 'welcome', 'iloveyou', '123456', 'abc123', 'certbench'];

function bitsOf(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^A-Za-z0-9]/.test(password)) pool += 33;
  let bits = password.length * Math.log2(Math.max(pool, 1));
  const lower = password.toLowerCase();
  if (COMMON.some((w) => lower.includes(w))) bits -= 30;
  if (/^(.)\1*$/.test(password)) bits = Math.min(bits, 4);
  if (/(0123|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef)/i.test(password)) bits -= 12;
  return bits;
}

export function passwordStrength(password: string): Strength {
  const bits = bitsOf(password);
  const mixed = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const advice = password.length < 12 ? 'Longer is stronger: a few unrelated words make a good passphrase.' : mixed < 2 && bits < 60 ? 'Mix in digits, capitals or symbols, or add a word.' : null;
  if (bits < 28) return { score: 0, label: 'Very weak', tone: 'error', advice: advice ?? 'A common word or pattern: guessed at once.' };
  if (bits < 40) return { score: 1, label: 'Weak', tone: 'error', advice };
  if (bits < 60) return { score: 2, label: 'Fair', tone: 'warning', advice };
  if (bits < 80) return { score: 3, label: 'Good', tone: 'info', advice: null };
  return { score: 4, label: 'Strong', tone: 'success', advice: null };
}

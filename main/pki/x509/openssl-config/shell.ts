/** POSIX shell quoting for the command lines Certbench shows. */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** The word as one shell argument: as is when it has nothing the shell reads, else in single quotes ('\'' for a quote). */
export function shellQuote(word: string): string {
  return SAFE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const commandLine = (words: string[]) => words.map(shellQuote).join(' ');

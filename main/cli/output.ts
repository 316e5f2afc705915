/** How the CLI speaks: JSON on stdout with --json, words otherwise; errors as {code, message, hint}. */
import type { ErrorInfo } from '../pki/errors';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
};

export function reportError(io: Io, error: ErrorInfo, json: boolean): void {
  if (json) io.out(JSON.stringify({ error }, null, 2));
  else io.err(`certbench: ${error.message}\n  hint: ${error.hint}\n  (${error.code})`);
}

/** Exit codes of CLI.md. */
export const EXIT = { ok: 0, problems: 1, badInput: 2 } as const;

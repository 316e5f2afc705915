/** How the CLI speaks: JSON on stdout with --json, words otherwise; errors as {code, message, hint}. */
import type { ErrorInfo } from '../pki/errors';
import { onProcessStop, processTerminal, stdinIsTerminal, type Terminal } from './terminal';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The person at the terminal, when stdin is one; absent for scripts, CI and tests that do not answer. */
  terminal?: Terminal;
  /** Ctrl+C / SIGTERM while a command waits: `listener` stops its work cleanly. Returns the unhook function. */
  onStop?(listener: () => void): () => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  get terminal() {
    return stdinIsTerminal() ? processTerminal : undefined;
  },
  onStop: onProcessStop,
};

export function reportError(io: Io, error: ErrorInfo, json: boolean): void {
  if (json) io.out(JSON.stringify({ error }, null, 2));
  else io.err(`certbench: ${error.message}\n  hint: ${error.hint}\n  (${error.code})`);
}

/** Exit codes of CLI.md. */
export const EXIT = { ok: 0, problems: 1, badInput: 2 } as const;

/**
 * Lines (without their newline) gathered and written a batch at a time, one write for about `batchChars`
 * characters instead of one per line; what is written is the same as io.out of each line.
 */
export function lineBatcher(io: Io, batchChars = 1 << 20): { line(text: string): void; flush(): void } {
  let lines: string[] = [];
  let size = 0;
  const flush = () => {
    // io.out adds a newline only when the text lacks one, so trailing empty lines are written on their own.
    let end = lines.length;
    while (end > 0 && lines[end - 1] === '') end--;
    if (end > 0) io.out(lines.slice(0, end).join('\n'));
    for (let i = end; i < lines.length; i++) io.out('');
    lines = [];
    size = 0;
  };
  return {
    line(text) {
      lines.push(text);
      size += text.length + 1;
      if (size >= batchChars) flush();
    },
    flush,
  };
}

/**
 * The person at the terminal, for the few commands that must ask (a DNS record placed by hand, then Enter, as
 * certbot does), and Ctrl+C / SIGTERM while a command waits on the network, so it can stop its work cleanly
 * (an ACME order cancelled at the CA) instead of dying in the middle. Scripts and CI have no terminal: a command
 * that would need one says so before it starts.
 */
import { nodeReadline } from '../pki/lazy-builtins';

export interface Terminal {
  /** Writes `question` on stderr and reads one line from stdin; null at the end of input or on Ctrl+C. */
  ask(question: string): Promise<string | null>;
}

export const processTerminal: Terminal = {
  ask: (question) =>
    new Promise((resolve) => {
      const rl = nodeReadline().createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      let answered = false;
      const finish = (answer: string | null) => {
        if (answered) return;
        answered = true;
        rl.close();
        resolve(answer);
      };
      rl.on('SIGINT', () => finish(null));
      rl.on('close', () => finish(null));
      rl.question(question, (answer) => finish(answer));
    }),
};

/** Stdin is a terminal (not a pipe, a file or /dev/null). */
export const stdinIsTerminal = (): boolean => process.stdin.isTTY === true;

/**
 * Calls `listener` on the first Ctrl+C or SIGTERM (the command then stops its work and exits by itself); a
 * second one ends the process at once, for when stopping cleanly hangs. Returns the function that unhooks it.
 */
export function onProcessStop(listener: () => void): () => void {
  let stopping = false;
  const handler = () => {
    if (stopping) process.exit(130);
    stopping = true;
    listener();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

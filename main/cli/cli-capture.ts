/** Test-only (imported by *.test.ts): runs the command line in process and keeps what it printed. */
import { runCli } from './main';
import type { Io } from './output';

export async function cliCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** Runs a `certbench` command in this process, capturing what it prints on stdout and stderr. */
import { runCli } from '../../main/cli/main';
import type { Io } from '../../main/cli/output';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') };
  const code = await runCli(argv, io);
  return { code, out, err };
}

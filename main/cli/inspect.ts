/** `certbench inspect FILE... [--password P] [--json]` (CLI.md). */
import { createWorkbench } from '../workbench';
import { parseArgs, passwordFrom, PASSWORD_FLAGS } from './args';
import { inspectFile } from './inspect-json';
import { inspectText } from './inspect-text';
import { EXIT, type Io } from './output';
import { PkiError } from '../pki/errors';

export async function inspectCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, PASSWORD_FLAGS, ['json']);
  if (args.positionals.length === 0) throw new PkiError('INVALID_ARGUMENT', 'inspect needs at least one file.', 'Usage: certbench inspect FILE... [--password P] [--json]');
  const workbench = createWorkbench({ shell: 'web' });
  workbench.grants.grant(args.positionals); // the paths the user typed are the ones chosen
  const state = await workbench.handlers['documents.openPaths']({ paths: args.positionals, password: passwordFrom(args) });
  const failed = state.documents.some((d) => d.status !== 'ready');
  if (args.flags.has('json')) io.out(JSON.stringify({ files: state.documents.map(inspectFile) }, null, 2));
  else io.out(inspectText(state.documents));
  return failed ? EXIT.badInput : EXIT.ok;
}

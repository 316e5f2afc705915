/** `certbench acme status [ORDER-ID...]`: the orders in the app's data folder (all, newest first, or the ones named). */
import { parseArgs } from './args';
import { acmeWorkbench, findOrder } from './acme-outcome';
import { statusLines } from './acme-text';
import { EXIT, type Io } from './output';

export const STATUS_USAGE = 'certbench acme status [ORDER-ID...] [--json]';

export async function statusCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, [], ['json']);
  const workbench = acmeWorkbench();
  try {
    const all = await workbench.acme.list();
    const orders = args.positionals.length ? args.positionals.map((id) => findOrder(all, id)) : all;
    if (args.flags.has('json')) io.out(JSON.stringify({ orders }, null, 2));
    else io.out(statusLines(orders, new Date()).join('\n'));
    return EXIT.ok;
  } finally {
    await workbench.acme.close();
  }
}


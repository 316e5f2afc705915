/**
 * `certbench acme save ORDER-ID --out-dir DIR [--force]`: writes an issued order's certbot set (privkey.pem 0600)
 * into a folder: for an order issued in the app, or one whose files could not be written when it was issued.
 */
import { resolve } from 'node:path';
import { PkiError } from '../pki/errors';
import { parseArgs } from './args';
import { findOrder, withAcmeWorkbench } from './acme-outcome';
import { writtenLines } from './acme-text';
import { makeFolder, removeIfEmpty } from './out-dir';
import { EXIT, type Io } from './output';

export const SAVE_USAGE = 'certbench acme save ORDER-ID --out-dir DIR [--force] [--json]';

export async function saveCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out-dir'], ['force', 'json']);
  const json = args.flags.has('json');
  const bad = (message: string) => new PkiError('INVALID_ARGUMENT', message, `Usage: ${SAVE_USAGE}`);
  if (args.positionals.length !== 1) throw bad(args.positionals.length ? 'Save one order at a time.' : 'Say which order to save: its ID (certbench acme status lists them).');
  const outDir = args.values.get('out-dir')?.at(-1);
  if (outDir === undefined) throw bad('Say where to write cert.pem, chain.pem, fullchain.pem and privkey.pem with --out-dir DIR.');
  const folder = resolve(outDir);
  return withAcmeWorkbench(io, json, async (workbench) => {
    const order = findOrder(await workbench.acme.list(), args.positionals[0]);
    workbench.folders.grant(folder);
    const created = makeFolder(folder);
    const written = await workbench.acme.save(order.id, { folder, overwrite: args.flags.has('force') }).catch((e: unknown) => {
      removeIfEmpty(folder, created);
      throw e;
    });
    if (json) io.out(JSON.stringify({ written }, null, 2));
    else io.out(['Wrote:', ...writtenLines(written)].join('\n'));
    return EXIT.ok;
  });
}

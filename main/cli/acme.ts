/**
 * `certbench acme issue|status|renew|revoke|save` (CLI.md "acme"): ACME issuance over the workbench's AcmeOrders and
 * the app's data folder (CERTBENCH_DATA_DIR, else the desktop app's data folder: data-dir.ts), so orders made here show in the app, and
 * `status`, `renew` and `revoke` find the app's orders. Exit 0 issued (or done); 1 the CA refused or a challenge
 * failed, with the CA's reason; 2 bad input, an unreachable CA (NETWORK) or a stopped order.
 */
import { PkiError } from '../pki/errors';
import { ISSUE_USAGE, issueCommand } from './acme-issue';
import { RENEW_USAGE, renewCommand } from './acme-renew';
import { REVOKE_USAGE, revokeCommand } from './acme-revoke';
import { SAVE_USAGE, saveCommand } from './acme-save';
import { STATUS_USAGE, statusCommand } from './acme-status';
import { EXIT, type Io } from './output';

const SUBCOMMANDS: Record<string, { run: (argv: string[], io: Io) => Promise<number>; usage: string }> = {
  issue: { run: issueCommand, usage: ISSUE_USAGE },
  status: { run: statusCommand, usage: STATUS_USAGE },
  renew: { run: renewCommand, usage: RENEW_USAGE },
  revoke: { run: revokeCommand, usage: REVOKE_USAGE },
  save: { run: saveCommand, usage: SAVE_USAGE },
};

export const ACME_USAGE = Object.values(SUBCOMMANDS).map((s) => s.usage).join('\n  ');

export async function acmeCommand(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === 'help') {
    io.out(`${ACME_USAGE}\nWrites cert.pem, chain.pem, fullchain.pem and privkey.pem (0600), as certbot names them.`);
    return EXIT.ok;
  }
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!sub) {
    throw new PkiError('INVALID_ARGUMENT', name === undefined || name.startsWith('--') ? 'acme needs a subcommand: issue, status, renew, revoke or save.' : `Unknown acme subcommand "${name}".`, `Usage:\n  ${ACME_USAGE}`);
  }
  if (rest.includes('--help')) {
    io.out(sub.usage);
    return EXIT.ok;
  }
  return sub.run(rest, io);
}

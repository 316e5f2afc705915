/** `certbench acme revoke ORDER-ID [--reason R]`: revokes an issued order's certificate with the account that ordered it. */
import { PkiError } from '../pki/errors';
import { parseArgs } from './args';
import { findOrder, withAcmeWorkbench } from './acme-outcome';
import { namesText } from './acme-text';
import { EXIT, type Io } from './output';

/** RFC 5280 CRLReason codes the CAs accept over ACME (Let's Encrypt takes these five). */
export const REVOCATION_REASONS = { unspecified: 0, keyCompromise: 1, affiliationChanged: 3, superseded: 4, cessationOfOperation: 5 } as const;
type ReasonName = keyof typeof REVOCATION_REASONS;

export const REVOKE_USAGE = `certbench acme revoke ORDER-ID [--reason ${Object.keys(REVOCATION_REASONS).join('|')}] [--json]`;

export async function revokeCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['reason'], ['json']);
  const json = args.flags.has('json');
  const bad = (message: string, hint = `Usage: ${REVOKE_USAGE}`) => new PkiError('INVALID_ARGUMENT', message, hint);
  if (args.positionals.length !== 1) throw bad(args.positionals.length ? 'Revoke one order at a time.' : 'Say which order to revoke: its ID (certbench acme status lists them).');
  const reasonName = args.values.get('reason')?.at(-1);
  if (reasonName !== undefined && !(reasonName in REVOCATION_REASONS)) throw bad(`--reason is one of ${Object.keys(REVOCATION_REASONS).join(', ')}, not "${reasonName}".`, 'keyCompromise when the private key may be known to others; superseded when a new certificate replaces it.');
  return withAcmeWorkbench(io, json, async (workbench) => {
    const order = findOrder(await workbench.acme.list(), args.positionals[0]);
    const revoked = await workbench.acme.revoke(order.id, reasonName === undefined ? undefined : REVOCATION_REASONS[reasonName as ReasonName]);
    if (json) io.out(JSON.stringify({ order: revoked }, null, 2));
    else io.out(`Revoked the certificate of order ${revoked.id} (${namesText(revoked.domains)}), serial ${revoked.result?.serial ?? '?'}${reasonName ? `, reason ${reasonName}` : ''}. Servers still using it will be refused by clients that check revocation.`);
    return EXIT.ok;
  });
}

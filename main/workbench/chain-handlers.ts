/**
 * chain.check, chain.verdicts and chain.saveFixed over the session: open documents in, the doctor's report out
 * (with objectIds for certificates that are open), reports kept for saving the fixed chain.
 * STUB (owner: chain-doctor).
 */
import type { MethodHandlers } from '../rpc/dispatcher';
import { PkiError } from '../pki/errors';
import type { EventHub } from './events';
import type { OutputFolders } from './output-folders';
import type { PathGrants } from './path-grants';
import type { Session } from './session';
import type { NetworkPort } from '../pki/net/port';

export interface ChainHandlerContext {
  session: Session;
  folders: OutputFolders;
  grants: PathGrants;
  events: EventHub;
  net: NetworkPort;
  now?: () => Date;
}

const notYet = () => new PkiError('INTERNAL', 'The chain doctor is not built yet.', 'Try again with a newer Certbench.');

export function chainHandlers(ctx: ChainHandlerContext): Pick<MethodHandlers, 'chain.check' | 'chain.verdicts' | 'chain.saveFixed'> {
  void ctx;
  return {
    'chain.check': async () => {
      throw notYet();
    },
    'chain.verdicts': async () => {
      throw notYet();
    },
    'chain.saveFixed': async () => {
      throw notYet();
    },
  };
}

/**
 * The expiry.* methods: the watchlist in the app's data folder, scans with progress and cancel, digests and
 * exports, and the reminder scheduler.
 * STUB (owner: expiry-scan).
 */
import type { MethodHandlers } from '../rpc/dispatcher';
import { PkiError } from '../pki/errors';
import type { NetworkPort } from '../pki/net/port';
import type { EventHub } from './events';
import type { OutputFolders } from './output-folders';
import type { PathGrants } from './path-grants';
import type { Session } from './session';

export interface ExpiryHandlerContext {
  session: Session;
  folders: OutputFolders;
  grants: PathGrants;
  events: EventHub;
  net: NetworkPort;
  /** The app's data folder (watchlist.json, last scan, reports); none = the watchlist lives in memory only. */
  dataDir?: string;
  now?: () => Date;
}

type ExpiryMethod = 'expiry.watchlist' | 'expiry.addTargets' | 'expiry.removeTargets' | 'expiry.updateSettings' | 'expiry.scan' | 'expiry.digest' | 'expiry.export';

const notYet = async (): Promise<never> => {
  throw new PkiError('INTERNAL', 'Expiry watch is not built yet.', 'Try again with a newer Certbench.');
};

export function expiryHandlers(ctx: ExpiryHandlerContext): Pick<MethodHandlers, ExpiryMethod> {
  void ctx;
  return {
    'expiry.watchlist': notYet,
    'expiry.addTargets': notYet,
    'expiry.removeTargets': notYet,
    'expiry.updateSettings': notYet,
    'expiry.scan': notYet,
    'expiry.digest': notYet,
    'expiry.export': notYet,
  };
}

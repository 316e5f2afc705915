/**
 * The expiry.* methods over the workbench's ExpiryWatch (expiry/watch.ts): the watchlist in the app's data
 * folder, scans with progress and cancel, digests and exports. The reminder scheduler (expiry/reminders.ts)
 * is started by the shells on the same watch.
 */
import type { MethodHandlers } from '../rpc/dispatcher';
import type { NetworkPort } from '../pki/net/port';
import type { EventHub } from './events';
import { ExpiryWatch } from './expiry/watch';
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
  /** The watch to serve (the workbench shares one with the reminder scheduler); default a new one. */
  watch?: ExpiryWatch;
}

type ExpiryMethod = 'expiry.watchlist' | 'expiry.addTargets' | 'expiry.removeTargets' | 'expiry.updateSettings' | 'expiry.scan' | 'expiry.digest' | 'expiry.export';

export function expiryHandlers(ctx: ExpiryHandlerContext): Pick<MethodHandlers, ExpiryMethod> {
  const watch = ctx.watch ?? new ExpiryWatch(ctx);
  return {
    'expiry.watchlist': () => watch.watchlist(),
    'expiry.addTargets': ({ targets }) => watch.addTargets(targets),
    'expiry.removeTargets': ({ ids }) => watch.removeTargets(ids),
    'expiry.updateSettings': (change) => watch.updateSettings(change),
    'expiry.scan': ({ targetIds }) => watch.scan(targetIds),
    'expiry.digest': ({ kind }) => watch.digest(kind),
    'expiry.export': (request) => watch.export(request),
  };
}

/**
 * Whether an IPC call comes from our window's main frame showing the app:// origin. Structural types
 * instead of electron's, so this pure check is unit tested under Node.
 */
import { isAppUrl } from './origin';

export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}
export interface SenderEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: unknown };
}

export function isTrustedSender(event: SenderEventLike, win: WindowLike | null): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  return event.sender === win.webContents && frame === win.webContents.mainFrame && frame.parent === null && isAppUrl(frame.url);
}

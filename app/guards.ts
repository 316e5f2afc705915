/**
 * Hardening that applies to every web contents and the session: no navigation, no new windows, no
 * webviews, no permissions (except clipboard write from our origin, see origin.ts). A link from our own page
 * to an allowlisted https site (main/shell/external-links.ts) goes to the system browser instead.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { externalLinkTarget } from '../main/shell/external-links';
import { isAppUrl, isPermissionAllowed } from './origin';

/** Hands an allowlisted link clicked in our own page to the system browser; anything else is dropped. */
function openIfAllowed(contents: WebContents, url: string): void {
  const target = isAppUrl(contents.getURL()) ? externalLinkTarget(url) : null;
  if (target) void shell.openExternal(target).catch(() => undefined);
}

export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(contents, url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openIfAllowed(contents, event.url);
  });
  // will-navigate covers the main frame (loadURL is programmatic and does not emit it); subframes never navigate.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/**
 * The renderer's origin and what it may do. Pure functions (no electron import) so they are unit tested.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'certbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for a URL served by our app:// protocol (what the main frame must show to be trusted). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Permissions the renderer may use. Everything is denied except writing to the clipboard from our own
 * origin: the UI's copy buttons (fingerprints, PEM, commands) call navigator.clipboard.writeText, which
 * Chromium gates behind 'clipboard-sanitized-write'. Reading the clipboard stays denied (paste goes
 * through the native Edit menu role instead).
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

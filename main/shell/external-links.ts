/**
 * Which web links the desktop app hands to the system browser (shell.openExternal). Only https, only hosts on
 * this list: a link is a way out of the sandbox into another program, so an unknown URL (a custom CA's terms,
 * a javascript: or file: URL, a link a crafted certificate field could smuggle in) is dropped, not opened.
 * Pure, so it is unit tested; app/guards.ts applies it to window.open and navigation.
 */

/**
 * Domains whose pages the app links: Let's Encrypt (the ACME page's preset CAs: their terms of service PDFs
 * under letsencrypt.org/documents/, their website and staging docs under letsencrypt.org/docs/). A domain
 * covers its subdomains (community.letsencrypt.org).
 */
export const EXTERNAL_LINK_DOMAINS: readonly string[] = ['letsencrypt.org'];

/** Longer than any link the app shows; a longer one is not a link a person clicked. */
const MAX_URL_LENGTH = 2048;

const onList = (hostname: string) => EXTERNAL_LINK_DOMAINS.some((d) => hostname === d || hostname.endsWith(`.${d}`));

/**
 * The URL to open in the system browser, normalised, or null when it must not leave the app: not https, a
 * user name or password in it, a port other than 443, or a host off the list.
 */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return null;
  return onList(u.hostname) ? u.href : null;
}

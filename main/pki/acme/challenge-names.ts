/** Where a challenge's answer lives: the DNS-01 TXT record name and the HTTP-01 URL path. */

/** "_acme-challenge.example.com" for "example.com" and for "*.example.com" (RFC 8555 8.4: the wildcard label is dropped). */
export function dns01TxtName(identifier: string): string {
  return `_acme-challenge.${identifier.replace(/^\*\./, '').replace(/\.$/, '')}`;
}

/** "/.well-known/acme-challenge/TOKEN" (RFC 8555 8.3). */
export function http01Path(token: string): string {
  return `/.well-known/acme-challenge/${token}`;
}

/** The URL the CA fetches for an HTTP-01 challenge (always port 80 for a real CA). */
export function http01Url(identifier: string, token: string, port = 80): string {
  return `http://${identifier}${port === 80 ? '' : `:${port}`}${http01Path(token)}`;
}

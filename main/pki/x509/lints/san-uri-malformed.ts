/** A URI SAN is an absolute URI (scheme:rest) in ASCII; when it has an authority, the host is not empty. */
import { describeName } from './names';
import type { LintRule } from './types';

function uriProblem(value: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return 'it needs a scheme, as in "https://example.com/" or "spiffe://example.org/service"';
  if (/[^\x21-\x7e]/.test(value)) return 'it has spaces or non-ASCII characters; percent-encode them (a space is %20)';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:$/.test(value)) return 'it has a scheme but nothing after it';
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(value);
  if (authority) {
    const host = authority[1].replace(/^[^@]*@/, '').replace(/:\d*$/, '');
    if (host === '') return 'the part after "//" names no host';
  }
  try {
    new URL(value);
  } catch {
    return 'it cannot be parsed as a URI';
  }
  return null;
}

export const sanUriMalformed: LintRule = {
  id: 'e_uri_malformed',
  rule: 'RFC 5280 4.2.1.6 / RFC 3986',
  severity: 'error',
  check(input) {
    return input.names.flatMap((n) => {
      const why = n.type === 'URI' ? uriProblem(n.value) : null;
      return why ? [{ code: 'URI_MALFORMED', field: n.field, message: `${describeName(n)} is not a valid URI: ${why}.` }] : [];
    });
  },
};

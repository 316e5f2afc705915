/**
 * Host name syntax (RFC 1034 3.5 / RFC 1123 2.1 "preferred name syntax", RFC 5890 for IDNs) as a certificate's
 * dNSName needs it. Wildcards and underscores are judged by their own rules, not here.
 */
import { domainToUnicode } from 'node:url';

export const MAX_NAME = 253;
export const MAX_LABEL = 63;

/** Why `name` is not a valid host name (without a leading "*." wildcard label), or null when it is. */
export function hostNameProblem(name: string): string | null {
  if (name === '') return 'it is empty';
  if (/\s/.test(name)) return 'it contains a space; a host name never does';
  if (/[^\x00-\x7f]/.test(name)) return 'it has non-ASCII letters; write an internationalized name in its ASCII (punycode) form, e.g. "xn--bcher-kva.example" for "bücher.example"';
  if (name.endsWith('.')) return 'it ends with a dot; write the name without the trailing dot';
  if (name.length > MAX_NAME) return `it is ${name.length} characters long; a host name has at most ${MAX_NAME}`;
  const labels = name.split('.');
  for (const l of labels) {
    if (l === '') return 'it has an empty label (two dots in a row, or a leading dot)';
    if (l.length > MAX_LABEL) return `the label "${l.slice(0, 20)}..." is ${l.length} characters long; each dot-separated part has at most ${MAX_LABEL}`;
    if (!/^[A-Za-z0-9_*-]+$/.test(l)) return `the label "${l}" has characters other than letters, digits and hyphens`;
    if (l.startsWith('-') || l.endsWith('-')) return `the label "${l}" starts or ends with a hyphen`;
    if (/^..--/.test(l) && !/^xn--/i.test(l)) return `the label "${l}" has hyphens in the 3rd and 4th places, which are reserved for "xn--" internationalized labels`;
    // WHATWG/UTS 46 decoding answers '' for an A-label that is not valid punycode.
    if (/^xn--/i.test(l) && domainToUnicode(l) === '') return `the label "${l}" is not a valid internationalized (punycode) label; copy the ASCII form of the name from your registrar or DNS zone`;
  }
  if (/^\d+$/.test(labels[labels.length - 1]) && labels.length > 1) return 'its last label is all digits; if it is an IP address, add it as an IP name instead';
  return null;
}

/** The name without a leading "*." (the only wildcard form allowed). */
export const withoutWildcard = (name: string): string => (name.startsWith('*.') ? name.slice(2) : name);

/**
 * The names of an ACME order as the CA wants them: DNS names in ASCII (an internationalized name becomes its
 * punycode A-label form), lower case, a wildcard only as the whole leftmost label, no repeats, at most 100
 * (Let's Encrypt's limit). Every problem is INVALID_ARGUMENT naming the name, before anything is sent.
 */
import { domainToASCII } from 'node:url';
import { PkiError } from '../../pki/errors';
import { parseIpAddress } from '../../pki/x509/ip-address';
import { hostNameProblem } from '../../pki/x509/lints/host-name';

export const MAX_NAMES = 100;

export function normalizeDomains(domains: readonly string[]): string[] {
  if (domains.length === 0) throw new PkiError('INVALID_ARGUMENT', 'The order names no domain.', 'Add the name the certificate is for, such as www.example.com.');
  if (domains.length > MAX_NAMES) throw new PkiError('INVALID_ARGUMENT', `The order has ${domains.length} names; an ACME CA takes at most ${MAX_NAMES} in one certificate.`, 'Split the names over several orders.');
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const given of domains) {
    const name = normalizeDomain(given);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      const same = earlier === given.trim() ? `"${given.trim()}" is listed twice` : `"${given.trim()}" and "${earlier}" are the same name (${name})`;
      throw new PkiError('INVALID_ARGUMENT', `${same}.`, 'List each name once.');
    }
    seen.set(name, given.trim());
    out.push(name);
  }
  return out;
}

export function normalizeDomain(given: string): string {
  const trimmed = given.trim().replace(/\.$/, '');
  const wildcard = trimmed.startsWith('*.');
  const base = wildcard ? trimmed.slice(2) : trimmed;
  if (parseIpAddress(base) !== null || /^\[.*\]$/.test(base)) {
    throw new PkiError('INVALID_ARGUMENT', `"${given}" is an IP address; Certbench orders ACME certificates for DNS names.`, 'Use the DNS name that points to the address.');
  }
  if (base.includes('*')) {
    throw new PkiError('INVALID_ARGUMENT', `"${given}" has a "*" that is not the whole first label; a wildcard is written "*.example.com".`, 'Write the wildcard as "*." followed by the domain.');
  }
  // A Unicode name becomes its A-label form; domainToASCII answers '' for a name UTS 46 refuses.
  const ascii = /[^\x00-\x7f]/.test(base) ? domainToASCII(base) : base.toLowerCase();
  if (ascii === '') throw new PkiError('INVALID_ARGUMENT', `"${given}" is not a valid internationalized domain name.`, 'Check the spelling, or give its ASCII (punycode) form from your registrar.');
  const problem = hostNameProblem(ascii);
  if (problem) throw new PkiError('INVALID_ARGUMENT', `"${given}" is not a DNS name: ${problem}.`, 'Give a name such as www.example.com or *.example.com.');
  if (!ascii.includes('.')) throw new PkiError('INVALID_ARGUMENT', `"${given}" is a single label; a CA issues only for names under a public domain.`, 'Give the full name, such as www.example.com.');
  if (ascii.includes('_')) throw new PkiError('INVALID_ARGUMENT', `"${given}" has an underscore; ACME CAs do not issue for such names.`, 'Use a name of letters, digits and hyphens.');
  return wildcard ? `*.${ascii}` : ascii;
}

export const isWildcard = (name: string) => name.startsWith('*.');

/**
 * `certbench acme issue` flags → what to order (an AcmeIssueRequest), checked before anything reaches the CA:
 * the names (a wildcard needs dns-01), the challenge mode (hooks → 'hook'; http-01 → 'serve', Certbench answers on
 * --http-port; dns-01 without hooks → 'manual', which needs a terminal to wait on), the key or the CSR file, EAB.
 */
import { resolve } from 'node:path';
import type { AcmeChallengeType, AcmeIssueRequest, KeySpecName } from '../api/dto';
import { LETS_ENCRYPT, LETS_ENCRYPT_STAGING } from '../pki/acme/directories';
import { PkiError } from '../pki/errors';
import type { ParsedArgs } from './args';

export type AcmeKeySpec = Exclude<KeySpecName, 'ec:P-521' | 'ed25519'>;
export const ACME_KEY_SPECS: readonly AcmeKeySpec[] = ['rsa:2048', 'rsa:3072', 'rsa:4096', 'ec:P-256', 'ec:P-384'];
/** certbot's default since 2.0: ECDSA P-256. */
export const DEFAULT_ACME_KEY: AcmeKeySpec = 'ec:P-256';

export const ISSUE_VALUE_FLAGS = [
  'directory', 'ca-file', 'domain', 'email', 'eab-kid', 'eab-hmac-key', 'challenge', 'http-port', 'http-address',
  'manual-auth-hook', 'manual-cleanup-hook', 'key', 'csr', 'preferred-chain', 'dns-server', 'out-dir', 'name',
];
export const ISSUE_BOOLEAN_FLAGS = ['agree-tos', 'force', 'json'];

const DIRECTORY_NAMES: Record<string, string> = { letsencrypt: LETS_ENCRYPT, 'letsencrypt-staging': LETS_ENCRYPT_STAGING };
const DNS_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** An issue request without its key when the key is a CSR file: that is opened in the session first. */
export interface IssuePlan {
  request: Omit<AcmeIssueRequest, 'key' | 'destination'> & { key: { generate: AcmeKeySpec } | null };
  /** The CSR file (--csr), resolved; null when Certbench makes the key. */
  csrFile: string | null;
  outDir: string;
  force: boolean;
}

export function issuePlan(args: ParsedArgs, usage: string, hasTerminal: boolean): IssuePlan {
  const bad = (message: string, hint = `Usage: ${usage}`) => new PkiError('INVALID_ARGUMENT', message, hint);
  const one = (name: string) => args.values.get(name)?.at(-1);
  const all = (name: string) => args.values.get(name) ?? [];
  if (args.positionals.length) throw bad(`acme issue takes no file arguments ("${args.positionals[0]}").`, 'Name the certificate with --domain NAME (repeat it for more names) and the folder with --out-dir DIR.');

  const directoryUrl = directoryOf(one('directory'), bad);
  const outDir = one('out-dir');
  if (!outDir) throw bad('Say where to write cert.pem, chain.pem, fullchain.pem and privkey.pem with --out-dir DIR.');

  const csr = one('csr');
  const keyName = one('key');
  if (csr !== undefined && keyName !== undefined) throw bad('Give either --key (Certbench makes the key) or --csr (your own CSR and key), not both.');
  const key = csr === undefined ? { generate: keySpecOf(keyName ?? DEFAULT_ACME_KEY, bad) } : null;

  const domains = all('domain').flatMap((d) => d.split(',')).map((d) => d.trim().toLowerCase()).filter(Boolean);
  if (domains.length === 0 && csr === undefined) throw bad('Name the certificate with --domain NAME (repeat it for more names).');
  for (const d of domains) checkName(d, bad);
  const unique = [...new Set(domains)];

  const challenge = challengeOf(one('challenge'), bad);
  const authHook = one('manual-auth-hook');
  const cleanupHook = one('manual-cleanup-hook');
  if (cleanupHook !== undefined && authHook === undefined) throw bad('--manual-cleanup-hook undoes what --manual-auth-hook did: give --manual-auth-hook too.');
  refuseWildcardOverHttp(unique, challenge);
  const mode = authHook !== undefined ? 'hook' : challenge === 'http-01' ? 'serve' : 'manual';
  if (mode === 'manual' && !hasTerminal) {
    throw bad('dns-01 without hooks waits for you to place a TXT record and press Enter, but there is no terminal to wait on.', 'Give --manual-auth-hook CMD (and --manual-cleanup-hook CMD): it runs with CERTBENCH_DOMAIN, CERTBENCH_VALIDATION and CERTBENCH_TOKEN set; or run the command in a terminal.');
  }
  const servingFlags = ['http-port', 'http-address'].filter((f) => one(f) !== undefined);
  if (servingFlags.length && mode !== 'serve') throw bad(`--${servingFlags[0]} is where Certbench serves http-01 itself; this order is answered ${mode === 'hook' ? 'by your hooks' : 'over DNS'}.`, 'Leave it out, or use --challenge http-01 without hooks.');

  const eabKid = one('eab-kid');
  const eabHmac = one('eab-hmac-key');
  if ((eabKid === undefined) !== (eabHmac === undefined)) throw bad('External account binding needs both --eab-kid and --eab-hmac-key.', 'Your CA gives both in its account dashboard (ZeroSSL, Google, Sectigo).');
  if (eabHmac !== undefined && !/^[A-Za-z0-9_-]+={0,2}$/.test(eabHmac)) throw bad('--eab-hmac-key is the base64url key your CA gave you; this one has other characters.', 'Copy it again from the CA, without quotes or spaces.');

  const email = one('email');
  if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email)) throw bad(`--email "${email}" is not an email address.`, 'The CA writes to it about expiry and problems; leave it out to register without one.');

  const request: IssuePlan['request'] = {
    directoryUrl,
    domains: unique,
    agreeTos: args.flags.has('agree-tos'),
    challenge,
    mode,
    key,
  };
  const caFile = one('ca-file');
  if (caFile !== undefined) request.caFile = resolve(caFile);
  if (email !== undefined) request.email = email;
  if (eabKid !== undefined && eabHmac !== undefined) request.eab = { kid: eabKid, hmacKey: eabHmac };
  if (mode === 'serve') {
    request.httpPort = portOf(one('http-port'), bad);
    const address = one('http-address');
    if (address !== undefined) request.httpAddress = address;
  }
  if (authHook !== undefined) request.authHook = authHook;
  if (cleanupHook !== undefined) request.cleanupHook = cleanupHook;
  const dnsServers = all('dns-server');
  for (const s of dnsServers) if (!/^(\[[0-9a-f:.]+\]|[^\s:[\]]+)(:\d{1,5})?$/i.test(s)) throw bad(`--dns-server "${s}" is not HOST or HOST:PORT.`, 'Write it as 1.1.1.1, 8.8.8.8:53 or [2606:4700::1111]:53.');
  if (dnsServers.length) request.dnsServers = dnsServers;
  const preferredChain = one('preferred-chain');
  if (preferredChain !== undefined) request.preferredChain = preferredChain;
  const name = one('name');
  if (name !== undefined) request.name = name;
  return { request, csrFile: csr === undefined ? null : resolve(csr), outDir: resolve(outDir), force: args.flags.has('force') };
}

/** A wildcard needs dns-01: said before the order, not after it fails. */
export function refuseWildcardOverHttp(domains: readonly string[], challenge: AcmeChallengeType): void {
  const wildcards = domains.filter((d) => d.startsWith('*.'));
  if (!wildcards.length || challenge !== 'http-01') return;
  throw new PkiError(
    'INVALID_ARGUMENT',
    `${wildcards.join(', ')} ${wildcards.length === 1 ? 'is a wildcard' : 'are wildcards'}: a CA validates wildcards only over DNS (dns-01), never over HTTP.`,
    'Add --challenge dns-01 with --manual-auth-hook (a command that sets the TXT record), or run it in a terminal to place the record by hand.',
  );
}

/** A URL, or the short names letsencrypt and letsencrypt-staging. */
function directoryOf(text: string | undefined, bad: (m: string, h?: string) => PkiError): string {
  if (text === undefined) throw bad('Say which CA with --directory URL (or letsencrypt, letsencrypt-staging).');
  const known = DIRECTORY_NAMES[text.toLowerCase()];
  if (known) return known;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad(`--directory "${text}" is not a URL.`, 'Give the CA\'s ACME directory URL (https://…/directory), or letsencrypt / letsencrypt-staging.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad(`--directory "${text}" is not an http(s) URL.`, 'ACME directories are https:// URLs.');
  return text;
}

function keySpecOf(name: string, bad: (m: string, h?: string) => PkiError): AcmeKeySpec {
  const found = ACME_KEY_SPECS.find((k) => k.toLowerCase() === name.toLowerCase());
  if (!found) throw bad(`--key "${name}" is not a key type ACME CAs accept from Certbench.`, `Key types: ${ACME_KEY_SPECS.join(', ')} (default ${DEFAULT_ACME_KEY}).`);
  return found;
}

function challengeOf(text: string | undefined, bad: (m: string, h?: string) => PkiError): AcmeChallengeType {
  if (text === undefined) return 'http-01';
  if (text === 'http-01' || text === 'dns-01') return text;
  throw bad(`--challenge is http-01 or dns-01, not "${text}".`, 'http-01: the CA fetches a file from the name over HTTP; dns-01: it looks up a TXT record (needed for wildcards).');
}

function portOf(text: string | undefined, bad: (m: string, h?: string) => PkiError): number {
  if (text === undefined) return 80;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) throw bad(`--http-port takes a port from 1 to 65535, not "${text}".`, 'The CA fetches http-01 on port 80; another port only helps behind a proxy or port forward.');
  return n;
}

function checkName(name: string, bad: (m: string, h?: string) => PkiError): void {
  if (name.includes('://') || name.includes('/')) throw bad(`--domain "${name}" is a URL, not a name.`, 'Give the host name alone: www.example.com.');
  if (name.endsWith('.')) throw bad(`--domain "${name}" ends with a dot.`, 'Leave the final dot out: www.example.com.');
  if (name.includes('*') && !name.startsWith('*.')) throw bad(`--domain "${name}": a wildcard is only "*." at the start.`, 'Write it as *.example.com.');
  if (name.length > 253 || !DNS_NAME.test(name)) throw bad(`--domain "${name}" is not a DNS name a CA can issue for.`, 'Letters, digits and hyphens in dot-separated labels; write international names in their xn-- form.');
  if (!name.includes('.')) throw bad(`--domain "${name}" has no dot: a CA issues only for names under a public suffix.`, 'Give the full name: www.example.com.');
}

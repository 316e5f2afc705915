/**
 * acme.issue's request checked before anything is sent to the CA, and turned into the settings an order keeps
 * (store.ts OrderSettings): names in the CA's form, a challenge that can succeed for them, the --ca-file read
 * (a path the user chose), the user's CSR read from its open document and checked against the names, the
 * destination folder chosen and free. Every refusal is INVALID_ARGUMENT (NOT_FOUND, EXISTS) in words.
 */
import { promises as fs } from 'node:fs';
import type { AcmeIssueRequest } from '../../api/dto';
import { PkiError } from '../../pki/errors';
import { pemBlock } from '../../pki/formats/pem-write';
import { parsePemBlocks, type PemBlock } from '../../pki/formats/pem-blocks';
import { readCsr } from '../../pki/x509/csr';
import type { OutputFolders } from '../output-folders';
import type { PathGrants } from '../path-grants';
import type { Session } from '../session';
import { certbotFileNames } from './certbot-set';
import { isWildcard, normalizeDomain, normalizeDomains } from './domain-names';
import type { AcmeKeySpec, OrderSettings } from './store';

const KEY_SPECS: readonly AcmeKeySpec[] = ['rsa:2048', 'rsa:3072', 'rsa:4096', 'ec:P-256', 'ec:P-384'];
const MAX_CA_FILE = 1024 * 1024;

export interface RequestContext {
  session: Session;
  grants: PathGrants;
  folders: OutputFolders;
}

export interface CheckedRequest {
  settings: OrderSettings;
  /** The user's CSR (PEM) when the key choice is a CSR. */
  csrPem: string | null;
  eab: { kid: string; hmacKey: string } | null;
}

const refuse = (message: string, hint: string) => new PkiError('INVALID_ARGUMENT', message, hint);

/** Everything but the terms of service (which needs the directory: see AcmeOrders.issue). */
export async function checkRequest(ctx: RequestContext, request: AcmeIssueRequest, options: { allowHooks?: boolean }): Promise<CheckedRequest> {
  const directoryUrl = checkDirectoryUrl(request.directoryUrl);
  const domains = normalizeDomains(request.domains ?? []);
  const wildcard = domains.find(isWildcard);
  if (request.challenge !== 'http-01' && request.challenge !== 'dns-01') throw refuse(`"${String(request.challenge)}" is not a challenge Certbench answers.`, 'Choose http-01 or dns-01.');
  if (wildcard && request.challenge !== 'dns-01') {
    throw refuse(`${wildcard} is a wildcard: CAs validate wildcard names only over DNS-01, so this order would fail.`, 'Choose DNS-01 (a TXT record) for this order, or order the names without the wildcard.');
  }
  checkMode(request, options);
  const httpPort = request.httpPort ?? null;
  if (httpPort !== null && (!Number.isInteger(httpPort) || httpPort < 1 || httpPort > 65535)) throw refuse(`${httpPort} is not a port number.`, 'Give a port from 1 to 65535 (80 is the one CAs use).');
  const email = checkEmail(request.email);
  const eab = checkEab(request.eab);
  const { key, csrPem } = checkKey(ctx.session, request.key, domains);
  const caPem = request.caFile ? await readCaFile(ctx.grants, request.caFile) : null;
  const destination = request.destination ? await checkDestination(ctx.folders, request.destination, key !== 'csr') : null;
  const settings: OrderSettings = {
    directoryUrl,
    caPem,
    domains,
    email,
    challenge: request.challenge,
    mode: request.mode,
    httpPort,
    httpAddress: request.httpAddress?.trim() || null,
    authHook: request.authHook?.trim() || null,
    cleanupHook: request.cleanupHook?.trim() || null,
    key,
    dnsServers: request.dnsServers?.length ? [...request.dnsServers] : null,
    preferredChain: request.preferredChain?.trim() || null,
    destination,
    name: request.name?.trim() || null,
  };
  return { settings, csrPem, eab };
}

function checkDirectoryUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refuse(`"${text}" is not a URL.`, "Give the CA's ACME directory URL, such as https://acme-staging-v02.api.letsencrypt.org/directory.");
  }
  if (url.protocol !== 'https:') throw refuse(`The directory URL ${text} is not https://; ACME (RFC 8555) runs over HTTPS only.`, "Give the CA's https:// directory URL.");
  return url.href;
}

function checkMode(request: AcmeIssueRequest, options: { allowHooks?: boolean }): void {
  const { mode, challenge } = request;
  if (mode === 'serve' && challenge !== 'http-01') {
    throw refuse('Certbench can serve only HTTP-01 files itself; a DNS-01 record must be set in your DNS.', 'Choose manual (set the TXT record yourself) or, on the command line, hooks.');
  }
  if (mode === 'hook') {
    if (!options.allowHooks) throw refuse('Hooks run commands, so only the command line may use them.', 'Use certbench acme issue --manual-auth-hook on the command line, or answer the challenge by hand here.');
    if (!request.authHook?.trim()) throw refuse('Hook mode needs an auth hook: the command that sets the challenge.', 'Give --manual-auth-hook CMD (and --manual-cleanup-hook CMD to remove it afterwards).');
    return;
  }
  if (mode !== 'serve' && mode !== 'manual') throw refuse(`"${String(mode)}" is not a way Certbench answers challenges.`, 'Choose serve (HTTP-01 by Certbench) or manual.');
  if (request.authHook || request.cleanupHook) throw refuse('Hooks were given but the challenge is not answered by hooks.', 'Leave the hooks out, or use hook mode on the command line.');
}

function checkEmail(email: string | undefined): string | null {
  const e = email?.trim();
  if (!e) return null;
  if (!/^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$/.test(e)) throw refuse(`"${email}" is not an email address.`, 'Give an address the CA may write to about this account (expiry, policy changes), or leave it out.');
  return e;
}

function checkEab(eab: AcmeIssueRequest['eab']): CheckedRequest['eab'] {
  if (!eab) return null;
  const kid = eab.kid?.trim();
  const hmacKey = eab.hmacKey?.trim();
  if (!kid || !hmacKey) throw refuse('External account binding needs both the key ID and the HMAC key.', "Copy both from the CA's account page.");
  if (!/^[A-Za-z0-9_=+/-]+$/.test(hmacKey)) throw refuse('The EAB HMAC key is not base64url text.', "Copy the HMAC key exactly as the CA's account page shows it.");
  return { kid, hmacKey };
}

function checkKey(session: Session, choice: AcmeIssueRequest['key'], domains: string[]): { key: OrderSettings['key']; csrPem: string | null } {
  if (choice && 'generate' in choice) {
    if (!KEY_SPECS.includes(choice.generate)) throw refuse(`"${String(choice.generate)}" is not a key type for an ACME certificate.`, `Choose one of ${KEY_SPECS.join(', ')}.`);
    return { key: choice.generate, csrPem: null };
  }
  if (!choice || typeof choice.csrObjectId !== 'string') throw refuse('The order names no key: neither a key type nor a CSR.', 'Choose a key type, or a CSR open in the workbench.');
  const [object] = session.collect({ objectIds: [choice.csrObjectId] });
  if (!object) throw new PkiError('NOT_FOUND', 'That CSR is no longer open.', 'Open the CSR file again.');
  if (object.raw.kind !== 'csr') throw refuse(`${object.row.label} is not a certificate request.`, 'Choose a CSR open in the workbench, or let Certbench make the key.');
  const { facts } = readCsr(object.raw.der);
  if (!facts.signatureValid) throw refuse(`The signature of ${object.row.label} does not verify: the CA will refuse it.`, 'Make the CSR again with its key.');
  checkCsrNames(facts.san, facts.subjectParts.filter((p) => p.oid === '2.5.4.3').map((p) => p.value), domains);
  return { key: 'csr', csrPem: pemBlock('CERTIFICATE REQUEST', object.raw.der) };
}

/** The CSR must name exactly the order's names (SAN DNS names, and a CN among them): the CA finalizes nothing else. */
function checkCsrNames(san: readonly string[], commonNames: readonly string[], domains: string[]): void {
  const inCsr = new Set<string>();
  for (const entry of san) {
    if (!entry.startsWith('DNS:')) throw refuse(`The CSR asks for ${entry}; an ACME order here holds DNS names only.`, 'Make a CSR with DNS names only.');
    inCsr.add(safeNormalize(entry.slice(4)));
  }
  for (const cn of commonNames) inCsr.add(safeNormalize(cn));
  const ordered = new Set(domains);
  const missing = domains.filter((d) => !inCsr.has(d));
  const extra = [...inCsr].filter((d) => !ordered.has(d));
  if (missing.length || extra.length) {
    const parts = [missing.length ? `the order names ${missing.join(', ')} which the CSR does not` : '', extra.length ? `the CSR names ${extra.join(', ')} which the order does not` : ''].filter(Boolean);
    throw refuse(`The CSR's names differ from the order's: ${parts.join('; ')}.`, "Order exactly the CSR's names, or make a new CSR for these names.");
  }
}

const safeNormalize = (name: string) => {
  try {
    return normalizeDomain(name);
  } catch {
    return name.toLowerCase();
  }
};

export async function readCaFile(grants: PathGrants, path: string): Promise<string> {
  grants.requireAll([path]);
  let text: string;
  try {
    const stat = await fs.stat(path);
    if (stat.size > MAX_CA_FILE) throw refuse(`The CA file ${path} is larger than 1 MiB.`, 'Give the PEM file of the certificate(s) the ACME server uses.');
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw new PkiError('NOT_FOUND', `The CA file ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).`, 'Check the path to the PEM file.');
  }
  let blocks: PemBlock[];
  try {
    blocks = parsePemBlocks(text).filter((b) => b.label === 'CERTIFICATE');
  } catch {
    blocks = [];
  }
  if (blocks.length === 0) throw refuse(`The CA file ${path} holds no PEM certificate.`, 'Give the PEM file (-----BEGIN CERTIFICATE-----) of the certificate the ACME server uses or its CA.');
  return blocks.map((b) => pemBlock('CERTIFICATE', b.der)).join('');
}

export async function checkDestination(folders: OutputFolders, destination: { folder: string; overwrite?: boolean }, withKey: boolean): Promise<OrderSettings['destination']> {
  const paths = certbotFileNames(withKey).map((name) => folders.pathIn(destination.folder, name));
  if (!destination.overwrite) {
    const taken = (await Promise.all(paths.map((p) => fs.lstat(p).then(() => p, () => null)))).filter((p): p is string => p !== null);
    if (taken.length) {
      const names = taken.map((p) => p.split(/[\\/]/).pop()).join(', ');
      throw new PkiError('EXISTS', `${names} already exist${taken.length === 1 ? 's' : ''} in ${destination.folder}; nothing was ordered.`, 'Choose another folder, or confirm replacing (--force on the command line).');
    }
  }
  return { folder: destination.folder, ...(destination.overwrite ? { overwrite: true } : {}) };
}

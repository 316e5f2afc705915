/**
 * `certbench chain (FILE... | host:port)` (CLI.md "chain"): the chain doctor on files or a live server.
 * Exit 0 when the chain is valid, 1 when it is not, 2 for bad input (an unreachable server included: NETWORK).
 * Downloads happen only when asked (--fetch-missing, --revocation).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChainCheckRequest, ChainPurpose, RevocationMode, StarttlsProtocol } from '../api/dto';
import { PkiError } from '../pki/errors';
import { createWorkbench, type Workbench } from '../workbench';
import { writeFilesAtomically } from '../workbench/write-files';
import { parseArgs } from './args';
import { reportLines } from './chain-text';
import { parseHostPort, type HostPort } from './host-port';
import { EXIT, type Io } from './output';

export const CHAIN_USAGE =
  'certbench chain (FILE... | host:port) [--trust FILE...] [--no-system-roots] [--untrusted FILE...] [--host NAME] [--at ISO-TIME] [--purpose serverAuth|clientAuth] [--fetch-missing] [--revocation ocsp|crl|both] [--servername SNI] [--starttls smtp|imap|pop3|ftp|ldap|postgres] [--out FIXED.pem] [--force] [--json]';

const VALUE_FLAGS = ['trust', 'untrusted', 'host', 'at', 'purpose', 'revocation', 'servername', 'starttls', 'out'];
const BOOLEAN_FLAGS = ['no-system-roots', 'fetch-missing', 'json', 'force'];
const PURPOSES: ChainPurpose[] = ['serverAuth', 'clientAuth'];
const REVOCATION: RevocationMode[] = ['ocsp', 'crl', 'both', 'none'];
const STARTTLS: StarttlsProtocol[] = ['smtp', 'imap', 'pop3', 'ftp', 'ldap', 'postgres'];

export async function chainCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUE_FLAGS, BOOLEAN_FLAGS);
  const bad = (message: string) => new PkiError('INVALID_ARGUMENT', message, `Usage: ${CHAIN_USAGE}`);
  const one = (name: string) => args.values.get(name)?.at(-1);
  const choice = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const v = one(name);
    if (v !== undefined && !allowed.includes(v as T)) throw bad(`--${name} is one of ${allowed.join(', ')}, not "${v}".`);
    return v as T | undefined;
  };
  const purpose = choice('purpose', PURPOSES);
  const revocation = choice('revocation', REVOCATION);
  const starttls = choice('starttls', STARTTLS);
  const at = one('at');
  if (at !== undefined && Number.isNaN(Date.parse(at))) throw bad(`--at "${at}" is not a date and time (ISO 8601, e.g. 2026-03-01T12:00:00Z).`);

  const { files, endpoint } = splitTargets(args.positionals, bad);
  if (!endpoint && (one('servername') !== undefined || starttls)) throw bad('--servername and --starttls are for a server (host:port), not files.');
  const out = one('out');
  if (out && !args.flags.has('force') && existsSync(out)) {
    throw new PkiError('EXISTS', `${out} already exists; nothing was checked or written.`, 'Choose another name, or add --force to replace it.');
  }

  const workbench = createWorkbench({ shell: 'web' });
  const request: ChainCheckRequest = {
    documentIds: await open(workbench, files),
    trustDocumentIds: await open(workbench, args.values.get('trust') ?? []),
    untrustedDocumentIds: await open(workbench, args.values.get('untrusted') ?? []),
    systemRoots: !args.flags.has('no-system-roots'),
    purpose,
    fetchMissing: args.flags.has('fetch-missing'),
    revocation: revocation ?? 'none',
    ...(endpoint ? { endpoint: { ...endpoint, servername: one('servername') ?? undefined, starttls: starttls ?? null } } : {}),
    ...(one('host') !== undefined ? { hostName: one('host') } : {}),
    ...(at !== undefined ? { at } : {}),
  };
  const { reportId: _reportId, ...report } = await workbench.handlers['chain.check'](request);

  let written: string | null = null;
  if (out && report.fixedChainPem) {
    written = resolve(out);
    await writeFilesAtomically([{ path: written, bytes: new TextEncoder().encode(report.fixedChainPem), secret: false }], { overwrite: args.flags.has('force') });
  }
  if (args.flags.has('json')) io.out(JSON.stringify({ ...report, written: written ? [written] : [] }, null, 2));
  else {
    io.out(reportLines(report).join('\n'));
    if (out) io.out(written ? `\nWrote the fixed chain to ${written}.` : '\nNo fixed chain to write: there is no certificate.');
    else if (report.fixes.length && report.fixedChainPem) io.out('\nSave the fixed chain with --out FIXED.pem.');
  }
  return report.valid ? EXIT.ok : EXIT.problems;
}

/** Files that exist are files; otherwise host:port. One server, or files: not both. */
function splitTargets(positionals: string[], bad: (m: string) => PkiError): { files: string[]; endpoint: HostPort | null } {
  if (positionals.length === 0) throw bad('chain needs files or a server (host:port).');
  const files: string[] = [];
  const endpoints: HostPort[] = [];
  for (const p of positionals) {
    if (existsSync(p) && statSync(p).isFile()) {
      files.push(p);
      continue;
    }
    const hp = parseHostPort(p);
    if (!hp) throw new PkiError('NOT_FOUND', `"${p}" is neither a file nor a server (host:port).`, 'Check the file name, or write the server as host:port (IPv6 as [::1]:443).');
    endpoints.push(hp);
  }
  if (endpoints.length > 1) throw bad('chain checks one server at a time.');
  if (endpoints.length && files.length) throw bad('Give files or one server (host:port), not both; use --untrusted for extra certificates.');
  return { files, endpoint: endpoints[0] ?? null };
}

/** Opens files as documents; any that cannot be read (missing, locked, damaged) stops the command with its error. */
async function open(workbench: Workbench, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  workbench.grants.grant(paths);
  const before = (await workbench.handlers['documents.list']({})).documents.length;
  const state = await workbench.handlers['documents.openPaths']({ paths });
  const docs = state.documents.slice(before);
  for (const d of docs) {
    if (d.status === 'ready') continue;
    if (d.error) throw new PkiError(d.error.code, `${d.name}: ${d.error.message}`, d.error.hint);
    if (d.lock) throw new PkiError(d.lock.reason, `${d.name}: ${d.lock.message}`, 'certbench chain reads certificates without passwords: export them to PEM first (certbench convert).');
    throw new PkiError('INVALID_ARGUMENT', `${d.name} could not be used.`, 'Give a PEM, DER, P7B or PFX file with certificates.');
  }
  return docs.map((d) => d.id);
}

/**
 * `certbench expiry (FILE | DIR | host:port)... [--within DAYS] [--password P] [--json | --csv | --openmetrics]`
 * (CLI.md "expiry"): every certificate in the files, keystores, folders (recursively) and endpoints given, with
 * its days left. The scan is the watchlist's scanner; the outputs are the app's report writers. A certificate
 * counts as expiring within DAYS (default 30); the calendar's reminders are at DAYS and the default thresholds
 * below it. Exit 0 when nothing expires within DAYS, 1 when something does or has expired, 2 for bad input
 * (unknown options, a path that is neither file nor folder nor host:port, or a target that could not be read).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExpiryScanDto, StarttlsProtocol, WatchTargetDto, WatchTargetInput } from '../api/dto';
import { PkiError } from '../pki/errors';
import { scanCsv, scanHtml, scanIcs, scanJson, scanOpenMetrics, scanPdf } from '../pki/expiry/reports';
import { DEFAULT_THRESHOLDS } from '../pki/expiry/status';
import { nodeNetwork } from '../pki/net/node-network';
import { scanTargets, targetFromInput } from '../workbench/expiry/scan';
import { writeFilesAtomically, type OutputFile } from '../workbench/write-files';
import { parseArgs, PASSWORD_FLAGS, passwordFrom } from './args';
import { expiryLines } from './expiry-text';
import { parseHostPort } from './host-port';
import { EXIT, type Io } from './output';

export const EXPIRY_USAGE =
  'certbench expiry (FILE | DIR | host:port)... [--within DAYS] [--password P | --password-file F | --password-env VAR] [--servername SNI] [--starttls PROTO] [--json | --csv | --openmetrics] [--out FILE] [--ics FILE] [--html FILE] [--pdf FILE] [--force] [--concurrency N]';

const VALUE_FLAGS = ['within', 'servername', 'starttls', 'out', 'ics', 'html', 'pdf', 'concurrency', ...PASSWORD_FLAGS];
const BOOLEAN_FLAGS = ['json', 'csv', 'openmetrics', 'force'];
const STARTTLS: StarttlsProtocol[] = ['smtp', 'imap', 'pop3', 'ftp', 'ldap', 'postgres'];
const DEFAULT_WITHIN = 30;
const MAX_DAYS = 36_500;

export function expiryThresholds(within: number): number[] {
  return [...new Set([within, ...DEFAULT_THRESHOLDS.filter((t) => t < within)])].sort((a, b) => b - a);
}

export async function expiryCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, VALUE_FLAGS, BOOLEAN_FLAGS);
  const bad = (message: string) => new PkiError('INVALID_ARGUMENT', message, `Usage: ${EXPIRY_USAGE}`);
  const one = (name: string) => args.values.get(name)?.at(-1);
  const within = wholeNumber(one('within'), DEFAULT_WITHIN, '--within', 0, MAX_DAYS, bad);
  const concurrency = wholeNumber(one('concurrency'), 8, '--concurrency', 1, 256, bad);
  const formats = (['json', 'csv', 'openmetrics'] as const).filter((f) => args.flags.has(f));
  if (formats.length > 1) throw bad(`Choose one of --json, --csv and --openmetrics, not ${formats.map((f) => `--${f}`).join(' and ')}.`);
  const starttls = one('starttls');
  if (starttls !== undefined && !STARTTLS.includes(starttls as StarttlsProtocol)) throw bad(`--starttls is one of ${STARTTLS.join(', ')}, not "${starttls}".`);
  if (args.positionals.length === 0) throw bad('expiry needs files, folders or servers (host:port) to look at.');
  const out = one('out');
  if (out !== undefined && formats.length === 0) throw bad('--out writes the --json, --csv or --openmetrics output to a file: choose one of them.');

  const now = new Date();
  const inputs = args.positionals.map((p) => targetInput(p, one('servername'), (starttls as StarttlsProtocol | undefined) ?? null));
  if ((one('servername') !== undefined || starttls !== undefined) && !inputs.some((i) => i.kind === 'endpoint')) {
    throw bad('--servername and --starttls are for servers (host:port), not files or folders.');
  }
  const password = passwordFrom(args);
  const targets: WatchTargetDto[] = inputs.map((input, i) => targetFromInput(input, `arg${i + 1}`, now));
  const outputs = plannedFiles(args.values, out);
  await refuseExisting(outputs, args.flags.has('force'));

  const thresholds = expiryThresholds(within);
  const scan = await scanTargets(targets, { net: nodeNetwork, thresholds, now, passwordFor: () => password, concurrency });

  const format = formats[0];
  const main = format === 'json' ? scanJson(scan) : format === 'csv' ? scanCsv(scan.rows) : format === 'openmetrics' ? scanOpenMetrics(scan.rows, now) : null;
  const files: OutputFile[] = [];
  const text = (s: string) => new TextEncoder().encode(s);
  if (out !== undefined && main !== null) files.push({ path: resolve(out), bytes: text(main), secret: false });
  const ics = one('ics');
  if (ics !== undefined) files.push({ path: resolve(ics), bytes: text(scanIcs(scan.rows, { thresholds, now })), secret: false });
  const html = one('html');
  if (html !== undefined) files.push({ path: resolve(html), bytes: text(scanHtml(scan)), secret: false });
  const pdf = one('pdf');
  if (pdf !== undefined) files.push({ path: resolve(pdf), bytes: scanPdf(scan), secret: false });
  if (files.length) await writeFilesAtomically(files, { overwrite: args.flags.has('force') });

  if (main !== null && out === undefined) io.out(main.replace(/\n$/, ''));
  else if (main === null) {
    io.out(expiryLines(scan, within).join('\n'));
    for (const f of files) io.out(`Wrote ${f.path}.`);
  }
  return exitCode(scan, within);
}

/** 1 when anything has expired or expires within DAYS; else 2 when a target could not be read; else 0. */
export function exitCode(scan: ExpiryScanDto, within: number): number {
  const due = scan.rows.some((r) => r.status === 'expired' || (r.status !== 'error' && r.daysLeft !== null && r.daysLeft <= within));
  if (due) return EXIT.problems;
  return scan.rows.some((r) => r.status === 'error') ? EXIT.badInput : EXIT.ok;
}

function wholeNumber(text: string | undefined, fallback: number, flag: string, min: number, max: number, bad: (m: string) => PkiError): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw bad(`${flag} takes a whole number from ${min} to ${max}, not "${text}".`);
  return Number(text);
}

/** An existing folder is a folder, an existing file a file; otherwise host:port, or NOT_FOUND. */
function targetInput(arg: string, servername: string | undefined, starttls: StarttlsProtocol | null): WatchTargetInput {
  let kind: 'file' | 'folder' | null = null;
  try {
    const s = statSync(arg);
    kind = s.isDirectory() ? 'folder' : 'file';
  } catch {
    kind = null;
  }
  if (kind) return { kind, location: arg };
  const hp = parseHostPort(arg);
  if (!hp) throw new PkiError('NOT_FOUND', `"${arg}" is neither a file, a folder nor a server (host:port).`, 'Check the path, or write the server as host:port (IPv6 as [::1]:443).');
  return { kind: 'endpoint', location: arg, servername: servername ?? null, starttls };
}

function plannedFiles(values: Map<string, string[]>, out: string | undefined): string[] {
  const paths = [out, values.get('ics')?.at(-1), values.get('html')?.at(-1), values.get('pdf')?.at(-1)].filter((p): p is string => p !== undefined).map((p) => resolve(p));
  if (new Set(paths).size !== paths.length) throw new PkiError('INVALID_ARGUMENT', 'Two outputs would be written to the same file.', 'Give --out, --ics, --html and --pdf each their own file.');
  return paths;
}

/** Checked before scanning, so a long scan does not end in EXISTS. */
async function refuseExisting(paths: string[], force: boolean): Promise<void> {
  if (force) return;
  for (const p of paths) {
    let exists = true;
    try {
      statSync(p);
    } catch {
      exists = false;
    }
    if (exists) throw new PkiError('EXISTS', `${p} already exists; nothing was scanned or written.`, 'Choose another name, or add --force to replace it.');
  }
}

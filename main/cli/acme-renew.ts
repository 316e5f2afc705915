/**
 * `certbench acme renew ORDER-ID... | --due [--days N]`: a new order with an earlier one's settings (names, CA,
 * challenge, hooks, key type) and a new key, followed to its end like `acme issue`. It writes where the earlier
 * order wrote (replacing that order's own files, as certbot renew does; anything else there is EXISTS without
 * --force), or into --out-dir. --due picks the issued orders whose certificate expires within N days (default
 * 30) and that no later order renews already.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AcmeOrderDto, AcmeProblemDto, WrittenFileDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { daysBetween } from '../pki/chain/words';
import { parseArgs } from './args';
import { OrderFollower } from './acme-follow';
import { CERTBOT_FILES, exitForProblem, findOrder, problemOfError, unfinishedProblem, withAcmeWorkbench } from './acme-outcome';
import { issuedLines, namesText, problemLines } from './acme-text';
import { EXIT, type Io } from './output';

export const RENEW_USAGE = 'certbench acme renew (ORDER-ID... | --due [--days N]) [--out-dir DIR] [--force] [--json]';

const DEFAULT_DAYS = 30;
const FAILED: AcmeOrderDto['state'][] = ['invalid', 'error', 'cancelled'];

interface Renewal {
  from: string;
  order?: AcmeOrderDto;
  written?: WrittenFileDto[];
  error?: AcmeProblemDto;
}

export async function renewCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['days', 'out-dir'], ['due', 'force', 'json']);
  const json = args.flags.has('json');
  const bad = (message: string) => new PkiError('INVALID_ARGUMENT', message, `Usage: ${RENEW_USAGE}`);
  const due = args.flags.has('due');
  const daysText = args.values.get('days')?.at(-1);
  if (due === (args.positionals.length > 0)) throw bad(due ? 'Give either order IDs or --due, not both.' : 'Say which orders to renew: their IDs (certbench acme status lists them), or --due.');
  if (daysText !== undefined && !due) throw bad('--days goes with --due.');
  if (daysText !== undefined && (!/^\d+$/.test(daysText) || Number(daysText) > 3650)) throw bad(`--days takes a whole number of days from 0 to 3650, not "${daysText}".`);
  const days = daysText === undefined ? DEFAULT_DAYS : Number(daysText);
  const outDirArg = args.values.get('out-dir')?.at(-1);
  const outDir = outDirArg === undefined ? null : resolve(outDirArg);
  const force = args.flags.has('force');

  return withAcmeWorkbench(io, json, async (workbench) => {
    const all = await workbench.acme.list();
    const now = new Date();
    const chosen = due ? dueOrders(all, days, now) : args.positionals.map((id) => findOrder(all, id));
    if (chosen.length > 1 && outDir !== null) throw bad('--out-dir takes one order: several renewals would write the same files.');
    // Everything that would stop a renewal is checked for all of them before the first is sent to the CA.
    for (const order of chosen) if (order.mode === 'manual' && !io.terminal) throw new PkiError('INVALID_ARGUMENT', `Order ${order.id} was answered by hand (its ${order.challenge} challenge), and there is no terminal to wait on.`, 'Run the renewal in a terminal, or issue anew with --manual-auth-hook CMD.');
    const plans = chosen.map((order) => ({ order, destination: destinationFor(order, outDir, force) }));

    if (!plans.length) {
      if (json) io.out(JSON.stringify({ renewals: [] }, null, 2));
      else io.out(`Nothing to renew: no issued certificate expires within ${days} days.`);
      return EXIT.ok;
    }
    const results: Renewal[] = [];
    let exit: number = EXIT.ok;
    const follower = new OrderFollower({ orders: workbench.acme, events: workbench.events, io, progress: !json });
    try {
      for (const { order, destination } of plans) {
        if (follower.stopping) break;
        if (!json) io.err(`Renewing ${order.id} (${namesText(order.domains)}) into ${destination.folder}`);
        workbench.folders.grant(destination.folder);
        try {
          const renewed = await follower.follow(await workbench.acme.renew(order.id, destination, { allowHooks: true }));
          const problem = unfinishedProblem(renewed);
          if (!json && renewed.state === 'issued') io.out(issuedLines(renewed, new Date()).join('\n'));
          if (problem === null) {
            results.push({ from: order.id, order: renewed, written: renewed.result?.written ?? [] });
          } else {
            results.push({ from: order.id, order: renewed, error: problem });
            if (!json) io.err(problemLines(problem).join('\n'));
            exit = Math.max(exit, exitForProblem(problem));
          }
        } catch (e) {
          const problem = problemOfError(e);
          results.push({ from: order.id, error: problem });
          if (!json) io.err(problemLines(problem).join('\n'));
          exit = Math.max(exit, exitForProblem(problem));
        }
      }
    } finally {
      follower.dispose();
    }
    if (json) io.out(JSON.stringify({ renewals: results }, null, 2));
    return exit;
  });
}

/** Issued, expiring within `days`, and not renewed already by a later order that is issued or on its way. */
export function dueOrders(orders: readonly AcmeOrderDto[], days: number, now: Date): AcmeOrderDto[] {
  const renewed = new Set(orders.filter((o) => o.renewalOf && !FAILED.includes(o.state)).map((o) => o.renewalOf));
  return orders.filter((o) => o.state === 'issued' && o.result && !renewed.has(o.id) && daysBetween(now.getTime(), Date.parse(o.result.notAfter)) <= days);
}

/**
 * --out-dir (its certbot files: EXISTS without --force), or the folder the order wrote to, whose files are
 * replaced when cert.pem there is still this order's certificate (else EXISTS without --force).
 */
function destinationFor(order: AcmeOrderDto, outDir: string | null, force: boolean): { folder: string; overwrite: boolean } {
  const names = order.key === 'csr' ? CERTBOT_FILES.filter((f) => f !== 'privkey.pem') : CERTBOT_FILES;
  if (outDir !== null) {
    const existing = names.map((f) => join(outDir, f)).filter((p) => existsSync(p));
    if (existing.length && !force) throw new PkiError('EXISTS', `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing was renewed.`, 'Choose another --out-dir, or add --force to replace them.');
    return { folder: outDir, overwrite: force };
  }
  const cert = order.result?.written.find((f) => f.path.endsWith('cert.pem') && !f.path.endsWith('fullchain.pem'));
  if (!cert) throw new PkiError('INVALID_ARGUMENT', `Order ${order.id} wrote no files, so there is no folder to renew into.`, 'Say where with --out-dir DIR.');
  const folder = dirname(cert.path);
  const ours = existsSync(cert.path) && sameCertificate(readFileSync(cert.path, 'utf8'), order.result!.certificatePem);
  if (!ours && !force) {
    const existing = names.map((f) => join(folder, f)).filter((p) => existsSync(p));
    if (existing.length) throw new PkiError('EXISTS', `${cert.path} is no longer the certificate order ${order.id} wrote; nothing was renewed.`, 'Add --force to replace the files there anyway, or --out-dir DIR to write elsewhere.');
  }
  return { folder, overwrite: true };
}

/** The first certificate of two PEM texts is the same (whitespace and line endings aside). */
function sameCertificate(a: string, b: string): boolean {
  const first = (pem: string) => /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)?.[1].replace(/\s+/g, '') ?? null;
  const x = first(a);
  return x !== null && x === first(b);
}

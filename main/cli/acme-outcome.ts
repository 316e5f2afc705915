/**
 * What the `acme` subcommands share: the workbench over the app's data folder (so orders made here show in the
 * app, and the app's orders here), exit codes from an order's end (CLI.md: 0 issued; 1 the CA refused or a
 * challenge failed, with the CA's reason; 2 bad input, an unreachable CA, a stopped order), and errors as
 * {code, message, hint} plus the CA's problem type and per-name details when it gave them.
 */
import type { AcmeOrderDto, AcmeProblemDto } from '../api/dto';
import { problemOf } from '../pki/acme/acme-problem';
import { PkiError } from '../pki/errors';
import { createWorkbench, type Workbench } from '../workbench';
import { defaultDataDir } from '../workbench/data-dir';
import { problemLines } from './acme-text';
import { EXIT, type Io } from './output';

/** The certbot set, as certbot names the files (privkey.pem only when Certbench made the key). */
export const CERTBOT_FILES = ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem'] as const;

export function findOrder(orders: readonly AcmeOrderDto[], id: string): AcmeOrderDto {
  const found = orders.find((o) => o.id === id);
  if (!found) throw new PkiError('NOT_FOUND', `There is no ACME order ${id}.`, orders.length ? 'certbench acme status lists the orders and their IDs.' : 'No orders yet: start one with certbench acme issue.');
  return found;
}

export function acmeWorkbench(): Workbench {
  return createWorkbench({ shell: 'web', dataDir: defaultDataDir() });
}

/** Runs a subcommand on the data folder's workbench: its errors reported (words or JSON) with their exit code, ACME work stopped at the end. */
export async function withAcmeWorkbench(io: Io, json: boolean, run: (workbench: Workbench) => Promise<number>): Promise<number> {
  const workbench = acmeWorkbench();
  try {
    return await run(workbench);
  } catch (e) {
    const problem = problemOfError(e);
    reportProblem(io, problem, json);
    return exitForProblem(problem);
  } finally {
    await workbench.acme.close();
  }
}

/** 1 when the CA said no (its refusal, a failed challenge), 2 for everything else that stopped the command. */
export function exitForProblem(problem: AcmeProblemDto): number {
  return problem.code === 'ACME_REFUSED' || problem.code === 'CHALLENGE_FAILED' ? EXIT.problems : EXIT.badInput;
}

/** The problem that ended an order that was not issued (the CA's own words when it gave them). */
export function problemOfOrder(order: AcmeOrderDto): AcmeProblemDto {
  if (order.problem) return order.problem;
  if (order.state === 'cancelled') return { code: 'CANCELLED', message: `Order ${order.id} was cancelled; its authorizations were deactivated at the CA.`, hint: 'Start a new order with certbench acme issue when ready.', caType: null, subproblems: [] };
  if (order.state === 'invalid') return { code: 'ACME_REFUSED', message: `The CA marked order ${order.id} invalid without saying why.`, hint: 'Look at the order with certbench acme status, then try again.', caType: null, subproblems: [] };
  return { code: 'INTERNAL', message: `Order ${order.id} stopped in state ${order.state}.`, hint: 'Continue it in the app (Issue certificate), or look at it with certbench acme status.', caType: null, subproblems: [] };
}

/**
 * Why an order that was followed to its end did not give the user their files, or null when it did: the CA's
 * refusal, what stopped it, or (issued, but the files could not be written) the write's error, with how to save.
 */
export function unfinishedProblem(order: AcmeOrderDto): AcmeProblemDto | null {
  if (order.state !== 'issued') return problemOfOrder(order);
  if (order.problem && !order.result?.written.length) {
    return { ...order.problem, hint: `${order.problem.hint} The certificate is issued and kept: write it with certbench acme save ${order.id} --out-dir DIR.` };
  }
  return null;
}

/** Any thrown error as the problem to report; AcmeRefusal keeps the CA's type and subproblems. */
export const problemOfError = (e: unknown): AcmeProblemDto => problemOf(e);

/** On stderr in words, or as the one JSON document {error, ...extra} on stdout. */
export function reportProblem(io: Io, problem: AcmeProblemDto, json: boolean, extra: Record<string, unknown> = {}): void {
  if (json) io.out(JSON.stringify({ error: problem, ...extra }, null, 2));
  else io.err(problemLines(problem).join('\n'));
}

/**
 * `certbench acme issue`: checks everything it can before the CA hears of it (flags, names, the mode, the
 * --out-dir files: EXISTS without --force, the CSR file, the terms: without --agree-tos the directory is read,
 * its terms URL shown, and nothing is agreed), then starts the order in the workbench's AcmeOrders (persisted in
 * the app's data folder, so it shows in the app), follows it to its end and writes the certbot set.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AcmeIssueRequest, AcmeKeyChoiceDto, AcmeOrderDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import type { Workbench } from '../workbench';
import { parseArgs } from './args';
import { OrderFollower } from './acme-follow';
import { issuePlan, ISSUE_BOOLEAN_FLAGS, ISSUE_VALUE_FLAGS, refuseWildcardOverHttp } from './acme-request';
import { CERTBOT_FILES, exitForProblem, reportProblem, unfinishedProblem, withAcmeWorkbench } from './acme-outcome';
import { issuedLines } from './acme-text';
import { makeFolder, removeIfEmpty } from './out-dir';
import { EXIT, type Io } from './output';

export const ISSUE_USAGE =
  'certbench acme issue --directory URL|letsencrypt|letsencrypt-staging [--ca-file F] --domain NAME... [--email E] [--agree-tos] [--eab-kid K --eab-hmac-key H] [--challenge http-01|dns-01] [--http-port N] [--http-address A] [--manual-auth-hook CMD] [--manual-cleanup-hook CMD] [--key rsa:2048|rsa:3072|rsa:4096|ec:P-256|ec:P-384 | --csr FILE] [--preferred-chain CN] [--dns-server HOST:PORT]... [--name N] --out-dir DIR [--force] [--json]';

export async function issueCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ISSUE_VALUE_FLAGS, ISSUE_BOOLEAN_FLAGS);
  const json = args.flags.has('json');
  const plan = issuePlan(args, ISSUE_USAGE, io.terminal !== undefined);
  refuseExisting(plan.outDir, plan.csrFile === null ? CERTBOT_FILES : CERTBOT_FILES.filter((f) => f !== 'privkey.pem'), plan.force);

  return withAcmeWorkbench(io, json, async (workbench) => {
    const key: AcmeKeyChoiceDto = plan.request.key ?? { csrObjectId: await openCsr(workbench, plan.csrFile!) };
    const domains = 'csrObjectId' in key ? namesWithCsr(plan.request.domains, csrNames(workbench, key.csrObjectId)) : plan.request.domains;
    refuseWildcardOverHttp(domains, plan.request.challenge);
    if (plan.request.caFile) workbench.grants.grant([plan.request.caFile]);
    if (!plan.request.agreeTos) return await refuseWithoutTerms(workbench, plan.request.directoryUrl, plan.request.caFile, io, json);

    const created = makeFolder(plan.outDir);
    workbench.folders.grant(plan.outDir);
    let order: AcmeOrderDto | null = null;
    const follower = new OrderFollower({ orders: workbench.acme, events: workbench.events, io, progress: !json });
    try {
      const request: AcmeIssueRequest = { ...plan.request, domains, key, destination: { folder: plan.outDir, overwrite: plan.force } };
      order = await follower.follow(await workbench.acme.issue(request, { allowHooks: true }));
    } finally {
      follower.dispose();
      if (order?.state !== 'issued') removeIfEmpty(plan.outDir, created);
    }
    return report(io, order, json);
  });
}

/** Exit 0 and the files for an issued order; else the CA's reason (1) or what stopped it (2). */
export function report(io: Io, order: AcmeOrderDto, json: boolean): number {
  const problem = unfinishedProblem(order);
  if (problem === null) {
    if (json) io.out(JSON.stringify({ order, written: order.result?.written ?? [] }, null, 2));
    else io.out(issuedLines(order, new Date()).join('\n'));
    return EXIT.ok;
  }
  if (!json && order.state === 'issued') io.out(issuedLines(order, new Date()).join('\n'));
  reportProblem(io, problem, json, { order });
  return exitForProblem(problem);
}

/** Without --agree-tos: the CA's terms are shown, never agreed to on the user's behalf. */
async function refuseWithoutTerms(workbench: Workbench, directoryUrl: string, caFile: string | undefined, io: Io, json: boolean): Promise<number> {
  const directory = await workbench.acme.directory(directoryUrl, caFile);
  const terms = directory.termsOfService;
  const error = new PkiError(
    'INVALID_ARGUMENT',
    terms ? `The CA asks you to agree to its terms of service first: ${terms}` : 'Registering with a CA means agreeing to its terms; this CA names no terms document.',
    terms ? 'Read them, then run the command again with --agree-tos.' : 'Run the command again with --agree-tos to register.',
  );
  reportProblem(io, { code: error.code, message: error.message, hint: error.hint, caType: null, subproblems: [] }, json, { termsOfService: terms });
  return EXIT.badInput;
}

/** Checked before ordering, so an order is not issued only to be refused at the end. */
function refuseExisting(outDir: string, files: readonly string[], force: boolean): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new PkiError('INVALID_ARGUMENT', `--out-dir ${outDir} is a file, not a folder.`, 'Give a folder (it is created when missing).');
  if (force) return;
  const existing = files.map((f) => join(outDir, f)).filter((p) => existsSync(p));
  if (existing.length) throw new PkiError('EXISTS', `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; nothing was ordered.`, 'Choose another --out-dir, or add --force to replace them once the certificate is issued.');
}

/** The CSR in FILE, opened in the session as the app would; its object is what the order finalizes with. */
async function openCsr(workbench: Workbench, path: string): Promise<string> {
  workbench.grants.grant([path]);
  const state = await workbench.handlers['documents.openPaths']({ paths: [path] });
  const doc = state.documents[0];
  if (doc.status === 'error' && doc.error) throw new PkiError(doc.error.code, doc.error.message, doc.error.hint);
  const csr = doc.objects.find((o) => o.kind === 'csr');
  if (!csr) throw new PkiError('INVALID_ARGUMENT', `${path} holds no certificate request (CSR).`, 'Give the CSR made with your key (openssl req -new …, certbench csr), PEM or DER.');
  return csr.id;
}

/** The DNS names a CSR asks for: its DNS SANs, else its CN. */
function csrNames(workbench: Workbench, csrObjectId: string): string[] {
  const row = workbench.session.state().documents.flatMap((d) => d.objects).find((o) => o.id === csrObjectId);
  const sans = (row?.san ?? []).filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4).toLowerCase());
  const cn = /(?:^|,)CN=([^,]+)/.exec(row?.subject ?? '')?.[1]?.toLowerCase();
  return [...new Set(sans.length ? sans : cn ? [cn] : [])];
}

/** With --csr, --domain may be left out (the CSR's names are ordered, as certbot does); given, it must match the CSR. */
function namesWithCsr(given: string[], inCsr: string[]): string[] {
  if (!given.length) {
    if (!inCsr.length) throw new PkiError('INVALID_ARGUMENT', 'The CSR names no DNS name (no DNS SAN, no CN).', 'Make the CSR with the names as DNS SANs (openssl req -addext subjectAltName=DNS:…).');
    return inCsr;
  }
  const missing = inCsr.filter((n) => !given.includes(n));
  const extra = given.filter((n) => !inCsr.includes(n));
  if (missing.length || extra.length) {
    throw new PkiError('INVALID_ARGUMENT', `The CSR asks for ${inCsr.join(', ') || 'no DNS names'}, but --domain names ${given.join(', ')}: the CA issues only when they are the same.`, 'Leave --domain out to order the CSR\'s names, or make a CSR with the names you want.');
  }
  return given;
}

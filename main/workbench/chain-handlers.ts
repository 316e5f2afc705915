/**
 * chain.check, chain.verdicts and chain.saveFixed over the session: open documents in, the doctor's report out
 * (with objectIds for certificates that are open), reports kept for saving the fixed chain.
 */
import type { ChainCheckRequest, ChainReportDto } from '../api/dto';
import type { MethodHandlers } from '../rpc/dispatcher';
import { runDoctor } from '../pki/chain/doctor';
import { PkiError } from '../pki/errors';
import type { NetworkPort } from '../pki/net/port';
import { chainInputs } from './chain-input';
import { ChainReports } from './chain-reports';
import { ChainVerdicts } from './chain-verdicts';
import type { EventHub } from './events';
import { withProgress } from './operation-progress';
import type { OutputFolders } from './output-folders';
import type { PathGrants } from './path-grants';
import type { Session } from './session';
import { writeFilesAtomically } from './write-files';

export interface ChainHandlerContext {
  session: Session;
  folders: OutputFolders;
  grants: PathGrants;
  events: EventHub;
  net: NetworkPort;
  now?: () => Date;
}

export function chainHandlers(ctx: ChainHandlerContext): Pick<MethodHandlers, 'chain.check' | 'chain.verdicts' | 'chain.saveFixed'> {
  const now = ctx.now ?? (() => new Date());
  const reports = new ChainReports();
  const verdicts = new ChainVerdicts(ctx.session, now);
  return {
    'chain.check': async (request) => reports.add(withObjectIds(ctx.session, await check(ctx, request, now))),
    'chain.verdicts': async ({ documentIds }) => ({ verdicts: await verdicts.verdicts(documentIds) }),
    'chain.saveFixed': async ({ reportId, destination }) => {
      const report = reports.get(reportId);
      if (!report.fixedChainPem) throw new PkiError('INVALID_ARGUMENT', 'This report has no chain to save: no certificate was found.', 'Check a server or a file that holds a certificate.');
      const path = ctx.folders.pathIn(destination.folder, destination.fileName);
      await writeFilesAtomically([{ path, bytes: new TextEncoder().encode(report.fixedChainPem), secret: false }], { overwrite: destination.overwrite });
      ctx.grants.grant([path]);
      const objects = report.fixedChainPem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
      return { written: [{ path, format: 'fullchain', objects, secret: false, encrypted: false }] };
    },
  };
}

async function check(ctx: ChainHandlerContext, request: ChainCheckRequest, now: () => Date) {
  const inputs = chainInputs(ctx.session, request);
  const endpoint = request.endpoint ? { ...request.endpoint, host: request.endpoint.host.replace(/^\[(.*)\]$/, '$1') } : null;
  if (!endpoint && inputs.input.length === 0) {
    throw new PkiError('INVALID_ARGUMENT', 'There is no certificate to check: the chosen files hold none.', 'Choose a file with a certificate (PEM, DER, P7B, PFX), or enter host:port.');
  }
  const at = request.at === undefined ? now().getTime() : Date.parse(request.at);
  if (Number.isNaN(at)) throw new PkiError('INVALID_ARGUMENT', `"${request.at}" is not a date and time.`, 'Write it as ISO 8601, e.g. 2026-03-01T12:00:00Z.');
  const label = endpoint ? `Checking ${endpoint.host}:${endpoint.port}` : 'Checking the chain';
  return withProgress({ session: ctx.session, events: ctx.events }, label, ({ signal, onProgress }) =>
    runDoctor({
      ...inputs,
      endpoint,
      systemRoots: request.systemRoots ?? true,
      // The name a client asks for: the SNI when one is set, else the host typed.
      hostName: request.hostName ?? endpoint?.servername ?? endpoint?.host ?? null,
      at,
      purpose: request.purpose ?? 'serverAuth',
      fetchMissing: request.fetchMissing ?? true,
      revocation: request.revocation ?? 'none',
      net: ctx.net,
      signal,
      onProgress,
    }),
  );
}

/** "Show in Inspector": each certificate on the chain that is open, by SHA-256 (its first open copy). */
function withObjectIds(session: Session, report: Omit<ChainReportDto, 'reportId'>): Omit<ChainReportDto, 'reportId'> {
  if (report.chain.length === 0) return report;
  const open = new Map<string, string>();
  for (const o of session.openCertificates()) if (o.row.sha256 && !open.has(o.row.sha256.toUpperCase())) open.set(o.row.sha256.toUpperCase(), o.id);
  return { ...report, chain: report.chain.map((c) => ({ ...c, objectId: open.get(c.sha256) ?? null })) };
}

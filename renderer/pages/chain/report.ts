/**
 * How a chain report is laid out: one card per certificate leaf → root with its own problems, the links
 * between them, what ends the chain when no trusted root does, problems worst first, and what the server sent
 * against what the chain needs.
 */
import type { ChainCertDto, ChainProblemDto, ChainReportDto } from '../../../main/api/dto';
import { cnOf, STATUS_TONE, type Tone } from './words';

const SEVERITY_RANK: Record<ChainProblemDto['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; the doctor's order within each. */
export function problemsWorstFirst(problems: readonly ChainProblemDto[]): ChainProblemDto[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => SEVERITY_RANK[a.p.severity] - SEVERITY_RANK[b.p.severity] || a.i - b.i)
    .map(({ p }) => p);
}

export interface CertCard {
  index: number;
  cert: ChainCertDto;
  tone: Tone;
  /** The problems about this certificate, worst first. */
  problems: ChainProblemDto[];
}

export function certCards(report: ChainReportDto): CertCard[] {
  return report.chain.map((cert, index) => {
    const problems = problemsWorstFirst(report.problems.filter((p) => p.certIndex === index));
    // The card is never greener than its own problems, whatever status says.
    const worst = problems[0]?.severity;
    const tone: Tone = worst === 'error' || cert.status === 'error' ? 'error' : worst === 'warning' || cert.status === 'warning' ? 'warning' : STATUS_TONE[cert.status];
    return { index, cert, tone, problems };
  });
}

/** Problems about the whole chain or the server, not one certificate on it. */
export function chainWideProblems(report: ChainReportDto): ChainProblemDto[] {
  return problemsWorstFirst(report.problems.filter((p) => p.certIndex === null || p.certIndex < 0 || p.certIndex >= report.chain.length));
}

/** Problems that break the link from a certificate up to its issuer. */
const LINK_CODES = new Set<ChainProblemDto['code']>(['BAD_SIGNATURE', 'NOT_A_CA', 'PATH_LENGTH', 'NAME_CONSTRAINTS']);

/**
 * The connector from card `index` up to card `index + 1`: broken when the child's signature does not verify,
 * or the issuer may not issue it (not a CA, path length, name constraints).
 */
export function linkTone(report: ChainReportDto, index: number): Tone {
  const bad = report.problems.some((p) => LINK_CODES.has(p.code) && (p.certIndex === index || (p.code !== 'BAD_SIGNATURE' && p.certIndex === index + 1)));
  return bad ? 'error' : 'success';
}

export interface ChainEnd {
  tone: Tone;
  title: string;
  detail: string;
}

/** What to draw under the last card when the chain does not end at a trusted root; null when it does. */
export function chainEnd(report: ChainReportDto): ChainEnd | null {
  const last = report.chain.at(-1);
  if (!last || last.trusted) return null;
  if (last.role === 'root' || last.subject === last.issuer) {
    return { tone: 'error', title: 'Not a trusted root', detail: `${cnOf(last.subject)} signs itself, but it is not in the trust store or your trust files.` };
  }
  return { tone: 'error', title: 'Issuer not found', detail: `No certificate for ${cnOf(last.issuer)} was sent, given, downloaded or trusted.` };
}

export interface ServedRow {
  position: number;
  sha256: string;
  subject: string;
  issuer: string;
  /** Where it sits on the chosen chain, or null when the chain does not need it. */
  chainIndex: number | null;
}

/** What the server sent (or the files held), in that order, each placed on the chain or marked as not needed. */
export function servedRows(report: ChainReportDto): ServedRow[] {
  return report.served.map((s, i) => {
    const at = report.chain.findIndex((c) => c.sha256 === s.sha256);
    return { position: i + 1, sha256: s.sha256, subject: s.subject, issuer: s.issuer, chainIndex: at < 0 ? null : at };
  });
}

/** Certificates of the chain that the server (or the files) did not provide: what the fix adds. */
export function addedCerts(report: ChainReportDto): ChainCertDto[] {
  return report.chain.filter((c) => c.source === 'aia' || (c.source === 'trust-store' && c.role !== 'root'));
}

/** The revocation rows to show: certificates whose status was asked (not 'not-checked'). */
export function revocationRows(report: ChainReportDto): CertCard[] {
  return certCards(report).filter((c) => c.cert.revocation !== null && c.cert.revocation.status !== 'not-checked');
}

/** The card to show first: the first with an error, else the first with a warning, else the leaf. */
export function initialCard(report: ChainReportDto): number | null {
  const cards = certCards(report);
  if (cards.length === 0) return null;
  const at = (tone: Tone) => cards.findIndex((c) => c.tone === tone);
  const error = at('error');
  if (error >= 0) return error;
  const warning = at('warning');
  return warning >= 0 ? warning : 0;
}

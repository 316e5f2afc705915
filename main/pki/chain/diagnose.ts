/**
 * Diagnosis: the chosen path's findings, where it stops, what the served list shows and what revocation said,
 * as problems in plain words with fixes; then the verdict, the fixed chain (leaf → intermediates, no root)
 * and, when the served chain needs fixing, how to install it on Apache, nginx and IIS.
 */
import type { ChainPurpose, ChainReportDto, FetchAttemptDto, RevocationDto } from '../../api/dto';
import { certificatesPem } from '../formats/pem-write';
import type { ChainCert } from './chain-cert';
import { chainCertDtos, pathDtos, roleOf } from './chain-dto';
import { chainEndProblems } from './chain-end';
import { certName } from './cert-name';
import { byImportance, type Diagnosed, type Holder } from './diagnosed';
import { findingProblem } from './finding-words';
import { pathValid, validatorFindings } from './path-choice';
import type { CertPool } from './pool';
import { revocationProblems } from './revocation-problems';
import { serverFixes } from './server-fixes';
import { servedListProblems } from './served-list';
import type { CandidatePath } from './types';
import { verdictOf } from './verdict';

export interface DiagnoseInput extends Holder {
  /** As sent or as the files hold them, in order (the certificates that could be read). */
  served: readonly ChainCert[];
  /** The builder's candidates, best first, and the one chosen. */
  paths: readonly CandidatePath[];
  chosen: number;
  pool: CertPool;
  /** Revocation per certificate of the chosen path; null when not checked. */
  revocation: readonly (RevocationDto | null)[] | null;
  at: number;
  hostName: string | null;
  purpose: ChainPurpose;
  fetchMissing: boolean;
  fetched: readonly FetchAttemptDto[];
  systemRoots: boolean;
  /** Problems about the input itself (a certificate that could not be read). */
  inputProblems?: readonly Diagnosed[];
}

export type Diagnosis = Pick<ChainReportDto, 'valid' | 'verdict' | 'chain' | 'alternatives' | 'problems' | 'fixedChainPem' | 'fixes'>;

/** Codes that mean the served list itself is what needs fixing (so the install steps apply). */
const SERVED_CODES = new Set(['MISSING_INTERMEDIATE', 'WRONG_ORDER', 'EXTRA_CERT', 'DUPLICATE_CERT', 'CONTAINS_ROOT']);

export function diagnose(input: DiagnoseInput): Diagnosis {
  const chosen = input.paths[input.chosen];
  const path = chosen.certs;
  const certs = path.map((p) => p.cert);
  const onSomePath = new Set(input.paths.flatMap((p) => p.certs.map((c) => c.cert.sha256)));

  const problems: Diagnosed[] = [
    ...(input.inputProblems ?? []),
    ...validatorFindings(chosen).map((f) => findingProblem(f, { path: certs, at: input.at, hostName: input.hostName, purpose: input.purpose })),
    ...chainEndProblems({ fromServer: input.fromServer, path, anchored: chosen.anchored, fetchMissing: input.fetchMissing, fetched: input.fetched, systemRoots: input.systemRoots }),
    ...servedListProblems({ fromServer: input.fromServer, served: input.served, path, anchored: chosen.anchored, onSomePath }),
    ...revocationProblems(certs, input.revocation),
  ].sort(byImportance);

  const valid = pathValid(chosen) && !problems.some((p) => p.severity === 'error');
  const last = path.length - 1;
  const rootAtEnd = last > 0 && roleOf(path, last, chosen.anchored) === 'root' && path[last].cert.selfIssued;
  const toSend = rootAtEnd ? certs.slice(0, last) : certs;
  const servedNeedsFix = chosen.anchored && problems.some((p) => SERVED_CODES.has(p.code));

  return {
    valid,
    verdict: verdictOf(valid, chosen.anchored ? certName(path[last].cert) : null, problems),
    chain: chainCertDtos(path, chosen.anchored, input.pool, problems, input.revocation, input.at),
    alternatives: pathDtos(input.paths, input.chosen, pathValid(chosen) && !problems.some((p) => p.code === 'REVOKED')),
    problems: problems.map(({ headline: _headline, ...p }) => p),
    fixedChainPem: certificatesPem(toSend.map((c) => c.der)),
    fixes: servedNeedsFix ? serverFixes({ leaf: certName(certs[0]), intermediates: toSend.slice(1).map(certName) }) : [],
  };
}

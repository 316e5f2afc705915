/** The chosen path and the candidates as the report carries them (ChainCertDto, ChainPathDto). */
import type { ChainCertDto, ChainPathDto, ChainProblemDto, RevocationDto } from '../../api/dto';
import { certName } from './cert-name';
import { pathValid, validatorFindings } from './path-choice';
import type { CertPool } from './pool';
import type { CandidatePath, PoolCert } from './types';
import { daysBetween, listText, plural } from './words';

export function roleOf(path: readonly PoolCert[], i: number, anchored: boolean): ChainCertDto['role'] {
  if (i === 0) return 'leaf';
  if (i === path.length - 1 && (anchored || path[i].cert.selfIssued)) return 'root';
  return 'intermediate';
}

const WORST = { ok: 0, warning: 1, error: 2 } as const;

export function chainCertDtos(
  path: readonly PoolCert[],
  anchored: boolean,
  pool: CertPool,
  problems: readonly ChainProblemDto[],
  revocation: readonly (RevocationDto | null)[] | null,
  at: number,
): ChainCertDto[] {
  return path.map((p, i) => {
    const c = p.cert;
    let status: ChainCertDto['status'] = 'ok';
    for (const pr of problems) {
      if (pr.certIndex !== i || pr.severity === 'info') continue;
      if (WORST[pr.severity] > WORST[status]) status = pr.severity;
    }
    const merged = pool.get(c.sha256) ?? p;
    return {
      sha256: c.sha256,
      subject: c.subject,
      issuer: c.issuer,
      role: roleOf(path, i, anchored),
      source: merged.source,
      alsoFrom: pool.alsoFrom(c.sha256),
      url: merged.url ?? null,
      trusted: merged.trusted,
      notBefore: new Date(c.notBefore).toISOString(),
      notAfter: new Date(c.notAfter).toISOString(),
      daysLeft: daysBetween(at, c.notAfter),
      status,
      key: c.keyDescription,
      signatureAlgorithm: c.signatureAlgorithm,
      revocation: revocation?.[i] ?? null,
      objectId: null,
    };
  });
}

export function pathDtos(paths: readonly CandidatePath[], chosen: number, chosenValid: boolean): ChainPathDto[] {
  return paths.map((p, i) => {
    const top = p.certs[p.certs.length - 1];
    const valid = i === chosen ? chosenValid : pathValid(p);
    const count = plural(p.certs.length, 'certificate');
    const end = p.anchored ? `ends at trusted ${certName(top.cert)}` : top.cert.selfIssued ? `ends at ${certName(top.cert)}, which is not trusted` : `stops at ${certName(top.cert)}, whose issuer was not found`;
    const codes = [...new Set(validatorFindings(p).filter((f) => f.severity === 'error').map((f) => f.code))];
    const why = valid ? 'valid' : codes.length ? `not valid (${listText(codes)})` : 'not valid';
    return {
      certs: p.certs.map((c) => c.cert.sha256),
      names: p.certs.map((c) => certName(c.cert)),
      valid,
      summary: `${i === chosen ? 'chosen: ' : ''}${why}, ${end}, ${count}`,
      chosen: i === chosen,
    };
  });
}

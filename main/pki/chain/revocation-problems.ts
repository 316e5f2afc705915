/** Per-certificate revocation answers as problems: REVOKED (error) and REVOCATION_UNKNOWN (warning). */
import type { RevocationDto } from '../../api/dto';
import type { ChainCert } from './chain-cert';
import { certName } from './cert-name';
import type { Diagnosed } from './diagnosed';

export function revocationProblems(path: readonly ChainCert[], results: readonly (RevocationDto | null)[] | null): Diagnosed[] {
  const out: Diagnosed[] = [];
  if (!results) return out;
  path.forEach((cert, i) => {
    const r = results[i];
    if (!r) return;
    const name = certName(cert);
    const how = r.detail ? ` ${r.detail.replace(/\.?$/, '.')}` : '';
    if (r.status === 'revoked') {
      const when = r.revokedAt ? ` on ${r.revokedAt.slice(0, 10)}` : '';
      const why = r.reason ? ` (${r.reason})` : '';
      out.push({
        code: 'REVOKED',
        severity: 'error',
        certIndex: i,
        message: `${i === 0 ? 'The certificate' : 'The intermediate'} ${name} was revoked${when}${why}.${how}`,
        fix:
          i === 0
            ? `Get a new certificate${r.reason === 'keyCompromise' ? ' with a NEW key (the old key is compromised)' : ''} and install it with its intermediates.`
            : `The CA revoked this intermediate: download the CA's current chain and install it.`,
        headline: `${name} was revoked${when}`,
      });
    } else if (r.status === 'unknown') {
      out.push({
        code: 'REVOCATION_UNKNOWN',
        severity: 'warning',
        certIndex: i,
        message: `Could not tell whether ${name} is revoked.${how}`,
        fix: `Check that ${r.url ?? 'its OCSP responder or CRL'} can be reached from here. A server can spare its clients this lookup by stapling OCSP (nginx: ssl_stapling on; Apache: SSLUseStapling on).`,
        headline: `Could not tell whether ${name} is revoked`,
      });
    }
  });
  return out;
}

/**
 * CRLs the user gave (files beside the certificates) checked offline for each certificate of the path, and
 * merged with what the network said: a revocation found in them always counts; a "good" from them replaces an
 * "unknown" (or no answer at all). What they do not cover is left as it was, so no CRL given means no change.
 */
import type { RevocationDto } from '../../api/dto';
import { checkCrls } from '../revocation/crl-check';
import type { ChainCert } from './chain-cert';

export function mergeGivenCrls(
  path: readonly ChainCert[],
  crls: readonly Uint8Array[],
  at: number,
  fromNetwork: readonly (RevocationDto | null)[] | null,
): (RevocationDto | null)[] | null {
  if (crls.length === 0 || path.length < 2) return fromNetwork ? [...fromNetwork] : null;
  const merged = path.map((_, i) => fromNetwork?.[i] ?? null);
  let any = fromNetwork !== null;
  for (let i = 0; i < path.length - 1; i++) {
    const given = checkCrls({ cert: path[i], issuer: path[i + 1], path, crls, at });
    if (given.status !== 'revoked' && given.status !== 'good') continue;
    const had = merged[i];
    if (given.status === 'revoked' || !had || had.status === 'unknown' || had.status === 'not-checked') {
      merged[i] = { ...given, detail: `A CRL you gave: ${given.detail}` };
      any = true;
    }
  }
  return any ? merged : null;
}

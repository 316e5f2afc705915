/**
 * RFC 5280 6.3 CRL processing for one certificate: the CRL's issuer and signature (cRLSign, the issuer's
 * key or an indirect CRL issuer's), thisUpdate/nextUpdate at the time, issuing distribution point scope,
 * delta CRLs, critical extensions, and whether the serial is listed (with reason and date; removeFromCRL).
 * STUB (owner: chain-revocation).
 */
import type { RevocationDto } from '../../api/dto';
import type { ChainCert } from '../chain/chain-cert';

export interface CrlCheckInput {
  cert: ChainCert;
  /** The certificate that issued `cert` (the next one up the path). */
  issuer: ChainCert;
  /** The whole path, leaf first, anchor last (indirect CRLs may be signed by another certificate on it). */
  path: readonly ChainCert[];
  /** CRLs available (DER), from files or downloads. */
  crls: readonly Uint8Array[];
  /** Other certificates that may have signed a CRL (indirect CRL issuers), beyond the path. */
  others?: readonly ChainCert[];
  at: number;
}

/** 'good', 'revoked' (with date and reason) or 'unknown' (no usable CRL covers it: why, in detail). method 'crl'. */
export function checkCrls(input: CrlCheckInput): RevocationDto {
  void input;
  return { status: 'unknown', method: 'crl', revokedAt: null, reason: null, thisUpdate: null, nextUpdate: null, url: null, detail: 'CRL checking is not built yet.' };
}

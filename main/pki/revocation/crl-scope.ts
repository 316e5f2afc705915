/**
 * RFC 5280 6.3.3 (b): whether a complete CRL covers a certificate through one of its distribution points: the
 * CRL's issuer (the certificate's issuer, or an indirect CRL's issuer the DP names as cRLIssuer), the IDP's
 * distribution point names against the DP's, and the IDP's only-user / only-CA / only-attribute restrictions.
 */
import type { ChainCert } from '../chain/chain-cert';
import type { CheckableCrl } from './checkable-crl';
import type { DistributionPoint } from './distribution-points';

/** The DP a certificate without cRLDistributionPoints is taken to have: its issuer's CRLs, every reason. */
export const IMPLICIT_DP: DistributionPoint = { names: null, reasons: null, crlIssuer: null };

export type Scope = { covers: true } | { covers: false; issuerMatches: boolean; why: string };

export function crlScope(crl: CheckableCrl, dp: DistributionPoint, cert: ChainCert): Scope {
  const idp = crl.idp;
  if (dp.crlIssuer) {
    if (!dp.crlIssuer.has(`dn:${crl.issuerKey}`)) return { covers: false, issuerMatches: false, why: `the CRL of ${crl.issuerText} is not from the CRL issuer the certificate names` };
    if (!idp?.indirect) return { covers: false, issuerMatches: true, why: `the CRL of ${crl.issuerText} is not marked as an indirect CRL, which a CRL issuer named in cRLDistributionPoints must be` };
  } else if (crl.issuerKey !== cert.issuerKey) {
    return { covers: false, issuerMatches: false, why: `the CRL of ${crl.issuerText} is not from the certificate's issuer` };
  }
  if (idp?.names) {
    const names = dp.names ?? dp.crlIssuer;
    if (!names || ![...idp.names].some((n) => names.has(n))) {
      return { covers: false, issuerMatches: true, why: `the CRL of ${crl.issuerText} covers a distribution point the certificate does not name` };
    }
  }
  const isCa = cert.basicConstraints?.ca === true;
  if (idp?.onlyUserCerts && isCa) return { covers: false, issuerMatches: true, why: `the CRL of ${crl.issuerText} only contains end-entity certificates and the certificate is a CA certificate` };
  if (idp?.onlyCaCerts && !isCa) return { covers: false, issuerMatches: true, why: `the CRL of ${crl.issuerText} only contains CA certificates and the certificate is an end-entity certificate` };
  if (idp?.onlyAttributeCerts) return { covers: false, issuerMatches: true, why: `the CRL of ${crl.issuerText} only contains attribute certificates` };
  return { covers: true };
}

/** The CRL URLs a certificate names (cRLDistributionPoints fullName URIs), read by the Inspector's own decoder. */
import { EXT, type ChainCert } from '../chain/chain-cert';
import { crlDistributionPoints } from '../x509/extensions/crl-distribution-points';

export function crlUrls(cert: ChainCert): string[] {
  const ext = cert.extensions.get(EXT.crlDistributionPoints);
  if (!ext) return [];
  try {
    return crlDistributionPoints
      .decode(ext.value)
      .lines.filter((l) => l.startsWith('Full Name: URI:'))
      .map((l) => l.slice('Full Name: URI:'.length));
  } catch {
    return [];
  }
}

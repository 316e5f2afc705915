/** The Inspector's expiry chip for a keystore certificate (which carries days left but no validity word). */
import type { KeystoreCertDto } from '../../../main/api/dto';
import { ExpiryChip } from '../inspect/ExpiryChip';

export function CertExpiryChip({ cert }: { cert: KeystoreCertDto }) {
  const validity = cert.daysLeft === null || !cert.notAfter ? 'invalid-time' : cert.daysLeft < 0 ? 'expired' : 'valid';
  return <ExpiryChip cert={{ notAfter: cert.notAfter, daysLeft: cert.daysLeft, validity }} />;
}

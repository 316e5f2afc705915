/**
 * Expiry of a keystore certificate, in the Inspector's colours. `compact` (the entries table) says only how
 * long is left ("12 days left", "Expired 3 days ago") with the date in its tooltip; the details say both.
 */
import Chip from '@mui/material/Chip';
import type { KeystoreCertDto } from '../../../main/api/dto';
import { ExpiryChip } from '../inspect/ExpiryChip';
import { expiryTone } from '../inspect/verdict';
import { expiryWords } from '../inspect/words';
import { shortExpiryWords } from './words';

function validityOf(cert: KeystoreCertDto) {
  return cert.daysLeft === null || !cert.notAfter ? ('invalid-time' as const) : cert.daysLeft < 0 ? ('expired' as const) : ('valid' as const);
}

export function CertExpiryChip({ cert, compact = false }: { cert: KeystoreCertDto; compact?: boolean }) {
  const validity = validityOf(cert);
  const facts = { notAfter: cert.notAfter, daysLeft: cert.daysLeft, validity };
  if (!compact) return <ExpiryChip cert={facts} />;
  const tone = expiryTone(cert.daysLeft, validity);
  return <Chip label={shortExpiryWords(cert)} title={expiryWords(facts)} color={tone} variant={tone === 'success' ? 'outlined' : 'filled'} />;
}

import Chip from '@mui/material/Chip';
import { expiryTone } from './verdict';
import { expiryWords, type ExpiryFacts } from './words';

export function ExpiryChip({ cert }: { cert: ExpiryFacts }) {
  const tone = expiryTone(cert.daysLeft, cert.validity);
  return <Chip label={expiryWords(cert)} color={tone} variant={tone === 'success' ? 'outlined' : 'filled'} />;
}

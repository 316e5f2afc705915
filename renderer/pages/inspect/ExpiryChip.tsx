import Chip from '@mui/material/Chip';
import type { CertificateDto } from '../../../main/api/dto';
import { expiryTone } from './verdict';
import { days } from './words';

export function ExpiryChip({ cert }: { cert: CertificateDto }) {
  const tone = expiryTone(cert.daysLeft, cert.validity);
  const label =
    cert.validity === 'invalid-time' || cert.daysLeft === null
      ? 'Bad validity dates'
      : cert.validity === 'expired'
      ? `Expired ${days(Math.abs(cert.daysLeft))} ago`
      : cert.validity === 'not-yet-valid'
        ? 'Not valid yet'
        : cert.daysLeft === 0
          ? 'Expires today'
          : `Expires in ${days(cert.daysLeft)}`;
  return <Chip label={label} color={tone} variant={tone === 'success' ? 'outlined' : 'filled'} />;
}

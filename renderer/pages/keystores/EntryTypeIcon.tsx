import KeyPairIcon from '@mui/icons-material/VpnKeyOutlined';
import TrustedIcon from '@mui/icons-material/VerifiedUserOutlined';
import SecretIcon from '@mui/icons-material/LockOutlined';
import type { KeystoreEntryDto } from '../../../main/api/dto';
import { ENTRY_TYPE_WORDS } from './words';

export function EntryTypeIcon({ type }: { type: KeystoreEntryDto['type'] }) {
  const props = { fontSize: 'small' as const, titleAccess: ENTRY_TYPE_WORDS[type] };
  switch (type) {
    case 'privateKey':
      return <KeyPairIcon {...props} color="secondary" />;
    case 'trustedCert':
      return <TrustedIcon {...props} color="primary" />;
    case 'secretKey':
      return <SecretIcon {...props} color="action" />;
  }
}

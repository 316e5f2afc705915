import type { ObjectDto } from '../../../main/api/dto';
import CertIcon from '@mui/icons-material/WorkspacePremiumOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import PublicKeyIcon from '@mui/icons-material/KeyOutlined';
import CsrIcon from '@mui/icons-material/AssignmentOutlined';
import CrlIcon from '@mui/icons-material/BlockOutlined';
import OcspIcon from '@mui/icons-material/FactCheckOutlined';
import SecretIcon from '@mui/icons-material/LockOutlined';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import { KIND_WORDS } from './words';

export function KindIcon({ kind }: { kind: ObjectDto['kind'] }) {
  const props = { fontSize: 'small' as const, titleAccess: KIND_WORDS[kind] };
  switch (kind) {
    case 'certificate':
      return <CertIcon {...props} color="primary" />;
    case 'privateKey':
      return <KeyIcon {...props} color="secondary" />;
    case 'publicKey':
      return <PublicKeyIcon {...props} color="action" />;
    case 'csr':
      return <CsrIcon {...props} color="action" />;
    case 'crl':
      return <CrlIcon {...props} color="action" />;
    case 'ocspResponse':
      return <OcspIcon {...props} color="action" />;
    case 'secretKey':
      return <SecretIcon {...props} color="action" />;
    case 'unsupported':
      return <WarningIcon {...props} color="warning" />;
  }
}

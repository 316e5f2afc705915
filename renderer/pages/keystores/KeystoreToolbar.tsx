/**
 * The current keystore's actions: add and import, then what applies to the selected entry (its key password
 * is in the row menu and the details), then save and close.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import AddTrustedIcon from '@mui/icons-material/AddModeratorOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import ReplyIcon from '@mui/icons-material/ReplyOutlined';
import EditIcon from '@mui/icons-material/DriveFileRenameOutline';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import SaveIcon from '@mui/icons-material/SaveOutlined';
import CloseIcon from '@mui/icons-material/CloseOutlined';
import type { KeystoreDto, KeystoreEntryDto } from '../../../main/api/dto';
import type { EntryAction } from './EntryMenu';

export type KeystoreAction = 'add-trusted' | 'import-key' | 'ca-reply' | 'save' | 'close';

interface Props {
  keystore: KeystoreDto;
  entry: KeystoreEntryDto | null;
  onAction: (action: KeystoreAction) => void;
  onEntryAction: (action: EntryAction) => void;
}

export function KeystoreToolbar({ keystore, entry, onAction, onEntryAction }: Props) {
  const hasKeyPairs = keystore.entries.some((e) => e.type === 'privateKey');
  return (
    <Box sx={{ px: 2, py: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Button startIcon={<AddTrustedIcon />} onClick={() => onAction('add-trusted')}>
        Add trusted certificate
      </Button>
      <Button startIcon={<KeyIcon />} onClick={() => onAction('import-key')}>
        Import key pair
      </Button>
      <Button startIcon={<ReplyIcon />} onClick={() => onAction('ca-reply')} disabled={!hasKeyPairs} title={hasKeyPairs ? undefined : 'Import a key pair first'}>
        Import CA reply
      </Button>
      <Divider orientation="vertical" flexItem />
      <Button startIcon={<EditIcon />} onClick={() => onEntryAction('rename')} disabled={!entry}>
        Rename
      </Button>
      <Button startIcon={<DeleteIcon />} color="error" onClick={() => onEntryAction('delete')} disabled={!entry}>
        Delete
      </Button>
      <Box sx={{ flex: 1 }} />
      <Button variant="contained" startIcon={<SaveIcon />} onClick={() => onAction('save')}>
        Save…
      </Button>
      <Button startIcon={<CloseIcon />} onClick={() => onAction('close')}>
        Close
      </Button>
    </Box>
  );
}

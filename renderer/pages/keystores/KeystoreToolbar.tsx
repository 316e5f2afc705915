/** The current keystore's actions: add and import, then what applies to the selected entry, then save and close. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import AddTrustedIcon from '@mui/icons-material/AddModeratorOutlined';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import ReplyIcon from '@mui/icons-material/ReplyOutlined';
import EditIcon from '@mui/icons-material/DriveFileRenameOutline';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import PasswordIcon from '@mui/icons-material/PasswordOutlined';
import SaveIcon from '@mui/icons-material/SaveOutlined';
import CloseIcon from '@mui/icons-material/CloseOutlined';
import type { KeystoreDto, KeystoreEntryDto } from '../../../main/api/dto';
import type { EntryAction } from './EntryMenu';
import { countWords, KINDS } from './words';

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
      <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }} data-testid="keystore-summary">
        {KINDS[keystore.kind].label} · {countWords(keystore.entries)}
        {keystore.dirty ? ' · unsaved changes' : keystore.path ? ' · saved' : ''}
      </Typography>
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
      <Button startIcon={<PasswordIcon />} onClick={() => onEntryAction('key-password')} disabled={entry?.type !== 'privateKey' || entry.locked}>
        Key password
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

/** A row's actions (right click, its ⋮ button, Shift+F10): what can be done to this kind of entry. */
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Divider from '@mui/material/Divider';
import EditIcon from '@mui/icons-material/DriveFileRenameOutline';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import ReplyIcon from '@mui/icons-material/ReplyOutlined';
import PasswordIcon from '@mui/icons-material/PasswordOutlined';
import UnlockIcon from '@mui/icons-material/LockOpenOutlined';
import type { KeystoreEntryDto } from '../../../main/api/dto';

export type EntryAction = 'rename' | 'delete' | 'ca-reply' | 'key-password' | 'unlock';

interface Props {
  entry: KeystoreEntryDto;
  anchor: { x: number; y: number } | HTMLElement;
  onAction: (action: EntryAction) => void;
  onClose: () => void;
}

export function EntryMenu({ entry, anchor, onAction, onClose }: Props) {
  const pick = (action: EntryAction) => () => {
    onClose();
    onAction(action);
  };
  const position = anchor instanceof HTMLElement ? { anchorEl: anchor } : { anchorReference: 'anchorPosition' as const, anchorPosition: { left: anchor.x, top: anchor.y } };
  const keyPair = entry.type === 'privateKey';
  return (
    <Menu open onClose={onClose} {...position} slotProps={{ list: { 'aria-label': `Actions for ${entry.alias}`, dense: true } }}>
      {keyPair && entry.locked && (
        <MenuItem onClick={pick('unlock')}>
          <ListItemIcon>
            <UnlockIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>Unlock with its password…</ListItemText>
        </MenuItem>
      )}
      {keyPair && (
        <MenuItem onClick={pick('ca-reply')}>
          <ListItemIcon>
            <ReplyIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>Import CA reply…</ListItemText>
        </MenuItem>
      )}
      {keyPair && (
        <MenuItem onClick={pick('key-password')} disabled={entry.locked}>
          <ListItemIcon>
            <PasswordIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>Change key password…</ListItemText>
        </MenuItem>
      )}
      {keyPair && <Divider />}
      <MenuItem onClick={pick('rename')}>
        <ListItemIcon>
          <EditIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>Rename…</ListItemText>
      </MenuItem>
      <MenuItem onClick={pick('delete')}>
        <ListItemIcon>
          <DeleteIcon fontSize="small" color="error" />
        </ListItemIcon>
        <ListItemText>Delete…</ListItemText>
      </MenuItem>
    </Menu>
  );
}

/** What is watched: one line per folder, file or server, each with Remove; and the Add buttons. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Tooltip from '@mui/material/Tooltip';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import DnsIcon from '@mui/icons-material/DnsOutlined';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import FolderIcon from '@mui/icons-material/FolderOutlined';
import type { WatchTargetDto } from '../../../main/api/dto';
import type { TargetKind } from './targets';
import { targetDetail, targetTitle } from './words';

const ICON = { folder: <FolderIcon />, file: <FileIcon />, endpoint: <DnsIcon /> };

interface Props {
  targets: WatchTargetDto[];
  busy: boolean;
  onAdd: (kind: TargetKind) => void;
  onRemove: (target: WatchTargetDto) => void;
}

export function WatchlistPanel({ targets, busy, onAdd, onRemove }: Props) {
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<FolderIcon />} onClick={() => onAdd('folder')} data-testid="expiry-add-folder">
          Add folder…
        </Button>
        <Button variant="outlined" startIcon={<FileIcon />} onClick={() => onAdd('file')} data-testid="expiry-add-file">
          Add file…
        </Button>
        <Button variant="outlined" startIcon={<DnsIcon />} onClick={() => onAdd('endpoint')} data-testid="expiry-add-endpoint">
          Add server…
        </Button>
      </Box>
      <List dense aria-label="Watchlist" data-testid="expiry-watchlist" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'background.paper' }}>
        {targets.map((t) => (
          <ListItem
            key={t.id}
            data-testid="expiry-target"
            secondaryAction={
              <Tooltip title="Stop watching (the files stay where they are)">
                <IconButton edge="end" aria-label={`Remove ${targetTitle(t)} from the watchlist`} onClick={() => onRemove(t)} disabled={busy}>
                  <DeleteIcon />
                </IconButton>
              </Tooltip>
            }
          >
            <ListItemIcon>{ICON[t.kind]}</ListItemIcon>
            <ListItemText primary={targetTitle(t)} secondary={targetDetail(t)} slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } }, secondary: { sx: { overflowWrap: 'anywhere' } } }} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}

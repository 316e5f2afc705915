/** Nothing watched yet: what the page does, and the three ways to start. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import EventIcon from '@mui/icons-material/EventNote';
import FolderIcon from '@mui/icons-material/FolderOutlined';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import DnsIcon from '@mui/icons-material/DnsOutlined';
import type { TargetKind } from './targets';

export function EmptyWatchlist({ onAdd }: { onAdd: (kind: TargetKind) => void }) {
  return (
    <Box data-testid="expiry-empty" sx={{ maxWidth: 640, mx: 'auto', mt: 6, textAlign: 'center', display: 'grid', gap: 2, justifyItems: 'center' }}>
      <EventIcon sx={{ fontSize: 56, color: 'primary.main' }} />
      <Typography variant="h5" component="h2" sx={{ fontWeight: 700 }}>
        Know before a certificate expires
      </Typography>
      <Typography color="text.secondary">
        Add the folders where your certificates live (PEM, DER, PFX and Java keystores are all read, subfolders too), single files, and the servers that
        present them. Certbench scans them, shows what expires in the next 60, 30 and 3 days, and reminds you as each one comes close.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', justifyContent: 'center' }}>
        <Button variant="contained" startIcon={<FolderIcon />} onClick={() => onAdd('folder')} data-testid="expiry-add-folder">
          Add folder…
        </Button>
        <Button variant="outlined" startIcon={<FileIcon />} onClick={() => onAdd('file')} data-testid="expiry-add-file">
          Add file…
        </Button>
        <Button variant="outlined" startIcon={<DnsIcon />} onClick={() => onAdd('endpoint')} data-testid="expiry-add-endpoint">
          Add server…
        </Button>
      </Box>
      <Typography variant="caption" color="text.secondary">
        Keystore passwords go to the key vault for this session only; the watchlist itself keeps no secret.
      </Typography>
    </Box>
  );
}

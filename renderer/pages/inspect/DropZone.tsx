/** The empty state: what can be dropped, and the two other ways in. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import UploadIcon from '@mui/icons-material/FileOpenOutlined';
import PasteIcon from '@mui/icons-material/ContentPaste';
import CloudIcon from '@mui/icons-material/CloudUploadOutlined';

export const DROPPABLE = ['PEM', 'DER', 'P7B', 'PFX / P12', 'JKS', 'JCEKS', 'Private and public keys', 'CSRs', 'CRLs'];

export function DropZone({ onOpen, onPaste, mod }: { onOpen: () => void; onPaste: () => void; mod: string }) {
  return (
    <Box
      data-testid="drop-zone"
      sx={{
        flex: 1,
        m: 3,
        border: 2,
        borderStyle: 'dashed',
        borderColor: 'divider',
        borderRadius: 3,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        textAlign: 'center',
        gap: 2,
        p: 4,
      }}
    >
      <CloudIcon sx={{ fontSize: 56, color: 'primary.main', opacity: 0.8 }} />
      <Box>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 700 }}>
          Drop certificate files anywhere in this window
        </Typography>
        <Typography color="text.secondary" sx={{ mt: 0.5 }}>
          Certbench finds out what is inside by looking at the content, whatever the file is called.
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, justifyContent: 'center', maxWidth: 560 }} aria-label="What you can drop">
        {DROPPABLE.map((f) => (
          <Chip key={f} label={f} variant="outlined" />
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1.5, mt: 1 }}>
        <Button variant="contained" size="medium" startIcon={<UploadIcon />} onClick={onOpen}>
          Open files…
        </Button>
        <Button variant="outlined" size="medium" startIcon={<PasteIcon />} onClick={onPaste}>
          Paste PEM
        </Button>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {mod}+O opens files · {mod}+V pastes PEM text · Private keys never leave Certbench’s engine
      </Typography>
    </Box>
  );
}

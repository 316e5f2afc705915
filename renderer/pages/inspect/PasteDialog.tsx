import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

export function PasteDialog({ open, onOpenText, onClose }: { open: boolean; onOpenText: (text: string) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const submit = () => {
    onOpenText(text);
    setText('');
  };
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="paste-title">
      <DialogTitle id="paste-title">Paste PEM</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          Certificates, chains, CSRs, CRLs, public or private keys: anything between “-----BEGIN” and “-----END” lines.
          Private keys stay inside Certbench.
        </Typography>
        <TextField
          autoFocus
          multiline
          fullWidth
          minRows={10}
          maxRows={18}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----'}
          slotProps={{ htmlInput: { 'aria-label': 'PEM text', spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } } }}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={text.trim() === ''}>
          Open
        </Button>
      </DialogActions>
    </Dialog>
  );
}
